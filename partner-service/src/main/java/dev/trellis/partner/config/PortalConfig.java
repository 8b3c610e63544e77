package dev.trellis.partner.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How partner-service reaches Keycloak's admin API to manage partner portal users: as the service account of
 * a confidential client that may only create and manage members of the group {@code partner-users}. Each value
 * can be overridden by the environment ({@code TRELLIS_PORTAL_SERVER_URL}, {@code TRELLIS_PORTAL_CLIENT_SECRET},
 * ...); the secret has no default anywhere, so the service does not start without one.
 */
@ConfigMapping(prefix = "trellis.portal")
public interface PortalConfig {

    /** Keycloak's base URL, without {@code /realms/...}, e.g. {@code http://127.0.0.1:8180}. */
    String serverUrl();

    /** The realm that holds the portal users and the client. */
    @WithDefault("trellis")
    String realm();

    /** The confidential client whose service account calls the admin API. */
    String clientId();

    /** The client's secret; deploy/local generates one per installation, deployments take it from a secret store. */
    String clientSecret();

    /** How long the link in an invitation mail (Keycloak's "set your password") works. */
    @WithDefault("P3D")
    Duration invitationLifespan();

    /** The audience a partner's machine client's tokens carry: the one the services check ({@code quarkus.oidc.token.audience}). */
    @WithDefault("trellis-api")
    String machineClientAudience();
}
