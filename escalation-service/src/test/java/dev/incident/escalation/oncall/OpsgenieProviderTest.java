package dev.incident.escalation.oncall;

import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.incident.escalation.domain.OnCallSetup;
import dev.incident.events.model.Actor;
import dev.incident.events.model.ActorSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.incident.escalation.oncall.ProviderStubs.OPSGENIE_ACCEPTED;
import static dev.incident.escalation.oncall.ProviderStubs.OPSGENIE_INVALID;
import static dev.incident.escalation.oncall.ProviderStubs.OPSGENIE_ON_CALLS;
import static dev.incident.escalation.oncall.ProviderStubs.OPSGENIE_UNAUTHORISED;
import static dev.incident.escalation.oncall.ProviderStubs.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpsgenieProviderTest {

    static final String ON_CALLS = "/v2/schedules/IC%20Schedule/on-calls";
    static WireMockServer opsgenie;

    OnCallSetup setup = ProviderStubs.setup();
    OpsgenieProvider provider =
            new OpsgenieProvider(opsgenie.baseUrl(), "test-key", Duration.ofSeconds(10), setup);

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
    void reset() {
        opsgenie.resetAll();
    }

    void answersOnCalls() {
        opsgenie.stubFor(
                get(urlPathEqualTo(ON_CALLS))
                        .willReturn(aResponse().withStatus(200).withBody(OPSGENIE_ON_CALLS)));
    }

    void acceptsAlerts() {
        opsgenie.stubFor(
                post(urlEqualTo("/v2/alerts"))
                        .willReturn(aResponse().withStatus(202).withBody(OPSGENIE_ACCEPTED)));
    }

    @Test
    void shouldPageTheFirstOnCallRecipientAsTheConfiguredSlackUser() throws Exception {
        answersOnCalls();
        acceptsAlerts();

        Paged paged = provider.page(request(setup, "ic", 1)).orElseThrow();

        assertThat(paged.person()).isEqualTo(Actor.slackUser("U0IC00001", "Ines Duarte"));
        assertThat(paged.alertReference()).isEqualTo("p1-ic:inc-7:layer-1");
    }

    @Test
    void shouldAskForTheScheduleByNameAtTheInstantWithTheApiKey() throws Exception {
        answersOnCalls();
        acceptsAlerts();

        provider.page(request(setup, "ic", 1));

        opsgenie.verify(
                getRequestedFor(urlPathEqualTo(ON_CALLS))
                        .withQueryParam("scheduleIdentifierType", equalTo("name"))
                        .withQueryParam("flat", equalTo("true"))
                        .withQueryParam("date", equalTo("2026-12-03T10:00:00Z"))
                        .withHeader("Authorization", equalTo("GenieKey test-key")));
    }

    @Test
    void shouldCreateAnAlertForThePagedUserWithTheEscalationAsAlias() throws Exception {
        answersOnCalls();
        acceptsAlerts();

        provider.page(request(setup, "ic", 1));

        opsgenie.verify(
                postRequestedFor(urlEqualTo("/v2/alerts"))
                        .withHeader("Authorization", equalTo("GenieKey test-key"))
                        .withRequestBody(
                                equalToJson(
                                        """
                                        {"alias": "p1-ic:inc-7:layer-1",
                                         "responders": [{"type": "user",
                                                         "username": "ines.duarte@example.com"}],
                                         "priority": "P1"}
                                        """,
                                        true,
                                        true))
                        .withRequestBody(
                                matchingJsonPath(
                                        "$.message",
                                        equalTo(
                                                "INC-7ABC Checkout down: P1 confirmed: the incident"
                                                        + " needs an incident coordinator"))));
    }

    @Test
    void shouldPageTheSecondRecipientForTheSecondLayer() throws Exception {
        answersOnCalls();
        acceptsAlerts();

        Paged paged = provider.page(request(setup, "ic", 2)).orElseThrow();

        assertThat(paged.person().id()).isEqualTo("U0IC00002");
    }

    @Test
    void shouldPageNobodyAndSendNoAlertWhenTheLayerIsBeyondTheRecipients() throws Exception {
        answersOnCalls();
        acceptsAlerts();

        assertThat(provider.page(request(setup, "ic", 3))).isEmpty();
        opsgenie.verify(0, postRequestedFor(urlEqualTo("/v2/alerts")));
    }

    @Test
    void shouldNameAnUnknownRecipientByOpsgeniesUsername() throws Exception {
        opsgenie.stubFor(
                get(urlPathEqualTo(ON_CALLS))
                        .willReturn(
                                aResponse()
                                        .withBody(
                                                OPSGENIE_ON_CALLS.replace(
                                                        "ines.duarte@example.com",
                                                        "temp@example.com"))));
        acceptsAlerts();

        Paged paged = provider.page(request(setup, "ic", 1)).orElseThrow();

        assertThat(paged.person())
                .isEqualTo(
                        new Actor(
                                ActorSource.ON_CALL_PROVIDER,
                                "temp@example.com",
                                "temp@example.com"));
    }

    @Test
    void shouldFailWithOpsgeniesMessageWhenTheKeyIsRefused() {
        opsgenie.stubFor(
                get(urlPathEqualTo(ON_CALLS))
                        .willReturn(aResponse().withStatus(401).withBody(OPSGENIE_UNAUTHORISED)));

        assertThatThrownBy(() -> provider.page(request(setup, "ic", 1)))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("Could not authenticate");
    }

    @Test
    void shouldFailWhenTheAlertIsRefused() {
        answersOnCalls();
        opsgenie.stubFor(
                post(urlEqualTo("/v2/alerts"))
                        .willReturn(aResponse().withStatus(422).withBody(OPSGENIE_INVALID)));

        assertThatThrownBy(() -> provider.page(request(setup, "ic", 1)))
                .hasMessageContaining("HTTP 422")
                .hasMessageContaining("Request body is not processable");
    }

    @Test
    void shouldFailWhenOpsgenieDoesNotAnswerInTime() {
        opsgenie.stubFor(
                get(urlPathEqualTo(ON_CALLS))
                        .willReturn(aResponse().withFixedDelay(1_500).withBody(OPSGENIE_ON_CALLS)));
        OpsgenieProvider impatient =
                new OpsgenieProvider(opsgenie.baseUrl(), "test-key", Duration.ofMillis(300), setup);

        assertThatThrownBy(() -> impatient.page(request(setup, "ic", 1)))
                .hasMessageContaining("did not answer")
                .hasMessageContaining("PT0.3S");
    }

    @Test
    void shouldFailWhenOpsgenieCannotBeReached() {
        OpsgenieProvider unreachable =
                new OpsgenieProvider(
                        "http://127.0.0.1:1", "test-key", Duration.ofMillis(500), setup);

        assertThatThrownBy(() -> unreachable.page(request(setup, "ic", 1)))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("could not be reached");
    }
}
