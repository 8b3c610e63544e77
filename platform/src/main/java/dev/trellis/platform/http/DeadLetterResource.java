package dev.trellis.platform.http;

import dev.trellis.platform.messaging.DeadLetters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Operations, on each service's own port (the gateway does not route it): after the cause of dead
 * letters is fixed, {@code POST /admin/dead-letters/{channel}/replay} puts every record of the channel's
 * dead-letter topic through its consumer again, idempotently. Foundation staff only.
 */
@Path("/admin/dead-letters")
public class DeadLetterResource {
    private final DeadLetters deadLetters;

    public DeadLetterResource(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @POST
    @Path("/{channel}/replay")
    @RolesAllowed("foundation-staff")
    @Produces(MediaType.APPLICATION_JSON)
    public DeadLetterReplayResponse replay(@PathParam("channel") String channel) {
        return DeadLetterReplayResponse.of(deadLetters.replay(channel));
    }
}
