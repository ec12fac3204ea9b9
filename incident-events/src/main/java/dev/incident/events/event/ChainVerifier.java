package dev.incident.events.event;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.incident.events.json.ContractJson;

/**
 * Checks one incident's events, in log order and as stored, against the hash chain: sequence 1, 2,
 * 3 with no gap, each previous hash equal to the hash before it, each hash equal to the hash of the
 * event's own content. It works on the stored JSON, not on decoded events, because upcasting an old
 * event changes its form but not what was recorded.
 *
 * <p>A chain cannot show that events were cut off at its end; compare the count with the incident's
 * last known sequence for that.
 */
public final class ChainVerifier {

    /** The outcome: intact, or the first event where the chain breaks and why. */
    public record Report(int checked, Optional<Break> firstBreak) {
        public boolean intact() {
            return firstBreak.isEmpty();
        }
    }

    /**
     * Where the chain breaks.
     *
     * @param position 1-based position in the list that was checked
     * @param sequence the sequence number the bad event carries
     * @param eventId the bad event's id, as stored
     */
    public record Break(int position, long sequence, String eventId, String problem) {}

    public Report verify(List<byte[]> storedEvents) {
        String previousHash = EventChain.GENESIS;
        String incidentId = null;

        for (int i = 0; i < storedEvents.size(); i++) {
            ObjectNode event = parse(storedEvents.get(i));
            int position = i + 1;
            long sequence = event.path("sequence").asLong(-1);
            String eventId = event.path("eventId").asText(null);
            String problem =
                    event.isEmpty()
                            ? "not a readable event"
                            : problem(event, position, previousHash, incidentId);

            if (problem != null) {
                return new Report(
                        position, Optional.of(new Break(position, sequence, eventId, problem)));
            }
            previousHash = event.path("hash").asText();
            incidentId = event.path("incidentId").asText();
        }
        return new Report(storedEvents.size(), Optional.empty());
    }

    private static String problem(
            ObjectNode event, int position, String expectedPrevious, String incidentId) {
        long sequence = event.path("sequence").asLong(-1);
        if (incidentId != null && !incidentId.equals(event.path("incidentId").asText())) {
            return "belongs to incident "
                    + event.path("incidentId").asText()
                    + ", not "
                    + incidentId;
        }
        if (sequence != position) {
            return "sequence "
                    + sequence
                    + " where "
                    + position
                    + " was expected"
                    + " (an event is missing or out of order)";
        }
        if (!expectedPrevious.equals(event.path("previousHash").asText())) {
            return "previous hash does not match the hash of event "
                    + (position - 1)
                    + " (an earlier event was changed, removed or reordered)";
        }
        if (!EventChain.hashOf(event).equals(event.path("hash").asText())) {
            return "content does not match its hash (the event was changed)";
        }
        return null;
    }

    private static ObjectNode parse(byte[] stored) {
        try {
            JsonNode tree = ContractJson.mapper().readTree(stored);
            if (tree instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException e) {
            // an unreadable event breaks the chain; the caller reports it as such
        }
        return ContractJson.mapper().createObjectNode();
    }
}
