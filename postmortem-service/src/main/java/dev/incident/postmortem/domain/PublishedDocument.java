package dev.incident.postmortem.domain;

/**
 * Where a draft was published.
 *
 * @param documentId Drive's file id, null for a local file
 */
public record PublishedDocument(String documentId, String url) {}
