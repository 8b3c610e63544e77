package dev.trellis.console.rest;

import dev.trellis.console.api.ApiProblem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Readable pages for what went wrong, with the status the API gave: a page the user may not see (403),
 * one that does not exist (404, which is also what the API answers for another partner's records), an
 * API refusal that no form handled, and the API being unreachable (503). Nothing of the refusal but its
 * message reaches the page.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate(basePath = "errors")
    static class Templates {
        static native TemplateInstance error(int status, String heading, String message, String reference);
    }

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem problem) {
        int status = problem.status();
        return switch (status) {
            case 401 -> page(401, "Please sign in again", "Your session is no longer accepted by the API. Sign out and sign in again.", null);
            case 403 -> page(403, "Not yours to see", "This page belongs to someone else, or your role does not include it. "
                    + "(" + problem.detail() + ")", null);
            case 404 -> page(404, "Nothing here", "There is nothing at this address that you may see.", null);
            case 429 -> page(429, "Too many requests", "Trellis is being asked too much at once. Wait a few seconds and try again.", null);
            default -> {
                if (status >= 500) {
                    String ref = UUID.randomUUID().toString();
                    LOG.warnf("API answered %d (%s); reference %s", status, problem.title(), ref);
                    yield page(503, "Trellis is not answering right now", "Part of Trellis did not answer. Try again in a moment.", ref);
                }
                yield page(status, "That did not work", problem.detail(), null);
            }
        };
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return page(403, "Not yours to see", "Your role does not include this page.", null);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return page(401, "Please sign in", "Sign in to use Trellis.", null);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return page(404, "Nothing here", "There is nothing at this address.", null);
    }

    @ServerExceptionMapper
    public Response unreachable(ProcessingException e) {
        String ref = UUID.randomUUID().toString();
        LOG.warnf("The API could not be reached (%s); reference %s", e.getMessage(), ref);
        return page(503, "Trellis is not answering right now", "The API could not be reached. Try again in a moment.", ref);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        String ref = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure; reference %s", ref);
        return page(500, "Something went wrong", "This is a bug in the console. Quote the reference when you report it.", ref);
    }

    private static Response page(int status, String heading, String message, String reference) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.error(status, heading, message, reference)).build();
    }
}
