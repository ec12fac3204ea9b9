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
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.incident.escalation.oncall.ProviderStubs.PAGERDUTY_ACCEPTED;
import static dev.incident.escalation.oncall.ProviderStubs.PAGERDUTY_INVALID_EVENT;
import static dev.incident.escalation.oncall.ProviderStubs.PAGERDUTY_ON_CALLS;
import static dev.incident.escalation.oncall.ProviderStubs.PAGERDUTY_UNAUTHORISED;
import static dev.incident.escalation.oncall.ProviderStubs.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagerDutyProviderTest {

    static final String ROUTING_KEY = "R0UT1NGKEY0000000000000000000001";
    static WireMockServer pagerduty;

    OnCallSetup setup = ProviderStubs.setup();
    PagerDutyProvider provider =
            new PagerDutyProvider(
                    pagerduty.baseUrl(),
                    pagerduty.baseUrl(),
                    "test-token",
                    ROUTING_KEY,
                    Duration.ofSeconds(10),
                    setup);

    @BeforeAll
    static void startPagerDuty() {
        pagerduty = new WireMockServer(options().dynamicPort());
        pagerduty.start();
    }

    @AfterAll
    static void stopPagerDuty() {
        pagerduty.stop();
    }

    @BeforeEach
    void reset() {
        pagerduty.resetAll();
    }

    void answersOnCalls() {
        pagerduty.stubFor(
                get(urlPathEqualTo("/oncalls"))
                        .willReturn(aResponse().withStatus(200).withBody(PAGERDUTY_ON_CALLS)));
    }

    void acceptsEvents() {
        pagerduty.stubFor(
                post(urlEqualTo("/v2/enqueue"))
                        .willReturn(aResponse().withStatus(202).withBody(PAGERDUTY_ACCEPTED)));
    }

    @Test
    void shouldPageTheFirstLevelsUserAsTheConfiguredSlackUser() throws Exception {
        answersOnCalls();
        acceptsEvents();

        Paged paged = provider.page(request(setup, "oe-pagerduty", 1)).orElseThrow();

        assertThat(paged.person()).isEqualTo(Actor.slackUser("U0OE00002", "Oscar Lindqvist"));
        assertThat(paged.alertReference()).isEqualTo("p1-ic:inc-7:layer-1");
    }

    @Test
    void shouldAskForThePolicysOnCallsAtTheInstantWithTheToken() throws Exception {
        answersOnCalls();
        acceptsEvents();

        provider.page(request(setup, "oe-pagerduty", 1));

        pagerduty.verify(
                getRequestedFor(urlPathEqualTo("/oncalls"))
                        .withQueryParam("escalation_policy_ids[]", equalTo("PEPOE01"))
                        .withQueryParam("include[]", equalTo("users"))
                        .withQueryParam("since", equalTo("2026-12-03T10:00:00Z"))
                        .withHeader("Authorization", equalTo("Token token=test-token"))
                        .withHeader("Accept", equalTo("application/vnd.pagerduty+json;version=2")));
    }

    @Test
    void shouldTriggerAnEventWithTheEscalationAsDedupKey() throws Exception {
        answersOnCalls();
        acceptsEvents();

        provider.page(request(setup, "oe-pagerduty", 1));

        pagerduty.verify(
                postRequestedFor(urlEqualTo("/v2/enqueue"))
                        .withRequestBody(
                                equalToJson(
                                        """
                                        {"routing_key": "R0UT1NGKEY0000000000000000000001",
                                         "event_action": "trigger",
                                         "dedup_key": "p1-ic:inc-7:layer-1",
                                         "payload": {"severity": "critical",
                                                     "source": "escalation-service",
                                                     "custom_details": {
                                                       "onCall": "oscar.lindqvist@example.com"}}}
                                        """,
                                        true,
                                        true)));
    }

    @Test
    void shouldPageTheSecondLevelForTheSecondLayer() throws Exception {
        answersOnCalls();
        acceptsEvents();

        Paged paged = provider.page(request(setup, "oe-pagerduty", 2)).orElseThrow();

        assertThat(paged.person())
                .isEqualTo(
                        new Actor(
                                ActorSource.ON_CALL_PROVIDER,
                                "someone.else@example.com",
                                "Someone Else"));
    }

    @Test
    void shouldPageNobodyWhenThePolicyHasNoSuchLevel() throws Exception {
        answersOnCalls();
        acceptsEvents();

        assertThat(provider.page(request(setup, "oe-pagerduty", 3))).isEmpty();
        pagerduty.verify(0, postRequestedFor(urlEqualTo("/v2/enqueue")));
    }

    @Test
    void shouldFailWithPagerDutysMessageWhenTheTokenIsRefused() {
        pagerduty.stubFor(
                get(urlPathEqualTo("/oncalls"))
                        .willReturn(aResponse().withStatus(401).withBody(PAGERDUTY_UNAUTHORISED)));

        assertThatThrownBy(() -> provider.page(request(setup, "oe-pagerduty", 1)))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("HTTP 401: Unauthorized");
    }

    @Test
    void shouldFailWithTheEventsErrorsWhenTheEventIsInvalid() {
        answersOnCalls();
        pagerduty.stubFor(
                post(urlEqualTo("/v2/enqueue"))
                        .willReturn(aResponse().withStatus(400).withBody(PAGERDUTY_INVALID_EVENT)));

        assertThatThrownBy(() -> provider.page(request(setup, "oe-pagerduty", 1)))
                .hasMessageContaining("HTTP 400: Event object is invalid")
                .hasMessageContaining("routing_key");
    }

    @Test
    void shouldFailWhenTheEventsApiDoesNotAnswerInTime() {
        answersOnCalls();
        pagerduty.stubFor(
                post(urlEqualTo("/v2/enqueue"))
                        .willReturn(
                                aResponse().withFixedDelay(1_500).withBody(PAGERDUTY_ACCEPTED)));
        PagerDutyProvider impatient =
                new PagerDutyProvider(
                        pagerduty.baseUrl(),
                        pagerduty.baseUrl(),
                        "test-token",
                        ROUTING_KEY,
                        Duration.ofMillis(300),
                        setup);

        assertThatThrownBy(() -> impatient.page(request(setup, "oe-pagerduty", 1)))
                .hasMessageContaining("did not answer the trigger for inc-7");
    }
}
