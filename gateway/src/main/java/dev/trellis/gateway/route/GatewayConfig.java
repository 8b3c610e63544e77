package dev.trellis.gateway.route;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The routing table: which service answers which path prefixes. Defaults are in
 * {@code application.properties}; tests and deployments override single upstreams, for example
 * {@code TRELLIS_GATEWAY_ROUTES__PARTNER_SERVICE__UPSTREAM}.
 */
@ConfigMapping(prefix = "trellis.gateway")
public interface GatewayConfig {

    /** Routes by service name. */
    Map<String, Route> routes();

    /**
     * How long to wait for a TCP connection to an upstream. A dead host then costs the caller this
     * long, not the operating system's connect timeout.
     */
    @WithDefault("2s")
    Duration connectTimeout();

    interface Route {

        /**
         * Path prefixes under {@code /api/}, matched on a path-segment boundary: {@code /api/partners}
         * matches {@code /api/partners} and {@code /api/partners/…}, never {@code /api/partnersX}.
         */
        List<String> prefixes();

        /** Scheme, host and port of the service, for example {@code http://127.0.0.1:8081}; no path. */
        URI upstream();
    }
}
