-- The copy of each incident's events this service folds on close, as they came off the log.
CREATE TABLE incident_event (
    incident_id TEXT NOT NULL,
    sequence    BIGINT NOT NULL,
    event_id    UUID NOT NULL,
    type        TEXT NOT NULL,
    body        BYTEA NOT NULL,
    PRIMARY KEY (incident_id, sequence)
);

-- One row per closed incident: the durable job that makes its one document.
CREATE TABLE postmortem (
    incident_id     TEXT PRIMARY KEY,
    state           TEXT NOT NULL,
    replace_content BOOLEAN NOT NULL DEFAULT FALSE,
    attempts        INT NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    document_id     TEXT,
    url             TEXT,
    recorded_url    TEXT,
    last_error      TEXT,
    updated_at      TIMESTAMPTZ NOT NULL
);

CREATE INDEX postmortem_due ON postmortem (next_attempt_at) WHERE state = 'PENDING';
