package dev.incident.reminder.domain;

import java.time.Instant;

import dev.incident.events.model.ReminderRule;

/**
 * A reminder that went out: the rule, the due time it was for, and when it was sent (the command's
 * time) or recorded (the ReminderIssued event's time), whichever this service saw first.
 */
public record FiredReminder(ReminderRule rule, Instant dueAt, Instant firedAt) {}
