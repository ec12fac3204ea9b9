package dev.incident.escalation.oncall;

import java.util.List;

import dev.incident.events.command.IncidentCommand.RecordEscalation;
import dev.incident.events.model.Actor;

/**
 * What one page did: the escalations to record (a failed provider, then the fallback's page), and
 * who was paged in the end.
 *
 * @param paged null when nobody was paged
 * @param layerMissing true when the schedule has nobody on the requested layer
 */
public record PageReport(List<RecordEscalation> records, Actor paged, boolean layerMissing) {

    public PageReport {
        records = List.copyOf(records);
    }

    public boolean anyonePaged() {
        return paged != null;
    }
}
