-- Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.

-- Fleets: one operation over many clusters in waves. The whole fleet (its plan, where each cluster is, what its
-- thread still has to say) is one JSON document, written by compare-and-set on version; the lease says which replica
-- moves it. Each cluster's operation is an ordinary row of rollouts, found by the id the fleet stored before starting it.
CREATE TABLE fleets (
    id          VARCHAR(64)              NOT NULL PRIMARY KEY,
    state       VARCHAR(32)              NOT NULL,
    body        TEXT                     NOT NULL,
    version     BIGINT                   NOT NULL,
    -- false until the fleet ended and its message and thread said so: the runner keeps the unsettled ones
    settled     BOOLEAN                  NOT NULL DEFAULT FALSE,
    lease_owner VARCHAR(255),
    lease_until TIMESTAMP WITH TIME ZONE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX fleets_state ON fleets (state, updated_at);
CREATE INDEX fleets_settled ON fleets (settled, lease_owner);
