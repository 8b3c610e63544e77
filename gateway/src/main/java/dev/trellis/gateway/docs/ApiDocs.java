package dev.trellis.gateway.docs;

import dev.trellis.gateway.config.GatewayConfig;
import dev.trellis.gateway.edge.Problems;
import dev.trellis.gateway.upstream.RouteTable;
import dev.trellis.gateway.upstream.Upstreams;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * One OpenAPI document for the whole API, merged from each service's own {@code /q/openapi} (which
 * the proxy never exposes), and a Swagger UI page that shows it. Only paths that the route table
 * sends to that service are kept, so the document describes exactly what the gateway serves. The
 * merged document keeps the services' OpenAPI version ({@value #DEFAULT_VERSION} when they do not
 * say). The merge is cached for {@code trellis.gateway.openapi.cache-ttl}; a service that cannot be
 * asked is left out and named in {@code x-trellis-missing-services}.
 */
@ApplicationScoped
public class ApiDocs {

    private static final Logger LOG = Logger.getLogger(ApiDocs.class);
    public static final String DOCUMENT_PATH = "/api/openapi";
    public static final String UI_PATH = "/api/docs";
    private static final String SPEC_URI = "/q/openapi?format=json";
    private static final String DISCOVERY = "/.well-known/openid-configuration";
    /** Swagger UI's files, from the smallrye-open-api-ui jar that quarkus-swagger-ui uses too. */
    private static final String UI_ASSETS = "META-INF/resources/openapi-ui";
    /** What SmallRye OpenAPI writes for Quarkus 3; a service's own document says which it is. */
    static final String DEFAULT_VERSION = "3.1.0";

    private final Upstreams upstreams;
    private final long ttlNanos;
    private final Duration fetchTimeout;
    private final Buffer indexPage;
    private final boolean rateLimited;
    private volatile Cached cached;

    private record Cached(Future<Buffer> document, long fetchedAt) {
    }

    ApiDocs(Upstreams upstreams, GatewayConfig config) {
        this.upstreams = upstreams;
        this.ttlNanos = config.openapi().cacheTtl().toNanos();
        this.fetchTimeout = config.openapi().fetchTimeout();
        this.indexPage = resource("docs/index.html");
        this.rateLimited = config.limits().perIp().requestsPerSecond() > 0
                || config.limits().perUser().requestsPerSecond() > 0;
    }

    /** Called by the proxy's route registration, so these routes come before its catch-all. */
    public void register(Router router) {
        router.get(DOCUMENT_PATH).handler(this::document);
        // Vert.x matches /api/docs and /api/docs/ alike; the page's relative asset links need the slash.
        router.get(UI_PATH).handler(ctx -> {
            if (ctx.request().path().endsWith("/")) {
                ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8").end(indexPage);
            } else {
                ctx.redirect(UI_PATH + "/");
            }
        });
        router.get(UI_PATH + "/*").handler(StaticHandler.create(UI_ASSETS).setDefaultContentEncoding("UTF-8"));
    }

    private void document(RoutingContext ctx) {
        String format = ctx.request().getParam("format");
        boolean yaml = "yaml".equalsIgnoreCase(format);
        if (format != null && !yaml && !"json".equalsIgnoreCase(format)) {
            Problems.send(ctx, 406, "The merged document is available as format=json (the default) or format=yaml");
            return;
        }
        current().onSuccess(body -> ctx.response()
                        .putHeader(HttpHeaders.CONTENT_TYPE, yaml ? "application/yaml" : "application/json")
                        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                        .end(yaml ? Yaml.write(body.toJsonObject()) : body.toString()))
                .onFailure(ctx::fail);
    }

    /** The merged document, from the cache while it is fresh. */
    Future<Buffer> current() {
        Cached now = cached;
        long time = System.nanoTime();
        if (now == null || time - now.fetchedAt() >= ttlNanos || now.document().failed()) {
            // Concurrent callers may both refresh; both results are equally good.
            now = new Cached(fetch(), time);
            cached = now;
        }
        return now.document();
    }

