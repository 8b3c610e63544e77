package dev.trellis.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.trellis.platform.domain.AccessDenied;
import dev.trellis.platform.domain.DomainException;
import dev.trellis.platform.domain.DomainRuleViolation;
import dev.trellis.platform.domain.InvalidInput;
import dev.trellis.platform.domain.NotFound;
import dev.trellis.platform.domain.RuleViolation;
import dev.trellis.platform.domain.StaleVersion;
import dev.trellis.platform.domain.StateConflict;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one set of exception mappers of all services: every error leaves as problem+json, client errors
 * say what was wrong, server errors say nothing about the inside (they log it under an error id).
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(path(uri)));
    }

    /**
     * The application layer's refusals, each kind to one status: 404 not found, 400 a bad value (fields
     * named), 409 a state conflict, 422 a broken rule (rules listed), 412/428 a stale or missing version,
     * 403 access denied.
     */
    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        return respond(problemOf(e, path(uri)));
    }

    /** The problem a domain exception is answered with; also for callers that answer outside JAX-RS. */
    public static Problem problemOf(DomainException e, String instance) {
        List<Problem.FieldError> errors = List.of();
        List<Problem.Rule> rules = List.of();
        int status;
        if (e instanceof NotFound) {
            status = 404;
        } else if (e instanceof InvalidInput invalid) {
            status = 400;
            errors = invalid.errors().stream().map(f -> new Problem.FieldError(f.field(), f.message())).toList();
        } else if (e instanceof StateConflict conflict) {
            status = 409;
            rules = rules(conflict);
        } else if (e instanceof RuleViolation violation) {
            status = 422;
            rules = rules(violation);
        } else if (e instanceof StaleVersion stale) {
            status = stale.isMissing() ? 428 : 412;
        } else if (e instanceof AccessDenied) {
            status = 403;
        } else {
            throw new IllegalStateException("unmapped domain exception " + e.getClass());
        }
        return new Problem(Problem.type(e.slug()), e.title(), status, e.detail(), instance, errors, rules);
    }

    private static List<Problem.Rule> rules(DomainRuleViolation violation) {
        return violation.rules().stream().map(r -> new Problem.Rule(r.rule(), r.detail())).toList();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        boolean returnValue = e.getConstraintViolations().stream().anyMatch(v -> kinds(v.getPropertyPath())
                .contains(ElementKind.RETURN_VALUE));
        if (returnValue) {
            return unexpected(e, uri);
        }
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(new Problem(Problem.type("validation"), "Validation failed", 400, detail, path(uri), errors));
    }

    private static final java.util.regex.Pattern DUPLICATE_FIELD = java.util.regex.Pattern.compile("Duplicate field '([^']{1,200})'");

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return respond(jsonProblem(e, uri));
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return respond(jsonProblem(e, uri));
    }

    @ServerExceptionMapper
    public Response staleWrite(OptimisticLockException e, UriInfo uri) {
        return respond(new Problem(Problem.type("precondition-failed"), "Precondition failed", 412,
                "The resource was changed by someone else meanwhile; read it again and retry", path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, UriInfo uri) {
        return challenge(status(401, "A valid bearer token is required", uri));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return challenge(status(401, "A valid bearer token is required", uri));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(status(403, "Your role does not allow this request", uri));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return respond(jsonProblem(json, uri));
        }
        if (e.getCause() instanceof ProblemException problem) {
            // A parameter converter's refusal, wrapped by JAX-RS (see QueryParamConverters).
            return problem(problem, uri);
        }
        if (e.getCause() instanceof DomainException domain) {
            return domain(domain, uri);
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        // The framework's own words ("HTTP 404 Not Found", "Unable to find matching target resource
        // method") say nothing to a caller and name its internals: answer in the house's.
        Problem problem = switch (status) {
            case 404 -> new Problem(Problem.type("not-found"), "Not found", 404,
                    "Nothing is found at this address: check the path and that its ids are UUIDs", path(uri), List.of());
            case 405 -> new Problem(Problem.type("method-not-allowed"), "Method not allowed", 405,
                    "This resource does not accept the " + "method used; see the Allow header", path(uri), List.of());
            case 406 -> new Problem(Problem.type("not-acceptable"), "Not acceptable", 406,
                    "This resource cannot answer in any of the media types the Accept header names", path(uri), List.of());
            case 415 -> new Problem(Problem.type("unsupported-media-type"), "Unsupported media type", 415,
                    "This resource does not read a body of the Content-Type sent", path(uri), List.of());
            default -> status(status, e.getMessage(), uri);
        };
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", errorId, uri == null ? "?" : uri.getPath());
        return respond(new Problem(Problem.type(null), "Internal Server Error", 500,
                "Something went wrong on our side. Quote error id " + errorId + " when reporting it.", path(uri),
                List.of()));
    }

    private static Problem jsonProblem(JsonProcessingException e, UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String detail = "The request body is not valid JSON";
        String at = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty() ? mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[") : null;
        java.util.regex.Matcher duplicate = DUPLICATE_FIELD.matcher(String.valueOf(e.getOriginalMessage()));
        if (duplicate.find()) {
            String field = (at == null ? "" : at + ".") + duplicate.group(1);
            detail = "The request body names '" + field + "' twice in one object; send each field once";
            errors.add(new Problem.FieldError(field, "appears more than once"));
        } else if (at != null) {
            String message = JsonHardening.reason(e.getOriginalMessage()).orElse("has the wrong type or format");
            detail = "The request body has a value of the wrong type or format at '" + at + "': " + message;
            errors.add(new Problem.FieldError(at, message));
        }
        return new Problem(Problem.type("unreadable-body"), "Unreadable request body", 400, detail, path(uri), errors);
    }

    private static Problem status(int status, String detail, UriInfo uri) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        return new Problem(Problem.type(null), title, status, detail, path(uri), List.of());
    }

    /** A 401 with the challenge RFC 9110 asks for: the scheme the resource takes (RFC 6750). */
    private static Response challenge(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer realm=\"trellis\"")
                .entity(problem).build();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        try {
            return uri == null ? null : uri.getPath();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** "create.arg0.name" → "name": callers know fields, not Java method parameters. */
    private static String field(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR) {
                continue;
            }
            // A node inside a list or map carries the position in its container, which the previous name is.
            if (node.isInIterable() && !names.isEmpty()) {
                String container = names.remove(names.size() - 1);
                Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                names.add(container + "[" + position + "]");
            }
            if (node.getName() != null && kind != ElementKind.CONTAINER_ELEMENT) {
                names.add(node.getName());
            }
        }
        // A body parameter's own name says nothing to the caller: drop it when a field follows.
        if (names.size() > 1) {
            names.remove(0);
        }
        return String.join(".", names).replace(".[", "[");
    }

    private static List<ElementKind> kinds(Path path) {
        List<ElementKind> kinds = new ArrayList<>();
        path.forEach(n -> kinds.add(n.getKind()));
        return kinds;
    }
}
