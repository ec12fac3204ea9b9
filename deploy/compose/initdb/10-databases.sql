-- One database per service, created on the first start of the PostgreSQL container.
CREATE DATABASE incident_core;
CREATE DATABASE slack_gateway;
CREATE DATABASE email_ingest;
CREATE DATABASE escalation;
CREATE DATABASE reminder;
CREATE DATABASE postmortem;
CREATE DATABASE ticket_exporter;