    private Future<Buffer> fetch() {
        List<RouteTable.Upstream> services = upstreams.routes().upstreams();
        List<Future<JsonObject>> specs = new ArrayList<>();
        for (RouteTable.Upstream service : services) {
            specs.add(upstreams.get(service, SPEC_URI, fetchTimeout).map(response -> {
                if (response.status() != 200) {
                    throw new IllegalStateException("HTTP " + response.status());
                }
                return response.body().toJsonObject();
            }));
        }
        return Future.join(specs).transform(done -> {
            JsonObject merged = skeleton();
            JsonArray missing = new JsonArray();
            for (int i = 0; i < services.size(); i++) {
                RouteTable.Upstream service = services.get(i);
                Future<JsonObject> spec = specs.get(i);
                if (spec.succeeded()) {
                    merge(merged, spec.result(), service);
                } else {
                    LOG.warnf("OpenAPI of %s is missing from the merged document: %s", service.name(), spec.cause());
                    missing.add(service.name());
                }
            }
            if (!missing.isEmpty()) {
                merged.put("x-trellis-missing-services", missing);
                merged.getJsonObject("info").put("description", merged.getJsonObject("info").getString("description")
                        + " Not included right now, because they did not answer: " + String.join(", ",
                                missing.stream().map(Object::toString).toList()) + ".");
            }
            describeEdge(merged, rateLimited);
            describeSignIn(merged);
            pruneUnused(merged);
            return Future.succeededFuture(merged.toBuffer());
        });
    }

    private static JsonObject skeleton() {
        return new JsonObject()
                .put("openapi", DEFAULT_VERSION)
                .put("info", new JsonObject()
                        .put("title", "Trellis API")
                        .put("version", "0.1.0")
                        .put("description", "Every service of Trellis, as the gateway serves it."))
                .put("servers", new JsonArray().add(new JsonObject().put("url", "/")))
                .put("paths", new JsonObject())
                .put("components", new JsonObject())
                .put("tags", new JsonArray());
    }

    /**
     * Adds one service's paths (those the route table gives it) and components. Identical components
     * (the shared problem body) merge silently. A component that another service already defined
     * differently is renamed for this service, its name prefixed with the service's
     * ({@code event-service}'s {@code Outcome} becomes {@code EventServiceOutcome}), and every
     * {@code $ref} of this service's document follows, so no operation is described with another
     * service's type. The renames are listed in {@code x-trellis-renamed}.
     */
    static void merge(JsonObject merged, JsonObject spec, RouteTable.Upstream service, RouteTable routes) {
        if (merged.getJsonObject("paths").isEmpty() && spec.getValue("openapi") instanceof String version) {
            merged.put("openapi", version);
        }
        JsonObject info = merged.getJsonObject("info");
        if (!info.containsKey("contact") && spec.getJsonObject("info", new JsonObject()).getValue("contact") instanceof JsonObject contact) {
            info.put("contact", contact.copy());
        }
        JsonObject components = merged.getJsonObject("components");
        JsonObject own = spec.getJsonObject("components", new JsonObject());
        Map<String, String> renamed = new LinkedHashMap<>();
        own.forEach(kind -> {
            JsonObject into = components.getJsonObject(kind.getKey());
            if (into == null || !(kind.getValue() instanceof JsonObject entries)) {
                return;
            }
            for (Map.Entry<String, Object> entry : entries) {
                Object existing = into.getValue(entry.getKey());
                if (existing != null && !existing.equals(entry.getValue())) {
                    String name = unusedName(into, entries, prefix(service.name()) + entry.getKey());
                    renamed.put("#/components/" + kind.getKey() + "/" + entry.getKey(),
                            "#/components/" + kind.getKey() + "/" + name);
                }
            }
        });
        JsonObject source = renamed.isEmpty() ? spec : (JsonObject) rewriteRefs(spec.copy(), renamed);
        JsonObject paths = merged.getJsonObject("paths");
        source.getJsonObject("paths", new JsonObject()).forEach(path -> {
            if (routes.match(path.getKey()).map(service::equals).orElse(false)) {
                paths.put(path.getKey(), path.getValue());
            }
        });
        source.getJsonObject("components", new JsonObject()).forEach(kind -> {
            if (!(kind.getValue() instanceof JsonObject entries)) {
                return;
            }
            JsonObject into = components.getJsonObject(kind.getKey());
            if (into == null) {
                into = new JsonObject();
                components.put(kind.getKey(), into);
            }
            String refPrefix = "#/components/" + kind.getKey() + "/";
            for (Map.Entry<String, Object> entry : entries) {
                String target = renamed.getOrDefault(refPrefix + entry.getKey(), refPrefix + entry.getKey());
                into.put(target.substring(refPrefix.length()), entry.getValue());
            }
        });
        if (!renamed.isEmpty()) {
            JsonArray list = merged.getJsonArray("x-trellis-renamed");
            if (list == null) {
                list = new JsonArray();
                merged.put("x-trellis-renamed", list);
            }
            for (Map.Entry<String, String> rename : renamed.entrySet()) {
                list.add(service.name() + ": " + rename.getKey().substring("#/components/".length()) + " -> "
                        + rename.getValue().substring("#/components/".length()));
            }
        }
        JsonArray tags = merged.getJsonArray("tags");
        source.getJsonArray("tags", new JsonArray()).forEach(tag -> {
            if (tag instanceof JsonObject t && tags.stream().noneMatch(o -> o instanceof JsonObject other
                    && t.getString("name", "").equals(other.getString("name")))) {
                tags.add(t);
            }
        });
    }

