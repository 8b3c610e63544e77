package dev.trellis.gateway.edge;

import dev.trellis.gateway.config.GatewayConfig;
import dev.trellis.gateway.metrics.GatewayMetrics;
import io.micrometer.core.instrument.Counter;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Set;

/**
 * The request body limit. A declared {@code Content-Length} above it is refused before
 * authentication and before a byte of the body is read (an {@code Expect: 100-continue} client then
 * never sends it). A chunked body declares nothing, and {@code quarkus.http.limits.max-body-size}
 * does not stop it, so the proxy counts its bytes as they stream ({@link #counting}) and aborts the
 * upstream request when it passes the limit. The upload paths (the CSV imports) have a larger limit of their own
 * ({@code trellis.gateway.limits.uploads}); every other path has {@code trellis.gateway.limits.max-body-size}.
 */
@ApplicationScoped
public class BodyLimit {

    /** After the IP rate limit, before CORS and authentication; Quarkus' own length check runs later (-2). */
    private static final int PRIORITY = 980;
    public static final String DETAIL = "The request body is larger than the gateway accepts (%d bytes)";

    private final long maxBytes;
    private final long maxUploadBytes;
    private final Set<String> uploadPaths;
    private final Counter declaredTooLarge;
    private final Counter chunkedTooLarge;
    private final Counter badLength;

    BodyLimit(GatewayConfig config, GatewayMetrics metrics) {
        this.maxBytes = config.limits().maxBodySize().asLongValue();
        this.maxUploadBytes = config.limits().uploads().maxBodySize().asLongValue();
        this.uploadPaths = Set.copyOf(config.limits().uploads().paths().orElse(List.of()));
        this.declaredTooLarge = metrics.bodyTooLarge("declared");
        this.chunkedTooLarge = metrics.bodyTooLarge("chunked");
        this.badLength = metrics.requestShapeRefused("content-length", 400);
    }

    /** The limit for a request to this normalised path. */
    public long maxBytes(String path) {
        return uploadPaths.contains(path) ? maxUploadBytes : maxBytes;
    }

    void register(@Observes Filters filters) {
        filters.register(this::checkDeclaredLength, PRIORITY);
    }

    private void checkDeclaredLength(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared < 0) {
                badLength.increment();
                Problems.send(ctx, 400, "Content-Length is not a number");
                return;
            }
            if (declared > maxBytes(ctx.normalizedPath())) {
                tooLarge(ctx);
                return;
            }
        }
        ctx.next();
    }

    /**
     * Answers 413 and closes the connection: the body is never read, and Vert.x would otherwise keep
     * the connection open waiting for it.
     */
    private void tooLarge(RoutingContext ctx) {
        declaredTooLarge.increment();
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        // Not response().endHandler(): that would replace the routing context's own, and with it every
        // handler added with addEndHandler (the request metrics among them).
        ctx.addEndHandler(v -> ctx.request().connection().close());
        Problems.send(ctx, 413, String.format(DETAIL, maxBytes(ctx.normalizedPath())));
    }

    /** The thrown-away body's failure, so the proxy can tell a 413 from an upstream failure. */
    public static final class TooLarge extends RuntimeException {
        public TooLarge() {
            super("request body over the limit", null, false, false);
        }
    }

    /**
     * Wraps a body stream so that it fails with {@link TooLarge} once more than the path's limit has passed
     * through, after telling {@code onTooLarge}. Bytes are counted, never copied.
     */
    public ReadStream<Buffer> counting(String path, ReadStream<Buffer> source, Runnable onTooLarge) {
        return new Counting(source, maxBytes(path), () -> {
            chunkedTooLarge.increment();
            onTooLarge.run();
        });
    }

    private static final class Counting implements ReadStream<Buffer> {
        private final ReadStream<Buffer> source;
        private final long max;
        private final Runnable onTooLarge;
        private long seen;
        private boolean failed;
        private Handler<Throwable> exceptionHandler;

        Counting(ReadStream<Buffer> source, long max, Runnable onTooLarge) {
            this.source = source;
            this.max = max;
            this.onTooLarge = onTooLarge;
        }

        @Override
        public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
            this.exceptionHandler = handler;
            source.exceptionHandler(handler);
            return this;
        }

        @Override
        public ReadStream<Buffer> handler(Handler<Buffer> handler) {
            if (handler == null) {
                source.handler(null);
                return this;
            }
            source.handler(chunk -> {
                if (failed) {
                    return;
                }
                seen += chunk.length();
                if (seen > max) {
                    failed = true;
                    onTooLarge.run();
                    if (exceptionHandler != null) {
                        exceptionHandler.handle(new TooLarge());
                    }
                    return;
                }
                handler.handle(chunk);
            });
            return this;
        }

        @Override
        public ReadStream<Buffer> pause() {
            source.pause();
            return this;
        }

        @Override
        public ReadStream<Buffer> resume() {
            source.resume();
            return this;
        }

        @Override
        public ReadStream<Buffer> fetch(long amount) {
            source.fetch(amount);
            return this;
        }

        @Override
        public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
            source.endHandler(endHandler == null ? null : v -> {
                if (!failed) {
                    endHandler.handle(v);
                }
            });
            return this;
        }
    }
}
