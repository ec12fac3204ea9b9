package dev.incident.escalation.oncall;

import java.io.InputStream;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.incident.escalation.config.OnCallFile;
import dev.incident.escalation.domain.OnCallSetup;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The providers' documented answers, as WireMock bodies, and the tests' on-call setup. Shapes
 * follow Opsgenie's Who is On Call and Alert APIs (v2) and PagerDuty's REST {@code /oncalls} and
 * Events API v2.
 */
public final class ProviderStubs {

    public static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    /** Opsgenie, GET /v2/schedules/{name}/on-calls?flat=true: usernames in on-call order. */
    public static final String OPSGENIE_ON_CALLS =
            """
            {
              "data": {
                "_parent": {"id": "d875alp4-9b4e-4219-a803-0c26936d18de",
                            "name": "IC Schedule", "enabled": true},
                "onCallRecipients": ["ines.duarte@example.com", "ivan.petrov@example.com"]
              },
              "took": 0.104,
              "requestId": "6f4f7d8e-2e7c-4d8b-9a55-0d9c5e4b8a11"
            }
            """;

    /** Opsgenie, POST /v2/alerts: alerts are created asynchronously. */
    public static final String OPSGENIE_ACCEPTED =
            """
            {"result": "Request will be processed", "took": 0.302,
             "requestId": "43a29c5c-3dbf-4fa4-9c26-f4f71023e120"}
            """;

    public static final String OPSGENIE_UNAUTHORISED =
            """
            {"message": "Could not authenticate", "took": 0.0,
             "requestId": "9c5e8a8e-8d4c-4b7f-a1b9-4a1bb3f0d1c2"}
            """;

    public static final String OPSGENIE_INVALID =
            """
            {"message": "Request body is not processable. Please check the errors.",
             "errors": {"message": "Message can not be empty."}, "took": 0.001,
             "requestId": "1e1f2a3b-4c5d-6e7f-8091-a2b3c4d5e6f7"}
            """;

    /** PagerDuty, GET /oncalls?include[]=users: one entry per escalation level. */
    public static final String PAGERDUTY_ON_CALLS =
            """
            {
              "oncalls": [
                {
                  "escalation_policy": {"id": "PEPOE01", "type": "escalation_policy_reference",
                    "summary": "Operations engineers",
                    "self": "https://api.pagerduty.com/escalation_policies/PEPOE01",
                    "html_url": "https://acme.pagerduty.com/escalation_policies/PEPOE01"},
                  "escalation_level": 2,
                  "schedule": {"id": "PSCHED2", "type": "schedule_reference",
                    "summary": "OE secondary"},
                  "user": {"id": "PUSER02", "type": "user", "name": "Someone Else",
                    "summary": "Someone Else", "email": "someone.else@example.com"},
                  "start": "2026-12-01T09:00:00Z", "end": "2026-12-08T09:00:00Z"
                },
                {
                  "escalation_policy": {"id": "PEPOE01", "type": "escalation_policy_reference",
                    "summary": "Operations engineers"},
                  "escalation_level": 1,
                  "schedule": {"id": "PSCHED1", "type": "schedule_reference",
                    "summary": "OE primary"},
                  "user": {"id": "PUSER01", "type": "user", "name": "Oscar Lindqvist",
                    "summary": "Oscar Lindqvist", "email": "oscar.lindqvist@example.com"},
                  "start": "2026-12-01T09:00:00Z", "end": "2026-12-08T09:00:00Z"
                }
              ],
              "limit": 25, "offset": 0, "more": false, "total": null
            }
            """;

    /** PagerDuty Events API v2, POST /v2/enqueue. */
    public static final String PAGERDUTY_ACCEPTED =
            """
            {"status": "success", "message": "Event processed",
             "dedup_key": "p1-ic:inc-7:layer-1"}
            """;

    public static final String PAGERDUTY_UNAUTHORISED =
            """
            {"error": {"message": "Unauthorized", "code": 2006}}
            """;

    public static final String PAGERDUTY_INVALID_EVENT =
            """
            {"status": "invalid event", "message": "Event object is invalid",
             "errors": ["Length of 'routing_key' is incorrect (should be 32 characters)"]}
            """;

    /** The shape of Opsgenie's outgoing webhook for an acknowledged alert. */
    public static final String OPSGENIE_ACKNOWLEDGED =
            """
            {"action": "Acknowledge",
             "alert": {"alertId": "8418d193-2dab-4490-b331-8c02cdd196b7",
                       "message": "INC-7ABC Checkout down", "tags": ["incident", "ic"],
                       "tinyId": "1791", "alias": "p1-ic:inc-7:layer-1",
                       "createdAt": 1796292000000, "updatedAt": 1796292060000,
                       "username": "ines.duarte@example.com",
                       "userId": "4513b7ea-3b91-438f-b7e4-e3e54af9147c"},
             "source": {"name": "web", "type": "web"},
             "integrationName": "Escalation service webhook",
             "integrationId": "b9a7ae8a-0f32-4d0c-91a0-2a4a5c2e3b1e",
             "integrationType": "Webhook"}
            """;

    /** The shape of a PagerDuty v3 webhook for an acknowledged incident. */
    public static final String PAGERDUTY_ACKNOWLEDGED =
            """
            {"event": {"id": "01DEN4HPBQAAAG05V5QQYBRZMF",
                       "event_type": "incident.acknowledged",
                       "resource_type": "incident",
                       "occurred_at": "2026-12-03T10:02:00.000Z",
                       "agent": {"html_url": "https://acme.pagerduty.com/users/PUSER01",
                                 "id": "PUSER01", "self": "https://api.pagerduty.com/users/PUSER01",
                                 "summary": "Oscar Lindqvist", "type": "user_reference"},
                       "data": {"id": "PGR0VU2", "type": "incident", "number": 2,
                                "status": "acknowledged", "incident_key": "triage-oe:inc-9:layer-1",
                                "title": "INC-9 Checkout down"}}}
            """;

    private ProviderStubs() {}

    public static OnCallSetup setup() {
        try (InputStream in = ProviderStubs.class.getResourceAsStream("/oncall-test.yaml")) {
            return OnCallFile.read(in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static PageRequest request(OnCallSetup setup, String schedule, int layer) {
        return new PageRequest(
                "inc-7",
                "INC-7ABC",
                "Checkout down",
                setup.schedules().get(schedule),
                layer,
                "P1 confirmed: the incident needs an incident coordinator",
                "p1-ic:inc-7",
                NOW);
    }

    public static String sign(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(UTF_8), "HmacSHA256"));
        return "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
    }
}
