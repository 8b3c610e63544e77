package dev.trellis.partner;

import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;

/** The real local Keycloak (deploy/local/keycloak.sh), seen by tests through the same client as partner-service. */
final class PortalKeycloak {
    static final String URL = "http://127.0.0.1:8180";
    static final String REALM = "trellis";

    private PortalKeycloak() {
    }

    /** Fails (never skips) when Keycloak or its partner-service client is missing. */
    static void requireRunning() {
        String wellKnown = URL + "/realms/" + REALM + "/.well-known/openid-configuration";
        try {
            HttpResponse<Void> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build()
                    .send(HttpRequest.newBuilder(URI.create(wellKnown)).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                fail("Keycloak realm '" + REALM + "' does not answer at " + wellKnown + " (HTTP " + response.statusCode()
                        + "): run deploy/local/keycloak.sh up");
            }
        } catch (Exception e) {
            fail("Keycloak is not reachable at " + URL + " (" + e + "). These tests need the real Keycloak: "
                    + "run deploy/local/keycloak.sh up");
        }
    }

    /**
     * The admin API as partner-service's own service account (the installation's generated secret, see
     * {@link LocalStackSecrets}): what a test does with it, partner-service could do too.
     */
    static Keycloak admin() {
        String secret = LocalStackSecrets.portalClientSecret();
        if (secret == null) {
            fail("no portal client secret: neither TRELLIS_PORTAL_CLIENT_SECRET nor " + LocalStackSecrets.secretFile()
                    + " exists; run deploy/local/keycloak.sh up, which makes it and gives it to Keycloak");
        }
        return KeycloakBuilder.builder().serverUrl(URL).realm(REALM).grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId("trellis-partner-service").clientSecret(secret).build();
    }

    static RealmResource realm(Keycloak keycloak) {
        return keycloak.realm(REALM);
    }
}
