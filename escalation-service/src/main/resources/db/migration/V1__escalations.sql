-- The events of every incident this service has seen, to fold its state, and to recognise a
-- redelivered event by its incident and sequence.
CREATE TABLE incident_event (
    incident_id TEXT NOT NULL,
    sequence BIGINT NOT NULL,
    envelope TEXT NOT NULL,
    PRIMARY KEY (incident_id, sequence)
);

-- One row per escalation: the layer paged last, and when the next one is due. Layer 0 means
-- "claimed, first layer not paged yet": the timer pages it if the service stopped in between.
CREATE TABLE escalation (
    id TEXT PRIMARY KEY,
    incident_id TEXT NOT NULL,
    schedule TEXT NOT NULL,
    role TEXT,
    reason TEXT,
    layer INT NOT NULL,
    status TEXT NOT NULL,
    due_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX escalation_due ON escalation (status, due_at);
CREATE INDEX escalation_incident ON escalation (incident_id, status);
