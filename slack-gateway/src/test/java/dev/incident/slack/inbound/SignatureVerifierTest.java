package dev.incident.slack.inbound;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.app_backend.SlackSignature;
import org.junit.jupiter.api.Test;

import dev.incident.slack.inbound.domain.SignatureVerifier;
import dev.incident.slack.inbound.domain.SignatureVerifier.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

class SignatureVerifierTest {

    private static final JsonNode VECTOR = SlackFixtures.fixture("signature-known-answer.json");
    private static final String SECRET = VECTOR.path("signing_secret").asText();
    private static final String TIMESTAMP = VECTOR.path("x_slack_request_timestamp").asText();
    private static final byte[] BODY =
            VECTOR.path("body").asText().getBytes(StandardCharsets.UTF_8);
    private static final String EXPECTED = VECTOR.path("expected_x_slack_signature").asText();

    private final SignatureVerifier verifier =
            new SignatureVerifier(
                    SECRET, Duration.ofMinutes(5), clockAt(Long.parseLong(TIMESTAMP)));

    @Test
    void shouldAcceptSlacksPublishedKnownAnswer() {
        assertThat(SignatureVerifier.sign(SECRET, TIMESTAMP, BODY)).isEqualTo(EXPECTED);
        assertThat(verifier.verify(TIMESTAMP, EXPECTED, BODY)).isEqualTo(Verdict.VALID);
    }

    @Test
    void shouldComputeWhatTheSlackSdkComputes() {
        String sdk =
                new SlackSignature.Generator(SECRET)
                        .generate(TIMESTAMP, new String(BODY, StandardCharsets.UTF_8));

        assertThat(SignatureVerifier.sign(SECRET, TIMESTAMP, BODY)).isEqualTo(sdk);
    }

    @Test
    void shouldRefuseAChangedBodyOrAnotherSecret() {
        byte[] changed =
                (new String(BODY, StandardCharsets.UTF_8) + "x").getBytes(StandardCharsets.UTF_8);
        SignatureVerifier otherSecret =
                new SignatureVerifier(
                        "another", Duration.ofMinutes(5), clockAt(Long.parseLong(TIMESTAMP)));

        assertThat(verifier.verify(TIMESTAMP, EXPECTED, changed)).isEqualTo(Verdict.FORGED);
        assertThat(otherSecret.verify(TIMESTAMP, EXPECTED, BODY)).isEqualTo(Verdict.FORGED);
        assertThat(verifier.verify(TIMESTAMP, "v0=abc", BODY)).isEqualTo(Verdict.FORGED);
    }

    @Test
    void shouldRefuseATimestampMoreThanFiveMinutesAway() {
        long then = Long.parseLong(TIMESTAMP);
        SignatureVerifier sixMinutesLater =
                new SignatureVerifier(SECRET, Duration.ofMinutes(5), clockAt(then + 360));
        SignatureVerifier fourMinutesLater =
                new SignatureVerifier(SECRET, Duration.ofMinutes(5), clockAt(then + 240));
        SignatureVerifier sixMinutesEarlier =
                new SignatureVerifier(SECRET, Duration.ofMinutes(5), clockAt(then - 360));

        assertThat(sixMinutesLater.verify(TIMESTAMP, EXPECTED, BODY)).isEqualTo(Verdict.STALE);
        assertThat(sixMinutesEarlier.verify(TIMESTAMP, EXPECTED, BODY)).isEqualTo(Verdict.STALE);
        assertThat(fourMinutesLater.verify(TIMESTAMP, EXPECTED, BODY)).isEqualTo(Verdict.VALID);
    }

    @Test
    void shouldRefuseMissingHeadersAndAMissingSecret() {
        SignatureVerifier noSecret =
                new SignatureVerifier(
                        "", Duration.ofMinutes(5), clockAt(Long.parseLong(TIMESTAMP)));

        assertThat(verifier.verify(null, EXPECTED, BODY)).isEqualTo(Verdict.MISSING);
        assertThat(verifier.verify(TIMESTAMP, " ", BODY)).isEqualTo(Verdict.MISSING);
        assertThat(verifier.verify("yesterday", EXPECTED, BODY)).isEqualTo(Verdict.FORGED);
        assertThat(noSecret.verify(TIMESTAMP, EXPECTED, BODY)).isEqualTo(Verdict.FORGED);
    }

    private static Clock clockAt(long epochSecond) {
        return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }
}