    /**
     * What the gateway itself adds to every operation of the merged document: {@code Access-Control-Allow-Origin}
     * on every answer (sent only to an allowed origin, {@code edge.Cors}); and when its rate limits are on, the
     * {@code RateLimit} and {@code RateLimit-Policy} fields on each 2xx and 4xx answer ({@code edge.RateLimits})
     * and a 429 problem with {@code Retry-After}.
     */
    static void describeEdge(JsonObject merged, boolean rateLimited) {
        JsonObject cors = new JsonObject().put("Access-Control-Allow-Origin", header("The request's Origin, sent only "
                + "when it is one of trellis.gateway.cors.origins (none by default: then only the gateway's own origin, "
                + "the console's, may read answers in a browser)").put("schema", new JsonObject().put("type", "string")
                        .put("format", "uri").put("maxLength", 2048)));
        JsonObject limits = new JsonObject()
                .put("RateLimit", header("What is left of each limit that applied: \"name\";r=remaining;t=seconds "
                        + "(draft-ietf-httpapi-ratelimit-headers)").put("schema", structuredField()))
                .put("RateLimit-Policy", header("Each limit that applied: \"name\";q=quota;w=window seconds")
                        .put("schema", structuredField()));
        merged.getJsonObject("paths").forEach(path -> {
            if (!(path.getValue() instanceof JsonObject item)) {
                return;
            }
            item.forEach(method -> {
                if (!(method.getValue() instanceof JsonObject operation) || !operation.containsKey("responses")) {
                    return;
                }
                JsonObject responses = operation.getJsonObject("responses");
                if (responses.getValue("429") instanceof JsonObject own && !own.containsKey("headers")) {
                    // a service's own 429 (a sign-up limit) sends Retry-After too
                    own.put("headers", new JsonObject().put("Retry-After", retryAfter()));
                } else if (responses.getValue("429") instanceof JsonObject own && !own.getJsonObject("headers").containsKey("Retry-After")) {
                    own.getJsonObject("headers").put("Retry-After", retryAfter());
                }
                if (rateLimited && !responses.containsKey("429")) {
                    responses.put("429", new JsonObject()
                            .put("description", "Too many requests from this user or address; retry after Retry-After seconds")
                            .put("headers", new JsonObject().put("Retry-After", retryAfter()))
                            .put("content", new JsonObject().put("application/problem+json", new JsonObject()
                                    .put("schema", new JsonObject().put("$ref", "#/components/schemas/Problem")))));
                }
                responses.forEach(answer -> {
                    if (!(answer.getValue() instanceof JsonObject response)) {
                        return;
                    }
                    boolean counted = answer.getKey().startsWith("2") || answer.getKey().startsWith("4");
                    addHeaders(response, cors);
                    if (rateLimited && counted) {
                        addHeaders(response, limits);
                    }
                });
            });
        });
        // The one server is the gateway that served the document, and it is the public API.
        merged.put("servers", new JsonArray().add(new JsonObject().put("url", "/").put("x-internal", false)
                .put("description", "This deployment's gateway (local, staging or production: wherever this document was read)")));
    }

    /**
     * The services name their token issuer as an OpenID Connect scheme (its discovery document). Swagger UI at
     * {@code /api/docs/} signs in with the authorization code flow and PKCE (docs/index.html), and a browser may not
     * read Keycloak's discovery document from another origin; so the merged document states the flow itself, as an
     * OAuth 2 scheme with Keycloak's authorization and token endpoints of the same issuer.
     */
    static void describeSignIn(JsonObject merged) {
        JsonObject schemes = merged.getJsonObject("components").getJsonObject("securitySchemes");
        if (schemes == null) {
            return;
        }
        for (String name : List.copyOf(schemes.fieldNames())) {
            JsonObject scheme = schemes.getJsonObject(name);
            String discovery = scheme.getString("openIdConnectUrl", "");
            if (!"openIdConnect".equals(scheme.getString("type")) || !discovery.endsWith(DISCOVERY)) {
                continue;
            }
            String endpoints = discovery.substring(0, discovery.length() - DISCOVERY.length()) + "/protocol/openid-connect";
            schemes.put(name, new JsonObject().put("type", "oauth2")
                    .put("description", "Keycloak's tokens (issuer " + discovery.substring(0, discovery.length()
                            - DISCOVERY.length()) + "): sign in with the authorization code flow and PKCE; the realm roles "
                            + "an operation admits are in its x-trellis-roles. The access tokens are JWTs, checked as RFC8725 "
                            + "advises: the signature against the issuer's published keys (RS256, no other algorithm), "
                            + "the issuer, the audience trellis-api and the expiry")
                    .put("flows", new JsonObject().put("authorizationCode", new JsonObject()
                            .put("authorizationUrl", endpoints + "/auth")
                            .put("tokenUrl", endpoints + "/token")
                            .put("refreshUrl", endpoints + "/token")
                            .put("scopes", new JsonObject().put("openid", "Sign in (OpenID Connect)")))));
        }
    }

