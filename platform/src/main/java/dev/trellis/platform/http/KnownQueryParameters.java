package dev.trellis.platform.http;

import dev.trellis.platform.validation.Values;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * A query parameter the endpoint does not read is refused with a 400 naming it, so nobody believes a
 * filter was applied that was silently ignored ({@code ?membershipStatus=} on a list that has no such
 * filter). The names an endpoint reads are its method's {@code @QueryParam}s.
 */
public class KnownQueryParameters {
    private final Map<Method, Set<String>> known = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public Response refuseUnknown(ContainerRequestContext request, SimpleResourceInfo resource) {
        if (resource == null || resource.getMethodName() == null) {
            return null;
        }
        Method method = method(resource);
        if (method == null) {
            return null;
        }
        Set<String> allowed = known.computeIfAbsent(method, KnownQueryParameters::queryParams);
        List<String> unknown = request.getUriInfo().getQueryParameters().keySet().stream()
                .filter(name -> !allowed.contains(name)).sorted().toList();
        if (unknown.isEmpty()) {
            return refuseNul(request);
        }
        String accepted = allowed.isEmpty() ? "none" : String.join(", ", new TreeSet<>(allowed));
        List<Problem.FieldError> errors = unknown.stream()
                .map(name -> new Problem.FieldError(name, "is not a parameter of this request (accepted: " + accepted + ")"))
                .toList();
        Problem problem = new Problem(Problem.type("unknown-parameter"), "Unknown query parameter", 400,
                "This request does not take " + unknown.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "))
                        + "; it accepts: " + accepted,
                request.getUriInfo().getPath(), errors);
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** A query value with a NUL character can match nothing and the database cannot take it: 400 naming the parameter. */
    private static Response refuseNul(ContainerRequestContext request) {
        List<String> withNul = request.getUriInfo().getQueryParameters().entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(Values::hasNul)).map(Map.Entry::getKey).sorted().toList();
        if (withNul.isEmpty()) {
            return null;
        }
        List<Problem.FieldError> errors = withNul.stream()
                .map(name -> new Problem.FieldError(name, "must not contain the NUL character")).toList();
        Problem problem = new Problem(Problem.type("invalid-request"), "Invalid request", 400,
                "The NUL character is not allowed in " + String.join(", ", withNul), request.getUriInfo().getPath(), errors);
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static Method method(SimpleResourceInfo resource) {
        for (Method m : resource.getResourceClass().getMethods()) {
            if (m.getName().equals(resource.getMethodName())
                    && java.util.Arrays.equals(m.getParameterTypes(), resource.parameterTypes())) {
                return m;
            }
        }
        return null;
    }

    private static Set<String> queryParams(Method method) {
        Set<String> names = new java.util.HashSet<>();
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                names.add(query.value());
            }
        }
        return Set.copyOf(names);
    }
}
