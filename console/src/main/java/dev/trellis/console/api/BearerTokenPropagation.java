package dev.trellis.console.api;

import io.quarkus.arc.Arc;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Sends the signed-in user's access token (from the OIDC code flow's session) with every API call, so
 * the gateway and the services decide what this user may do, exactly as for any other client.
 *
 * <p>quarkus-rest-client-oidc-token-propagation does the same, but its 3.33.2 parent POM is missing from
 * Maven Central, so Maven cannot resolve the extension; this is the few lines it would contribute.
 */
public class BearerTokenPropagation implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        SecurityIdentity identity = Arc.container().instance(SecurityIdentity.class).get();
        AccessTokenCredential token = identity == null ? null : identity.getCredential(AccessTokenCredential.class);
        if (token != null && token.getToken() != null) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token.getToken());
        }
    }
}
