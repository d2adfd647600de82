-- Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.

-- Requests that may start an operation, by the id Slack gave them ('view:<view id>' for a submitted modal,
-- 'approval:<approval id>' for an approval): the primary key makes a request start at most once, however often
-- Slack delivers it and however long after the first operation ended.
CREATE TABLE request_keys (
    request_key VARCHAR(255)             NOT NULL PRIMARY KEY,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX request_keys_created ON request_keys (created_at);
-- the retention purge deletes by age
CREATE INDEX approvals_decided ON approvals (status, decided_at);
