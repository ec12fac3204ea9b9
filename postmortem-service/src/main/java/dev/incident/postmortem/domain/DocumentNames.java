package dev.incident.postmortem.domain;

/** File and document names derived from an incident's reference. */
public final class DocumentNames {

    private DocumentNames() {}

    /** A file name stem that is safe on every file system: "INC-7K2Q-postmortem". */
    public static String fileStem(String reference) {
        String safe = reference.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe + "-postmortem";
    }

    /** The document's title as people see it in Drive. */
    public static String title(String reference, String incidentTitle) {
        return "Postmortem " + reference + ": " + incidentTitle;
    }
}
