package dev.incident.postmortem.domain;

/** A draft rendered from the templates, in both forms a publisher may need. */
public record RenderedDraft(
        String incidentId, String reference, String title, String html, String markdown) {}
