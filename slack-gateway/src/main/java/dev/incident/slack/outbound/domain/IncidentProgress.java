package dev.incident.slack.outbound.domain;

/**
 * What the gateway has done in Slack for one incident, kept durably: the last event it handled and
 * what it created, so a redelivered event or a restart posts nothing twice.
 *
 * @param lastSequence the last event sequence whose reaction is complete; 0 for none
 * @param cardTs the timestamp of the pinned incident card, which later events update in place
 * @param announcementTs the announcement in the announcements channel, for replies in its thread
 */
public record IncidentProgress(
        String incidentId,
        long lastSequence,
        String channelId,
        String channelName,
        String cardTs,
        String announcementTs) {

    public static IncidentProgress none(String incidentId) {
        return new IncidentProgress(incidentId, 0, null, null, null, null);
    }

    public boolean handled(long sequence) {
        return sequence <= lastSequence;
    }

    public IncidentProgress withChannel(String id, String name) {
        return new IncidentProgress(incidentId, lastSequence, id, name, cardTs, announcementTs);
    }

    public IncidentProgress withCard(String ts) {
        return new IncidentProgress(
                incidentId, lastSequence, channelId, channelName, ts, announcementTs);
    }

    public IncidentProgress withAnnouncement(String ts) {
        return new IncidentProgress(incidentId, lastSequence, channelId, channelName, cardTs, ts);
    }

    public IncidentProgress handledUpTo(long sequence) {
        return new IncidentProgress(
                incidentId, sequence, channelId, channelName, cardTs, announcementTs);
    }
}
