package dev.trellis.advisory;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * A test-only endpoint without any security annotation: platform's build-time default
 * {@code quarkus.security.jaxrs.deny-unannotated-endpoints=true} must refuse it to everyone.
 */
@Path("/api/test-probes/unannotated")
public class UnannotatedProbe {
    @GET
    public String get() {
        return "nobody may read this";
    }
}
