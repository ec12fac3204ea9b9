package dev.incident.core.rest;

import java.util.Map;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import dev.incident.core.projection.Projection;

/** Operations on the read model. */
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final Projection projection;
    private final ApiToken token;

    public AdminResource(Projection projection, ApiToken token) {
        this.projection = projection;
        this.token = token;
    }

    @POST
    @Path("/rebuild")
    @Operation(
            summary = "Rebuild the read model from the start of the log",
            description = "Runs in the background; the service log shows its progress.")
    @APIResponse(responseCode = "202", description = "The rebuild started")
    @APIResponse(responseCode = "401", description = "No or a wrong bearer token")
    public Response rebuild(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Response refusal = token.refusal(authorization);
        if (refusal != null) {
            return refusal;
        }
        projection.rebuild();
        return Response.accepted(Map.of("rebuild", "started")).build();
    }
}
