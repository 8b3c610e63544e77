package dev.trellis.partner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The local stack's generated portal client secret, for tests only: {@code deploy/local/keycloak.sh} makes it once
 * per installation in {@code $TRELLIS_HOME/secrets/portal-client-secret} (default {@code <repo>/.trellis}) and gives it
 * to Keycloak; this source offers it as {@code TRELLIS_PORTAL_CLIENT_SECRET}, which application.properties reads.
 * An environment variable of that name wins (ordinal 300 against this source's 50), so a stack elsewhere can be used.
 * Registered in META-INF/services of the test classpath; the packaged service has no such fallback.
 */
public class LocalStackSecrets implements ConfigSource {
    static final String ENV = "TRELLIS_PORTAL_CLIENT_SECRET";
    static final String FILE = "secrets/portal-client-secret";

    /** The secret from the environment or the state dir, or null when neither has one. */
    static String portalClientSecret() {
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return env;
        }
        Path file = stateDir().resolve(FILE);
        try {
            return Files.isRegularFile(file) ? Files.readString(file).strip() : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Where the secret is expected, for messages. */
    static Path secretFile() {
        return stateDir().resolve(FILE);
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

    @Override
    public Map<String, String> getProperties() {
        String secret = portalClientSecret();
        return secret == null ? Map.of() : Map.of(ENV, secret);
    }

    @Override
    public Set<String> getPropertyNames() {
        return getProperties().keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return ENV.equals(propertyName) ? portalClientSecret() : null;
    }

    @Override
    public String getName() {
        return "trellis local stack secrets (" + secretFile() + ")";
    }

    @Override
    public int getOrdinal() {
        return 50;
    }
}
