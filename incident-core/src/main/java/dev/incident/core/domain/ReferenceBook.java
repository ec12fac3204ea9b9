package dev.incident.core.domain;

import java.util.HashMap;
import java.util.Map;

import dev.incident.events.state.IncidentIds;

/**
 * The short references (INC-XXXX) already given, so a new incident gets one nobody else holds: the
 * four-character form of its id, lengthened one character at a time while it is taken.
 */
public final class ReferenceBook {

    static final int SHORTEST = 4;

    private final Map<String, String> incidentByReference = new HashMap<>();

    /** Notes a reference found in the log. */
    public void taken(String reference, String incidentId) {
        incidentByReference.put(reference, incidentId);
    }

    /** The reference a new incident gets; it is not noted until its declaration is applied. */
    public String propose(String incidentId) {
        for (int length = SHORTEST; ; length++) {
            String reference = IncidentIds.reference(incidentId, length);
            String holder = incidentByReference.get(reference);
            if (holder == null || holder.equals(incidentId)) {
                return reference;
            }
        }
    }

    public int size() {
        return incidentByReference.size();
    }
}
