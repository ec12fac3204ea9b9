package dev.incident.core.bench;

import java.util.ArrayList;
import java.util.List;

import dev.incident.core.domain.IncidentHistory;
import dev.incident.events.event.EventEnvelope;
import dev.incident.events.json.ContractCodec;
import dev.incident.events.state.IncidentState;

/**
 * Fold throughput in memory: events per second folded into IncidentState (and into the decider's
 * IncidentHistory), next to decoding the same events from JSON in the same run as the baseline.
 * Run: see docs/performance.md.
 */
public final class FoldBenchmark {

    private static final int INCIDENTS = 2_000;
    private static final int EVENTS_PER_INCIDENT = 100;
    private static final int ROUNDS = 5;

    public static void main(String[] args) {
        ContractCodec codec = new ContractCodec();
        List<List<EventEnvelope>> incidents = new ArrayList<>();
        List<List<byte[]>> stored = new ArrayList<>();
        for (int i = 0; i < INCIDENTS; i++) {
            List<EventEnvelope> events =
                    SampleLog.incident("slack-bench-" + i, EVENTS_PER_INCIDENT);
            incidents.add(events);
            stored.add(events.stream().map(codec::encodeEvent).toList());
        }
        long total = (long) INCIDENTS * EVENTS_PER_INCIDENT;
        System.out.printf(
                "%d incidents x %d events = %d events%n", INCIDENTS, EVENTS_PER_INCIDENT, total);

        double fold = 0;
        double history = 0;
        double decode = 0;
        for (int round = 0; round < ROUNDS; round++) {
            fold = Math.max(fold, rate(total, () -> foldStates(incidents)));
            history = Math.max(history, rate(total, () -> foldHistories(incidents)));
            decode = Math.max(decode, rate(total, () -> decodeAll(codec, stored)));
        }
        System.out.printf("fold into IncidentState:        %,12.0f events/s%n", fold);
        System.out.printf("fold into IncidentHistory:      %,12.0f events/s%n", history);
        System.out.printf("baseline, JSON decode only:     %,12.0f events/s%n", decode);
        System.out.printf("ratio fold / decode:            %12.1f%n", fold / decode);
    }

    private static long foldStates(List<List<EventEnvelope>> incidents) {
        long sequences = 0;
        for (List<EventEnvelope> events : incidents) {
            sequences += IncidentState.fold(events.get(0).incidentId(), events).lastSequence();
        }
        return sequences;
    }

    private static long foldHistories(List<List<EventEnvelope>> incidents) {
        long sequences = 0;
        for (List<EventEnvelope> events : incidents) {
            IncidentHistory history = IncidentHistory.empty(events.get(0).incidentId());
            events.forEach(history::apply);
            sequences += history.state().lastSequence();
        }
        return sequences;
    }

    private static long decodeAll(ContractCodec codec, List<List<byte[]>> stored) {
        long sequences = 0;
        for (List<byte[]> events : stored) {
            for (byte[] event : events) {
                sequences += codec.decodeEvent(event).sequence();
            }
        }
        return sequences;
    }

    private static double rate(long events, java.util.function.LongSupplier work) {
        long started = System.nanoTime();
        long check = work.getAsLong();
        double seconds = (System.nanoTime() - started) / 1e9;
        if (check == 0) {
            throw new IllegalStateException("nothing was folded");
        }
        return events / seconds;
    }
}
