package dev.incident.core.rest;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.configuration.DurationConverter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import dev.incident.core.config.CoreConfig;
import dev.incident.core.messaging.CommandGateway;
import dev.incident.core.projection.ReadModel;
import dev.incident.events.command.CommandEnvelope;
import dev.incident.events.command.CommandResult;
import dev.incident.events.json.ContractCodec;
import dev.incident.events.json.ContractException;
import dev.incident.events.json.ContractJson;
import dev.incident.events.model.Actor;

/** Any command as JSON, for alerting tools and scripts: the same envelope as on Kafka. */
@Path("/commands")
public class CommandResource {

    private final ContractCodec codec = new ContractCodec();
    private final CommandGateway gateway;
    private final ApiToken token;
    private final CoreConfig config;
    private final ReadModel readModel;

    public CommandResource(
            CommandGateway gateway, ApiToken token, CoreConfig config, ReadModel readModel) {
        this.gateway = gateway;
        this.token = token;
        this.config = config;
        this.readModel = readModel;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Submit a command",
            description =
                    "A CommandEnvelope as in docs/events.md; commandId, issuedAt and actor may be"
                            + " left out. 202 with the command id, or with wait the result: 200"
                            + " accepted or duplicate, 409 rejected, 422 malformed.")
    public Response submit(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Parameter(description = "how long to wait for the result, e.g. 5s") @QueryParam("wait")
                    String wait,
            byte[] body)
            throws InterruptedException {
        Response refusal = token.refusal(authorization);
        if (refusal != null) {
            return refusal;
        }
        CommandEnvelope command;
        try {
            command = codec.decodeCommand(withDefaults(body));
        } catch (ContractException e) {
            return Problems.of(422, e.getMessage());
        }
        if (wait == null || wait.isBlank()) {
            gateway.send(command);
            return submitted(command);
        }
        Duration patience = waitFor(wait);
        Instant deadline = Instant.now().plus(patience);
        Optional<CommandResult> result = gateway.sendAndWait(command, patience);
        if (result.orElse(null) instanceof CommandResult.Accepted accepted
                && !accepted.eventIds().isEmpty()) {
            // Read your writes: answer once GET /incidents shows the new events, within the wait.
            readModel.awaitStored(
                    accepted.eventIds().get(accepted.eventIds().size() - 1), deadline);
        }
        return result.map(this::answer).orElseGet(() -> submitted(command));
    }

    private Duration waitFor(String wait) {
        Duration asked;
        try {
            asked = DurationConverter.parseDuration(wait);
        } catch (IllegalArgumentException e) {
            asked = Duration.ZERO;
        }
        Duration max = config.api().maxWait();
        return asked == null || asked.compareTo(max) > 0 ? max : asked;
    }

    private Response answer(CommandResult result) {
        int status = result instanceof CommandResult.Rejected ? 409 : 200;
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(codec.encodeResult(result))
                .build();
    }

    private static Response submitted(CommandEnvelope command) {
        return Response.accepted(
                        Map.of(
                                "commandId", command.commandId().toString(),
                                "incidentId", command.incidentId()))
                .type(MediaType.APPLICATION_JSON)
                .build();
    }

    /** The body with a fresh command id, the current time and an API actor where left out. */
    private static byte[] withDefaults(byte[] body) {
        try {
            JsonNode tree = ContractJson.mapper().readTree(body);
            if (!(tree instanceof ObjectNode envelope)) {
                return body;
            }
            if (envelope.path("commandId").isMissingNode() || envelope.get("commandId").isNull()) {
                envelope.put("commandId", UUID.randomUUID().toString());
            }
            if (envelope.path("issuedAt").isMissingNode() || envelope.get("issuedAt").isNull()) {
                envelope.put("issuedAt", Instant.now().toString());
            }
            if (envelope.path("actor").isMissingNode() || envelope.get("actor").isNull()) {
                envelope.set("actor", ContractJson.mapper().valueToTree(Actor.apiClient("api")));
            }
            return ContractJson.mapper().writeValueAsBytes(envelope);
        } catch (IOException e) {
            return body; // the codec says what is wrong with it
        }
    }
}
