-- An admin's "start anyway" past a failed health gate, kept with a request that waits for its approval so that the
-- approver's click starts it as the admin asked (the gate is checked again then; the override is audited).
ALTER TABLE approvals ADD COLUMN start_anyway BOOLEAN DEFAULT FALSE NOT NULL;
