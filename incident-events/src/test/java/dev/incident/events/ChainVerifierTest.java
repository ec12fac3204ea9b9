package dev.incident.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import dev.incident.events.event.ChainVerifier;
import dev.incident.events.event.ChainVerifier.Break;
import dev.incident.events.event.EventChain;
import dev.incident.events.event.EventEnvelope;
import dev.incident.events.json.ContractCodec;
import dev.incident.events.json.ContractJson;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

class ChainVerifierTest {

    private final ContractCodec codec = new ContractCodec();
    private final ChainVerifier verifier = new ChainVerifier();

    private final List<EventEnvelope> log = ContractSamples.chainedEvents("inc-chain");

    @Test
    void shouldFindAnUntouchedLogIntact() {
        var report = verifier.verify(stored(log));

        assertThat(report.intact()).isTrue();
        assertThat(report.checked()).isEqualTo(log.size());
    }

    @Test
    void shouldNameAChangedEvent() throws Exception {
        List<byte[]> stored = stored(log);
        stored.set(7, replace(stored.get(7), "Rolling back 4.18", "Nothing to see"));

        Break found = firstBreak(stored);

        assertThat(found.sequence()).isEqualTo(8);
        assertThat(found.eventId()).isEqualTo(log.get(7).eventId().toString());
        assertThat(found.problem()).contains("content does not match its hash");
    }

    @Test
    void shouldNameTheEventAfterAChangeWhoseHashWasRecomputed() throws Exception {
        List<byte[]> stored = stored(log);
        ObjectNode forged = (ObjectNode) ContractJson.mapper().readTree(stored.get(3));
        ((ObjectNode) forged.get("payload")).put("role", "OPERATIONS_ENGINEER");
        forged.put("hash", EventChain.hashOf(forged));
        stored.set(3, ContractJson.mapper().writeValueAsBytes(forged));

        Break found = firstBreak(stored);

        assertThat(found.sequence()).isEqualTo(5);
        assertThat(found.problem()).contains("previous hash does not match");
    }

    @Test
    void shouldNameTheEventAfterARemovedOne() {
        List<byte[]> stored = stored(log);
        stored.remove(4);

        Break found = firstBreak(stored);

        assertThat(found.position()).isEqualTo(5);
        assertThat(found.sequence()).isEqualTo(6);
        assertThat(found.problem()).contains("sequence 6 where 5 was expected");
    }

    @Test
    void shouldNameTheFirstOfTwoReorderedEvents() {
        List<byte[]> stored = stored(log);
        Collections.swap(stored, 2, 3);

        Break found = firstBreak(stored);

        assertThat(found.position()).isEqualTo(3);
        assertThat(found.eventId()).isEqualTo(log.get(3).eventId().toString());
        assertThat(found.problem()).contains("out of order");
    }

    @Test
    void shouldNameAnUnreadableEvent() {
        List<byte[]> stored = stored(log);
        stored.set(1, "not json".getBytes(UTF_8));

        assertThat(firstBreak(stored).problem()).isEqualTo("not a readable event");
    }

    private Break firstBreak(List<byte[]> stored) {
        var report = verifier.verify(stored);
        assertThat(report.intact()).isFalse();
        return report.firstBreak().orElseThrow();
    }

    private List<byte[]> stored(List<EventEnvelope> events) {
        return new ArrayList<>(events.stream().map(codec::encodeEvent).toList());
    }

    private static byte[] replace(byte[] json, String from, String to) {
        String text = new String(json, UTF_8);
        assertThat(text).contains(from);
        return text.replace(from, to).getBytes(UTF_8);
    }
}
