package dev.incident.escalation.oncall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

class AcknowledgementTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void shouldReadWhoAcknowledgedWhichPageFromOpsgenie() throws Exception {
        Acknowledgement ack =
                Acknowledgement.fromOpsgenie(json(ProviderStubs.OPSGENIE_ACKNOWLEDGED))
                        .orElseThrow();

        assertThat(ack.alertReference()).isEqualTo("p1-ic:inc-7:layer-1");
        assertThat(ack.email()).isEqualTo("ines.duarte@example.com");
        assertThat(ack.escalationId()).contains("p1-ic:inc-7");
    }

    @Test
    void shouldIgnoreOtherOpsgenieActions() throws Exception {
        String closed = ProviderStubs.OPSGENIE_ACKNOWLEDGED.replace("\"Acknowledge\"", "\"Close\"");

        assertThat(Acknowledgement.fromOpsgenie(json(closed))).isEmpty();
    }

    @Test
    void shouldReadWhoAcknowledgedWhichIncidentFromPagerDuty() throws Exception {
        Acknowledgement ack =
                Acknowledgement.fromPagerDuty(json(ProviderStubs.PAGERDUTY_ACKNOWLEDGED))
                        .orElseThrow();

        assertThat(ack.escalationId()).contains("triage-oe:inc-9");
        assertThat(ack.name()).isEqualTo("Oscar Lindqvist");
        assertThat(ack.userId()).isEqualTo("PUSER01");
    }

    @Test
    void shouldIgnoreOtherPagerDutyEvents() throws Exception {
        String resolved =
                ProviderStubs.PAGERDUTY_ACKNOWLEDGED.replace(
                        "incident.acknowledged", "incident.resolved");

        assertThat(Acknowledgement.fromPagerDuty(json(resolved))).isEmpty();
    }

    @Test
    void shouldNameNoEscalationForAReferenceThisServiceDidNotMake() {
        assertThat(
                        new Acknowledgement("opsgenie", "someone-elses-alias", null, null, null)
                                .escalationId())
                .isEmpty();
    }

    @Test
    void shouldAcceptPagerDutysSignatureAmongSeveral() throws Exception {
        byte[] body = ProviderStubs.PAGERDUTY_ACKNOWLEDGED.getBytes(UTF_8);
        String header = "v1=00ff, " + ProviderStubs.sign("s3cret", body);

        assertThat(Acknowledgement.pagerDutySigned("s3cret", body, header)).isTrue();
    }

    @Test
    void shouldRefuseASignatureMadeWithAnotherSecretOrOverAnotherBody() throws Exception {
        byte[] body = ProviderStubs.PAGERDUTY_ACKNOWLEDGED.getBytes(UTF_8);

        assertThat(
                        Acknowledgement.pagerDutySigned(
                                "s3cret", body, ProviderStubs.sign("other", body)))
                .isFalse();
        assertThat(
                        Acknowledgement.pagerDutySigned(
                                "s3cret", "{}".getBytes(UTF_8), ProviderStubs.sign("s3cret", body)))
                .isFalse();
        assertThat(Acknowledgement.pagerDutySigned(null, body, ProviderStubs.sign("s3cret", body)))
                .isFalse();
    }
}
