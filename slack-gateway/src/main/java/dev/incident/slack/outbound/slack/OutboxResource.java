package dev.incident.slack.outbound.slack;

import java.util.List;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code GET /slack/outbox}: the Slack calls written to the local outbox, oldest first, as a JSON
 * array; {@code ?incidentId=} keeps one incident's.
 */
@Path("/slack/outbox")
public class OutboxResource {

    private final OutboxSlack outbox;
    private final ObjectMapper json = new ObjectMapper();

    public OutboxResource(OutboxSlack outbox) {
        this.outbox = outbox;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String list(@QueryParam("incidentId") String incidentId) throws Exception {
        List<JsonNode> lines =
                outbox.lines().stream()
                        .filter(
                                line ->
                                        incidentId == null
                                                || incidentId.equals(
                                                        line.path("incidentId").asText()))
                        .toList();
        return json.writeValueAsString(lines);
    }
}
