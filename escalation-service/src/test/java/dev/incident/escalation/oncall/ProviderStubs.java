package dev.incident.escalation.oncall;

import java.io.InputStream;
import java.time.Instant;

import dev.incident.escalation.config.OnCallFile;
import dev.incident.escalation.domain.OnCallSetup;

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
}
