package dev.incident.postmortem.rest;

import java.time.Clock;
import java.util.Optional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.smallrye.common.annotation.Blocking;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.incident.events.model.IncidentStatus;
import dev.incident.events.state.IncidentState;
import dev.incident.postmortem.publish.PostmortemWorker;
import dev.incident.postmortem.store.EventStore;
import dev.incident.postmortem.store.Postmortem;
import dev.incident.postmortem.store.PostmortemStore;

/**
 * Admin endpoints: a closed incident's postmortem job, and regenerating its draft from the stored
 * log into the same document.
 */
@Path("/admin/postmortems/{incidentId}")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class PostmortemAdminResource {

    private static final Logger LOG = Logger.getLogger(PostmortemAdminResource.class);

    private final PostmortemStore jobs;
    private final EventStore events;
    private final PostmortemWorker worker;
    private final Optional<String> adminToken;
    private final Clock clock;

    public PostmortemAdminResource(
            PostmortemStore jobs,
            EventStore events,
            PostmortemWorker worker,
            @ConfigProperty(name = "postmortem.admin-token") Optional<String> adminToken,
            Clock clock) {
        this.jobs = jobs;
        this.events = events;
        this.worker = worker;
        this.adminToken = adminToken;
        this.clock = clock;
    }

    @GET
    public Postmortem job(
            @PathParam("incidentId") String incidentId,
            @HeaderParam("Authorization") String authorization) {
        authorize(authorization);
        return jobs.find(incidentId).orElseThrow(() -> notFound(incidentId));
    }

    /** Renders the draft again from the log and publishes it into the incident's document. */
    @POST
    @Path("/regenerate")
    public Postmortem regenerate(
            @PathParam("incidentId") String incidentId,
            @HeaderParam("Authorization") String authorization) {
        authorize(authorization);
        IncidentState state = IncidentState.fold(incidentId, events.events(incidentId));
        if (!state.exists()) {
            throw notFound(incidentId);
        }
        if (state.status() != IncidentStatus.CLOSED) {
            throw new WebApplicationException(
                    Response.status(Response.Status.CONFLICT)
                            .entity(
                                    new Problem(
                                            incidentId + " is " + state.status() + ", not closed"))
                            .type(MediaType.APPLICATION_JSON)
                            .build());
        }

        LOG.infof("%s: postmortem draft regeneration asked for", incidentId);
        jobs.restart(incidentId, clock.instant());
        return worker.process(incidentId);
    }

    /** With {@code postmortem.admin-token} set, calls must carry it as a bearer token. */
    private void authorize(String authorization) {
        if (adminToken.isPresent() && !("Bearer " + adminToken.get()).equals(authorization)) {
            throw new WebApplicationException(Response.Status.UNAUTHORIZED);
        }
    }

    private static NotFoundException notFound(String incidentId) {
        return new NotFoundException(
                Response.status(Response.Status.NOT_FOUND)
                        .entity(new Problem("no incident " + incidentId + " in the log"))
                        .type(MediaType.APPLICATION_JSON)
                        .build());
    }

    /** An error a person can read. */
    public record Problem(String message) {}
}
