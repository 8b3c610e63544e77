package dev.trellis.partner.rest;

import dev.trellis.partner.domain.AffiliationRuleException;
import dev.trellis.platform.http.Problem;
import dev.trellis.platform.http.ProblemException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Broken affiliation dating rules as problem+json: a bad value is 400 naming the field, a clash with history 409. */
public class AffiliationRuleMapper {

    @ServerExceptionMapper
    public Response rule(AffiliationRuleException e, UriInfo uri) {
        ProblemException problem = e.kind() == AffiliationRuleException.Kind.INVALID
                ? new ProblemException(400, "invalid-request", "Invalid request", e.getMessage(),
                        List.of(new Problem.FieldError(e.field(), e.getMessage())))
                : ProblemException.conflict("affiliation-conflict", "Affiliation conflict", e.getMessage());
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem.toProblem(uri.getPath()))
                .build();
    }
}
