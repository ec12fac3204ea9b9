-- A database for each service that keeps one, created on the first start of the container.
CREATE DATABASE incident_core;
CREATE DATABASE slack_gateway;
CREATE DATABASE escalation;
CREATE DATABASE postmortem;
