package dev.incident.escalation.oncall;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.incident.escalation.domain.OnCallSetup;
import dev.incident.events.command.IncidentCommand.RecordEscalation;
import dev.incident.events.model.Actor;
import dev.incident.events.model.EscalationOutcome;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.incident.escalation.oncall.ProviderStubs.OPSGENIE_ACCEPTED;
import static dev.incident.escalation.oncall.ProviderStubs.OPSGENIE_ON_CALLS;
import static dev.incident.escalation.oncall.ProviderStubs.request;
import static org.assertj.core.api.Assertions.assertThat;

/** The pager with the real providers against WireMock, and the real outbox in a folder. */
class PagerTest {

    static final Actor IVAN = Actor.slackUser("U0IC00002", "Ivan Petrov");
    static final Actor INES = Actor.slackUser("U0IC00001", "Ines Duarte");
    static WireMockServer opsgenie;

    @TempDir Path outboxDir;
    OnCallSetup setup = ProviderStubs.setup();
    PagesOutbox outbox;
    Pager connected;
    Pager withoutCredentials;

    @BeforeAll
    static void startOpsgenie() {
        opsgenie = new WireMockServer(options().dynamicPort());
        opsgenie.start();
    }

    @AfterAll
    static void stopOpsgenie() {
        opsgenie.stop();
    }

    @BeforeEach
    void pagers() {
        opsgenie.resetAll();
        outbox = new PagesOutbox(outboxDir);
        connected = connectedWithin(Duration.ofSeconds(10));
        withoutCredentials = new Pager(new BuiltinRotationProvider(outbox), Map.of());
    }

    Pager connectedWithin(Duration timeout) {
        var provider = new OpsgenieProvider(opsgenie.baseUrl(), "test-key", timeout, setup);
        return new Pager(new BuiltinRotationProvider(outbox), Map.of("opsgenie", provider));
    }

    void opsgenieAnswers(int status) {
        opsgenie.stubFor(
                get(urlPathEqualTo("/v2/schedules/IC%20Schedule/on-calls"))
                        .willReturn(aResponse().withStatus(status).withBody(OPSGENIE_ON_CALLS)));
        opsgenie.stubFor(
                post(urlEqualTo("/v2/alerts"))
                        .willReturn(aResponse().withStatus(202).withBody(OPSGENIE_ACCEPTED)));
    }

    List<String> outboxLines() throws Exception {
        Path file = outbox.file();
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    @Test
    void shouldPageTheBuiltinRotationIntoTheOutbox() throws Exception {
        PageReport report = connected.page(request(setup, "oe", 1));

        assertThat(report.paged()).isEqualTo(Actor.slackUser("U0OE00001", "Olivia Okafor"));
        assertThat(report.records())
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.outcome()).isEqualTo(EscalationOutcome.PAGED);
                            assertThat(r.provider()).isEqualTo("builtin");
                            assertThat(r.target()).isEqualTo("oe");
                        });
        assertThat(outboxLines())
                .singleElement()
                .asString()
                .contains("\"slackUserId\":\"U0OE00001\"", "\"incidentId\":\"inc-7\"");
    }

    @Test
    void shouldRecordThePageOpsgenieSent() throws Exception {
        opsgenieAnswers(200);

        PageReport report = connected.page(request(setup, "ic", 1));

        assertThat(report.paged()).isEqualTo(INES);
        assertThat(report.records())
                .containsExactly(
                        new RecordEscalation(
                                "ic",
                                "P1 confirmed: the incident needs an incident coordinator",
                                INES,
                                "opsgenie",
                                EscalationOutcome.PAGED,
                                null,
                                "p1-ic:inc-7:layer-1"));
        assertThat(outboxLines()).isEmpty();
    }

    @Test
    void shouldRecordTheFailureAndFallBackToTheBuiltinRotationWhenOpsgenieFails() throws Exception {
        opsgenieAnswers(503);

        PageReport report = connected.page(request(setup, "ic", 1));

        assertThat(report.paged()).isEqualTo(IVAN);
        assertThat(report.records()).hasSize(2);
        assertThat(report.records().get(0))
                .satisfies(
                        failed -> {
                            assertThat(failed.outcome()).isEqualTo(EscalationOutcome.FAILED);
                            assertThat(failed.provider()).isEqualTo("opsgenie");
                            assertThat(failed.paged()).isNull();
                            assertThat(failed.failureReason()).contains("HTTP 503");
                        });
        assertThat(report.records().get(1))
                .satisfies(
                        paged -> {
                            assertThat(paged.outcome()).isEqualTo(EscalationOutcome.PAGED);
                            assertThat(paged.provider()).isEqualTo("builtin");
                            assertThat(paged.paged()).isEqualTo(IVAN);
                        });
        assertThat(outboxLines()).singleElement().asString().contains("U0IC00002");
    }

    @Test
    void shouldFallBackWhenOpsgenieTimesOut() {
        opsgenie.stubFor(
                get(urlPathEqualTo("/v2/schedules/IC%20Schedule/on-calls"))
                        .willReturn(aResponse().withFixedDelay(1_500).withBody(OPSGENIE_ON_CALLS)));

        PageReport report = connectedWithin(Duration.ofMillis(300)).page(request(setup, "ic", 1));

        assertThat(report.records().get(0).failureReason()).contains("did not answer");
        assertThat(report.paged()).isEqualTo(IVAN);
    }

    @Test
    void shouldOnlyRecordTheFailureWhenTheScheduleAllowsNoFallback() throws Exception {
        opsgenieAnswers(503);

        PageReport report = connected.page(request(setup, "ic-strict", 1));

        assertThat(report.anyonePaged()).isFalse();
        assertThat(report.records())
                .singleElement()
                .extracting(RecordEscalation::outcome)
                .isEqualTo(EscalationOutcome.FAILED);
        assertThat(outboxLines()).isEmpty();
    }

    @Test
    void shouldPageTheBuiltinLayersWithoutCallingOpsgenieWhenItHasNoCredentials() throws Exception {
        PageReport report = withoutCredentials.page(request(setup, "ic", 1));

        assertThat(report.paged()).isEqualTo(IVAN);
        assertThat(report.records())
                .singleElement()
                .extracting(r -> r.provider())
                .isEqualTo("builtin");
        assertThat(outboxLines()).hasSize(1);
        opsgenie.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void shouldRecordAFailureWhenNeitherCredentialsNorBuiltinLayersExist() {
        PageReport report = withoutCredentials.page(request(setup, "ic-opsgenie-only", 1));

        assertThat(report.records())
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.outcome()).isEqualTo(EscalationOutcome.FAILED);
                            assertThat(r.failureReason()).contains("no opsgenie credentials");
                        });
    }

    @Test
    void shouldSayWhenTheBuiltinScheduleHasNoSuchLayer() throws Exception {
        PageReport report = connected.page(request(setup, "oe", 3));

        assertThat(report.layerMissing()).isTrue();
        assertThat(report.records()).isEmpty();
        assertThat(outboxLines()).isEmpty();
    }
}
