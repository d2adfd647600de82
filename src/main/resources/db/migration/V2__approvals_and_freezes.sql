-- Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.

-- The second person of the two-person rule, once approved.
ALTER TABLE rollouts ADD COLUMN approver VARCHAR(64);

-- Requests waiting for a second person. The request is stored as the columns of a rollout request.
CREATE TABLE approvals (
    id              VARCHAR(64)              NOT NULL PRIMARY KEY,
    kind            VARCHAR(32)              NOT NULL,
    service         VARCHAR(16)              NOT NULL,
    cluster_no      VARCHAR(64)              NOT NULL,
    cluster_name    VARCHAR(255)             NOT NULL,
    region          VARCHAR(16)              NOT NULL,
    target_version  VARCHAR(64),
    config_group_no VARCHAR(64),
    requester       VARCHAR(64)              NOT NULL,
    reason          TEXT                     NOT NULL,
    channel         VARCHAR(64)              NOT NULL,
    message_ts      VARCHAR(32)              NOT NULL,
    approvers       TEXT                     NOT NULL,
    requested_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    status          VARCHAR(16)              NOT NULL,
    decided_by      VARCHAR(64),
    decided_at      TIMESTAMP WITH TIME ZONE
);

CREATE INDEX approvals_status ON approvals (status, expires_at);

-- Clusters admins froze ('all' freezes every cluster).
CREATE TABLE freezes (
    freeze_key   VARCHAR(128)             NOT NULL PRIMARY KEY,
    service      VARCHAR(16),
    cluster_no   VARCHAR(64),
    cluster_name VARCHAR(255),
    region       VARCHAR(16),
    reason       TEXT                     NOT NULL,
    frozen_by    VARCHAR(64)              NOT NULL,
    frozen_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