    /**
     * Drops the components no path of the merged document reaches: those of routes the gateway does not serve (a
     * service's /admin operations) and those a service declares but no operation uses.
     */
    static void pruneUnused(JsonObject merged) {
        JsonObject components = merged.getJsonObject("components");
        Set<String> reached = new HashSet<>();
        Deque<Object> todo = new ArrayDeque<>();
        todo.add(merged.getJsonObject("paths"));
        while (!todo.isEmpty()) {
            Object node = todo.poll();
            if (node instanceof JsonObject object) {
                if (object.getValue("$ref") instanceof String ref && ref.startsWith("#/components/") && reached.add(ref)) {
                    String[] parts = ref.substring("#/components/".length()).split("/", 2);
                    JsonObject kind = components.getJsonObject(parts[0]);
                    if (kind != null && parts.length == 2 && kind.getValue(parts[1]) != null) {
                        todo.add(kind.getValue(parts[1]));
                    }
                }
                object.forEach(e -> {
                    if (e.getValue() != null) {
                        todo.add(e.getValue());
                    }
                });
            } else if (node instanceof JsonArray array) {
                array.forEach(v -> {
                    if (v != null) {
                        todo.add(v);
                    }
                });
            }
        }
        for (String kind : List.of("schemas", "responses", "parameters", "examples", "requestBodies", "headers")) {
            JsonObject entries = components.getJsonObject(kind);
            if (entries != null) {
                entries.fieldNames().removeIf(name -> !reached.contains("#/components/" + kind + "/" + name));
            }
        }
    }

    private static JsonObject retryAfter() {
        return new JsonObject().put("description", "Seconds until the next request is accepted")
                .put("schema", new JsonObject().put("type", "integer").put("format", "int32").put("minimum", 0)
                        .put("maximum", 86400));
    }

    private static void addHeaders(JsonObject response, JsonObject headers) {
        JsonObject own = response.getJsonObject("headers");
        if (own == null) {
            own = new JsonObject();
            response.put("headers", own);
        }
        for (String name : headers.fieldNames()) {
            if (!own.containsKey(name)) {
                own.put(name, headers.getJsonObject(name).copy());
            }
        }
    }

    /** An RFC 9651 list of items with parameters, as the RateLimit fields are. */
    private static JsonObject structuredField() {
        return new JsonObject().put("type", "string").put("maxLength", 1024)
                .put("pattern", "^\"[^\"]+\";[a-z]=\\d+(;[a-z]=\\d+)*(, \"[^\"]+\";[a-z]=\\d+(;[a-z]=\\d+)*)*$");
    }

    private static JsonObject header(String description) {
        return new JsonObject().put("description", description)
                .put("schema", new JsonObject().put("type", "string").put("maxLength", 1024));
    }

    /** {@code event-service} gives {@code EventService}. */
    static String prefix(String serviceName) {
        StringBuilder out = new StringBuilder();
        for (String part : serviceName.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }

    private static String unusedName(JsonObject merged, JsonObject own, String wanted) {
        String name = wanted;
        for (int n = 2; merged.containsKey(name) || own.containsKey(name); n++) {
            name = wanted + n;
        }
        return name;
    }

    /** The same tree with each {@code $ref} that names a renamed component pointing at its new name. */
    private static Object rewriteRefs(Object node, Map<String, String> renamed) {
        if (node instanceof JsonObject object) {
            for (String field : new ArrayList<>(object.fieldNames())) {
                Object value = object.getValue(field);
                if ("$ref".equals(field) && value instanceof String ref) {
                    object.put(field, renamed.getOrDefault(ref, ref));
                } else {
                    object.put(field, rewriteRefs(value, renamed));
                }
            }
        } else if (node instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, rewriteRefs(array.getValue(i), renamed));
            }
        }
        return node;
    }

    private void merge(JsonObject merged, JsonObject spec, RouteTable.Upstream service) {
        merge(merged, spec, service, upstreams.routes());
    }

    private static Buffer resource(String name) {
        try (InputStream in = ApiDocs.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the gateway's jar");
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
