-- A request made with --at that waits for its approval: once approved it becomes a scheduled run at that time (the
-- approval happens now, the start later). zone_id is the zone the requester wrote the time in, for display only.
ALTER TABLE approvals ADD COLUMN run_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE approvals ADD COLUMN zone_id VARCHAR(64);
