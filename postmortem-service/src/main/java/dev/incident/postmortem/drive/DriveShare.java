package dev.incident.postmortem.drive;

/**
 * One permission given on each document, as Drive's permissions.create takes it.
 *
 * @param type user, group, domain or anyone
 * @param role reader, commenter or writer
 * @param emailAddress for a user or group, else null
 * @param domain for a domain, else null
 * @param sendEmail whether Drive emails the user or group about it
 */
public record DriveShare(
        String type, String role, String emailAddress, String domain, boolean sendEmail) {

    /** Only shares with a user or a group can send a notification email. */
    boolean addressesPeople() {
        return "user".equals(type) || "group".equals(type);
    }
}
