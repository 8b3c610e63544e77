package dev.trellis.platform.http;

import io.quarkus.runtime.configuration.MemorySizeConverter;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * How large a request body may be, per path: {@code trellis.http.max-body-size} (256 KiB) on every route, and
 * {@code trellis.http.uploads.max-body-size} (64 MiB) on the routes that take a file, listed exactly in
 * {@code trellis.http.uploads.paths} (a service's CSV imports). Quarkus' own {@code quarkus.http.limits.max-body-size}
 * is the ceiling and must be at least the larger of the two; {@link TransportProblems} applies the per-path limit.
 */
public final class BodyLimits {
    private final long maxBytes;
    private final long maxUploadBytes;
    private final Set<String> uploadPaths;

    BodyLimits(long maxBytes, long maxUploadBytes, Set<String> uploadPaths) {
        this.maxBytes = maxBytes;
        this.maxUploadBytes = maxUploadBytes;
        this.uploadPaths = uploadPaths;
    }

    public static BodyLimits of(Config config) {
        MemorySizeConverter sizes = new MemorySizeConverter();
        long max = config.getOptionalValue("trellis.http.max-body-size", String.class)
                .map(v -> sizes.convert(v).asLongValue()).orElse(256L * 1024);
        long uploads = config.getOptionalValue("trellis.http.uploads.max-body-size", String.class)
                .map(v -> sizes.convert(v).asLongValue()).orElse(64L * 1024 * 1024);
        List<String> paths = config.getOptionalValues("trellis.http.uploads.paths", String.class).orElse(List.of());
        return new BodyLimits(max, uploads, Set.copyOf(paths));
    }

    /** The limit for a request to this path (as normalised, without the query). */
    public long maxBytes(String path) {
        return isUpload(path) ? maxUploadBytes : maxBytes;
    }

    /** Whether the path takes a file, with the upload limit. */
    public boolean isUpload(String path) {
        return uploadPaths.contains(path);
    }
}
