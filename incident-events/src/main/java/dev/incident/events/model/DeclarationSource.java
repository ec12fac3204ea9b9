package dev.incident.events.model;

/** Where a declaration came from. */
public enum DeclarationSource {
    SLACK_SHORTCUT,
    SLASH_COMMAND,
    EMAIL,
    API
}
