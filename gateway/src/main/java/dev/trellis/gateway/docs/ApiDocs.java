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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * One OpenAPI document for the whole API, merged from each service's own {@code /q/openapi} (which
 * the proxy never exposes), and a Swagger UI page that shows it. Only paths that the route table
 * sends to that service are kept, so the document describes exactly what the gateway serves. The
 * merge is cached for {@code trellis.gateway.openapi.cache-ttl}; a service that cannot be asked is
 * left out and named in {@code x-trellis-missing-services}.
 */
@ApplicationScoped
public class ApiDocs {

    private static final Logger LOG = Logger.getLogger(ApiDocs.class);
    public static final String DOCUMENT_PATH = "/api/openapi";
    public static final String UI_PATH = "/api/docs";
    private static final String SPEC_URI = "/q/openapi?format=json";
    /** Swagger UI's files, from the smallrye-open-api-ui jar that quarkus-swagger-ui uses too. */
    private static final String UI_ASSETS = "META-INF/resources/openapi-ui";

    private final Upstreams upstreams;
    private final long ttlNanos;
    private final Duration fetchTimeout;
    private final Buffer indexPage;
    private volatile Cached cached;

    private record Cached(Future<Buffer> document, long fetchedAt) {
    }

    ApiDocs(Upstreams upstreams, GatewayConfig config) {
        this.upstreams = upstreams;
        this.ttlNanos = config.openapi().cacheTtl().toNanos();
        this.fetchTimeout = config.openapi().fetchTimeout();
        this.indexPage = resource("docs/index.html");
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
            return Future.succeededFuture(merged.toBuffer());
        });
    }

    private static JsonObject skeleton() {
        return new JsonObject()
                .put("openapi", "3.0.3")
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
     * Adds one service's paths (those the route table gives it) and components. A component name that
     * two services define differently keeps the first definition and is listed in
     * {@code x-trellis-conflicts}; shared types (the problem body) are identical and merge silently.
     */
    static void merge(JsonObject merged, JsonObject spec, RouteTable.Upstream service, RouteTable routes) {
        JsonObject paths = merged.getJsonObject("paths");
        spec.getJsonObject("paths", new JsonObject()).forEach(path -> {
            if (routes.match(path.getKey()).map(service::equals).orElse(false)) {
                paths.put(path.getKey(), path.getValue());
            }
        });
        JsonObject components = merged.getJsonObject("components");
        spec.getJsonObject("components", new JsonObject()).forEach(kind -> {
            if (!(kind.getValue() instanceof JsonObject entries)) {
                return;
            }
            JsonObject into = components.getJsonObject(kind.getKey());
            if (into == null) {
                into = new JsonObject();
                components.put(kind.getKey(), into);
            }
            for (Map.Entry<String, Object> entry : entries) {
                Object existing = into.getValue(entry.getKey());
                if (existing == null) {
                    into.put(entry.getKey(), entry.getValue());
                } else if (!existing.equals(entry.getValue())) {
                    JsonArray conflicts = merged.getJsonArray("x-trellis-conflicts");
                    if (conflicts == null) {
                        conflicts = new JsonArray();
                        merged.put("x-trellis-conflicts", conflicts);
                    }
                    conflicts.add(kind.getKey() + "/" + entry.getKey() + " (kept the first, " + service.name()
                            + " differs)");
                }
            }
        });
        JsonArray tags = merged.getJsonArray("tags");
        spec.getJsonArray("tags", new JsonArray()).forEach(tag -> {
            if (tag instanceof JsonObject t && tags.stream().noneMatch(o -> o instanceof JsonObject other
                    && t.getString("name", "").equals(other.getString("name")))) {
                tags.add(t);
            }
        });
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
