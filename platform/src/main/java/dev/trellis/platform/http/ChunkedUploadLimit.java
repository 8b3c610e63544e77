package dev.trellis.platform.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The upload limit for a chunked body on an upload path ({@link BodyLimits}). The REST layer's own check would end
 * the response with an empty 413 while the resource reads the file; here the file's stream fails with a 413
 * {@code body-too-large} problem instead, which the resource's caller answers like any other problem. A body with a
 * Content-Length was checked before it was read ({@link TransportProblems}).
 */
public class ChunkedUploadLimit {
    private final BodyLimits limits = BodyLimits.of(ConfigProvider.getConfig());

    @ServerRequestFilter
    public void limit(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (limits.isUpload(path) && request.getHeaderString("Content-Length") == null) {
            request.setEntityStream(new Limited(request.getEntityStream(), limits.maxBytes(path)));
        }
    }

    static ProblemException tooLarge() {
        return new ProblemException(413, "body-too-large", "Request body too large",
                "The request body is larger than this service accepts");
    }

    private static final class Limited extends FilterInputStream {
        private final long max;
        private long read;

        Limited(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) {
            read += n;
            if (read > max) {
                throw tooLarge();
            }
        }
    }
}
