-- Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.

-- Scheduled runs: an operation asked for a later time. The request is stored as the columns of a rollout request (as
-- in rollouts and approvals); the rest is the run's state, written by compare-and-set on version. The lease says which
-- replica reminds, fires or reports it; a run is fired once because only one write moves a version to STARTING, with
-- the id its rollout starts under (rollout_id), before the start is called.
CREATE TABLE scheduled_runs (
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
    approver        VARCHAR(64),
    start_anyway    BOOLEAN                  NOT NULL DEFAULT FALSE,
    channel         VARCHAR(64)              NOT NULL,
    -- when it starts; zone_id is the zone the requester wrote the time in, for display only
    run_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    zone_id         VARCHAR(64)              NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    state           VARCHAR(16)              NOT NULL,
    reminded_at     TIMESTAMP WITH TIME ZONE,
    reminder_ts     VARCHAR(32),
    rollout_id      VARCHAR(64),
    decided_by      VARCHAR(64),
    ended_at        TIMESTAMP WITH TIME ZONE,
    outcome         TEXT,
    version         BIGINT                   NOT NULL,
    lease_owner     VARCHAR(255),
    lease_until     TIMESTAMP WITH TIME ZONE
);

CREATE INDEX scheduled_runs_state ON scheduled_runs (state, run_at);
CREATE INDEX scheduled_runs_ended ON scheduled_runs (ended_at);
