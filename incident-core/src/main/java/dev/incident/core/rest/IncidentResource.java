package dev.incident.core.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.incident.core.projection.IncidentRow;
import dev.incident.core.projection.ReadModel;
import dev.incident.core.projection.StoredEvent;
import dev.incident.events.event.ChainVerifier;
import dev.incident.events.json.ContractJson;

/** Reads and audits: incidents now or as of an instant, and their events as stored. */
@Path("/incidents")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentResource {

    private static final int MAX_PAGE_SIZE = 200;

    private final ObjectMapper json = ContractJson.mapper();
    private final ReadModel readModel;

    public IncidentResource(ReadModel readModel) {
        this.readModel = readModel;
    }

    @GET
    @WithSession
    @Operation(summary = "Incidents, newest first, filtered by status, severity and customer")
    public Uni<Response> list(
            @QueryParam("status") String status,
            @QueryParam("severity") String severity,
            @QueryParam("customer") String customer,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        return readModel
                .list(new ReadModel.Filter(status, severity, customer), Math.max(0, page), pageSize)
                .map(
                        found -> {
                            ObjectNode body = json.createObjectNode();
                            ArrayNode items = body.putArray("items");
                            found.rows().forEach(row -> items.add(tree(row.view)));
                            body.put("page", page);
                            body.put("size", pageSize);
                            body.put("total", found.total());
                            return Response.ok(body).build();
                        });
    }

    @GET
    @Path("/{idOrReference}")
    @WithSession
    @Operation(
            summary = "One incident by id or reference",
            description = "With asOf, the state folded from the events recorded up to then.")
    public Uni<Response> get(
            @PathParam("idOrReference") String idOrReference, @QueryParam("asOf") String asOf) {
        Optional<Instant> at;
        try {
            at = asOf == null ? Optional.empty() : Optional.of(Instant.parse(asOf));
        } catch (DateTimeParseException e) {
            return Uni.createFrom().item(Problems.of(400, "asOf is not an ISO-8601 instant"));
        }
        return readModel
                .find(idOrReference)
                .chain(
                        row -> {
                            if (row.isEmpty()) {
                                return Uni.createFrom().item(notFound(idOrReference));
                            }
                            if (at.isEmpty()) {
                                return Uni.createFrom()
                                        .item(Response.ok(tree(row.get().view)).build());
                            }
                            return readModel
                                    .asOf(row.get().id, at.get())
                                    .map(
                                            view ->
                                                    view.map(v -> Response.ok(v).build())
                                                            .orElseGet(
                                                                    () ->
                                                                            Problems.of(
                                                                                    404,
                                                                                    idOrReference
                                                                                            + " had not"
                                                                                            + " been"
                                                                                            + " declared"
                                                                                            + " at "
                                                                                            + asOf)));
                        });
    }

    @GET
    @Path("/{idOrReference}/events")
    @WithSession
    @Operation(
            summary = "The incident's events as stored, in order",
            description = "With verify=true, also checks the hash chain and says where it breaks.")
    public Uni<Response> events(
            @PathParam("idOrReference") String idOrReference,
            @QueryParam("verify") @DefaultValue("false") boolean verify) {
        return readModel
                .find(idOrReference)
                .chain(
                        row ->
                                row.isEmpty()
                                        ? Uni.createFrom().item(notFound(idOrReference))
                                        : readModel
                                                .events(row.get().id)
                                                .map(events -> events(row.get(), events, verify)));
    }

    private Response events(IncidentRow row, List<StoredEvent> events, boolean verify) {
        ObjectNode body = json.createObjectNode();
        body.put("incidentId", row.id);
        body.put("reference", row.reference);
        ArrayNode items = body.putArray("events");
        events.forEach(e -> items.add(tree(e.json)));
        if (verify) {
            ChainVerifier.Report report =
                    new ChainVerifier()
                            .verify(
                                    events.stream()
                                            .map(
                                                    e ->
                                                            e.json.getBytes(
                                                                    java.nio.charset
                                                                            .StandardCharsets
                                                                            .UTF_8))
                                            .toList());
            ObjectNode verification = body.putObject("verification");
            verification.put("intact", report.intact());
            verification.put("checked", report.checked());
            verification.put("lastKnownSequence", row.lastSequence);
            report.firstBreak().ifPresent(b -> verification.set("firstBreak", json.valueToTree(b)));
        }
        return Response.ok(body).build();
    }

    private static Response notFound(String idOrReference) {
        return Problems.of(404, "no incident " + idOrReference);
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
