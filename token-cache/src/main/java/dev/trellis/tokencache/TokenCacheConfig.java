package dev.trellis.tokencache;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code trellis.token-cache.*}: the same keys in the gateway and in every service. */
@ConfigMapping(prefix = "trellis.token-cache")
public interface TokenCacheConfig {

    /** Remember verified bearer tokens until they expire, so that each is verified once. */
    @WithDefault("true")
    boolean enabled();

    /** How many tokens are remembered at most. */
    @WithDefault("10000")
    int maxSize();

    /** An entry lives until the token expires, but never longer than this. */
    @WithDefault("5m")
    Duration maxTtl();

    /**
     * How far in the future a token's {@code iat} may lie (clocks drift); a later one is refused ({@link IssuedAtCheck}).
     * Quarkus OIDC checks {@code exp} and {@code nbf} but never a future {@code iat}.
     */
    @WithDefault("30s")
    Duration issuedAtSkew();
}
