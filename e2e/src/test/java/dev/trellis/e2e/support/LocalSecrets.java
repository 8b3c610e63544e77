package dev.trellis.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Secrets of the stack under test. Nothing is committed: {@code TRELLIS_PORTAL_CLIENT_SECRET} when set (another
 * stack), else the one deploy/local/keycloak.sh generated for this installation in
 * {@code ${TRELLIS_HOME:-<repo>/.trellis}/secrets/portal-client-secret}.
 */
public final class LocalSecrets {
    private LocalSecrets() {
    }

    /** The secret of Keycloak client {@code trellis-partner-service}; fails with a hint when there is none. */
    public static String portalClientSecret() {
        String env = System.getenv("TRELLIS_PORTAL_CLIENT_SECRET");
        if (env != null && !env.isBlank()) {
            return env;
        }
        Path file = stateDir().resolve("secrets/portal-client-secret");
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file).strip();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        throw new IllegalStateException("no portal client secret: set TRELLIS_PORTAL_CLIENT_SECRET or run "
                + "deploy/local/trellis up, which writes " + file);
    }

    private static Path stateDir() {
        String home = System.getenv("TRELLIS_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("deploy/local/lib.sh"))) {
                return p.resolve(".trellis");
            }
        }
        return Path.of(".trellis").toAbsolutePath();
    }
}
