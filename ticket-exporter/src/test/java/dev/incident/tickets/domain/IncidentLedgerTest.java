package dev.incident.tickets.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.incident.events.event.EventEnvelope;
import dev.incident.events.state.IncidentState.FollowUp;
import dev.incident.tickets.IncidentLog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncidentLedgerTest {

    private static final Instant LATER = IncidentLog.T0.plus(Duration.ofDays(1));

    @Test
    void shouldWaitForThePostmortemForAWhileSoTheIssuesCanLinkIt() {
        // given a closed incident without a postmortem yet
        IncidentLedger ledger = new IncidentLedger(ExportMoment.CLOSED, Duration.ofMinutes(10));
        IncidentLog log = IncidentLog.of("inc-1").p1().followUp("FU-1", "Alarm").closed();
        applyAll(ledger, log.events());
        Instant closedAt = log.last().occurredAt();

        // then it waits, up to the grace period
        assertThat(ledger.due("inc-1", closedAt.plusSeconds(60))).isEmpty();
        assertThat(ledger.due("inc-1", closedAt.plus(Duration.ofMinutes(10)))).hasSize(1);

        // when the postmortem is published, the wait ends
        log.postmortem("https://docs.google.com/document/d/pm-1");
        ledger.apply(log.last(), 0);
        assertThat(ledger.due("inc-1", closedAt.plusSeconds(60))).hasSize(1);
    }

    @Test
    void shouldHoldFollowUpsBackUntilTheIncidentCloses() {
        // given
        IncidentLedger ledger = new IncidentLedger(ExportMoment.CLOSED, Duration.ZERO);
        IncidentLog log = IncidentLog.of("inc-1").p1().followUp("FU-1", "Alarm");
        applyAll(ledger, log.events());

        // then
        assertThat(ledger.due("inc-1", LATER)).isEmpty();

        // when
        log.closed();
        ledger.apply(log.last(), 0);

        // then
        assertThat(ids(ledger.due("inc-1", LATER))).containsExactly("FU-1");
    }

    @Test
    void shouldExportAtOnceWhenConfiguredSo() {
        IncidentLedger ledger = new IncidentLedger(ExportMoment.ADDED, Duration.ZERO);

        applyAll(ledger, IncidentLog.of("inc-1").p1().followUp("FU-1", "Alarm").events());

        assertThat(ids(ledger.due("inc-1", LATER))).containsExactly("FU-1");
    }

    @Test
    void shouldSkipFollowUpsTheLogRecordsAsExported() {
        // given
        IncidentLedger ledger = new IncidentLedger(ExportMoment.CLOSED, Duration.ZERO);
        IncidentLog log =
                IncidentLog.of("inc-1")
                        .p1()
                        .followUp("FU-1", "Alarm")
                        .followUp("FU-2", "Runbook")
                        .closed()
                        .exported("FU-1", "https://github.com/o/r/issues/1", "o/r#1");

        // when
        applyAll(ledger, log.events());

        // then
        assertThat(ids(ledger.due("inc-1", LATER))).containsExactly("FU-2");
    }

    @Test
    void shouldSkipFollowUpsThisProcessHandledAlready() {
        IncidentLedger ledger = new IncidentLedger(ExportMoment.CLOSED, Duration.ZERO);
        applyAll(ledger, IncidentLog.of("inc-1").p1().followUp("FU-1", "Alarm").closed().events());

        ledger.handled("inc-1", "FU-1");

        assertThat(ledger.due("inc-1", LATER)).isEmpty();
    }

    @Test
    void shouldRecogniseARedeliveredEvent() {
        IncidentLedger ledger = new IncidentLedger(ExportMoment.CLOSED, Duration.ZERO);
        IncidentLog log = IncidentLog.of("inc-1").p1().followUp("FU-1", "Alarm");
        applyAll(ledger, log.events());

        assertThat(ledger.apply(log.events().get(1), 0))
                .isEqualTo(IncidentLedger.Applied.DUPLICATE);
        assertThat(ledger.state("inc-1").lastSequence()).isEqualTo(4);
    }

    @Test
    void shouldRefuseAnEventAfterAGap() {
        IncidentLedger ledger = new IncidentLedger(ExportMoment.CLOSED, Duration.ZERO);
        IncidentLog log = IncidentLog.of("inc-1").p1().followUp("FU-1", "Alarm");
        ledger.apply(log.events().get(0), 0);

        assertThatThrownBy(() -> ledger.apply(log.events().get(2), 0))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldForgetTheIncidentsOfPartitionsItNoLongerOwns() {
        IncidentLedger ledger = new IncidentLedger(ExportMoment.CLOSED, Duration.ZERO);
        applyAll(ledger, IncidentLog.of("inc-1").p1().events());

        ledger.forget(List.of(0));

        assertThat(ledger.incidentIds()).isEmpty();
    }

    private static void applyAll(IncidentLedger ledger, List<EventEnvelope> events) {
        events.forEach(event -> ledger.apply(event, 0));
    }

    private static List<String> ids(List<FollowUp> followUps) {
        return followUps.stream().map(FollowUp::id).toList();
    }
}
