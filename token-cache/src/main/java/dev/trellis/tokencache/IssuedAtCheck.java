package dev.trellis.tokencache;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwt.consumer.Validator;

/**
 * Refuses a token issued in the future: its {@code iat} more than {@code trellis.token-cache.issued-at-skew} after
 * now. Quarkus OIDC requires {@code iat} and checks {@code exp} and {@code nbf}, but not this; a token minted with a
 * clock (or a key) that runs ahead is not one Keycloak issued to this realm's users today. Quarkus OIDC runs every
 * {@link Validator} bean on each token it verifies, before the token cache stores anything: in the gateway and in
 * every service alike.
 */
@Unremovable
@ApplicationScoped
public class IssuedAtCheck implements Validator {

    private final long skewSeconds;

    IssuedAtCheck(TokenCacheConfig config) {
        this.skewSeconds = config.issuedAtSkew().toSeconds();
    }

    @Override
    public String validate(JwtContext jwtContext) throws MalformedClaimException {
        NumericDate issuedAt = jwtContext.getJwtClaims().getIssuedAt();
        if (issuedAt != null && issuedAt.getValue() > NumericDate.now().getValue() + skewSeconds) {
            return "The token was issued in the future (iat)";
        }
        return null;
    }
}
