package dev.trellis.event.rest;

import dev.trellis.event.domain.EventRuleException;
import dev.trellis.platform.http.Problem;
import dev.trellis.platform.http.ProblemException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A broken event rule (a status move, a closed registration window, an inactive sponsor) is a 422 problem. */
public class EventRuleMapper {

    @ServerExceptionMapper
    public Response rule(EventRuleException e, UriInfo uri) {
        ProblemException problem = new ProblemException(422, e.slug(), "Rule violated", e.getMessage());
        return Response.status(422).type(Problem.MEDIA_TYPE).entity(problem.toProblem(uri.getPath())).build();
    }
}
