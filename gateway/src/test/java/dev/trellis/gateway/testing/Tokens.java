package dev.trellis.gateway.testing;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/** Bearer tokens shaped like the trellis realm's, signed with {@link TestSigningKey}. */
public final class Tokens {

    public static final String ISSUER = "https://trellis.test/issuer";
    public static final String AUDIENCE = "trellis-api";

    private Tokens() {
    }

    /** A valid token carrying these realm roles. */
    public static String withRoles(String... roles) {
        return claims(roles).sign(signingKey());
    }

    /** Valid except for the audience, as a token minted for another client of the realm would be. */
    public static String forAudience(String audience, String... roles) {
        return claims(roles).audience(audience).sign(signingKey());
    }

    public static String fromIssuer(String issuer, String... roles) {
        return claims(roles).issuer(issuer).sign(signingKey());
    }

    /** A valid token for another user. */
    public static String forSubject(String subject, String... roles) {
        return claims(roles).subject(subject).sign(signingKey());
    }

    /** Valid now, expired {@code seconds} from now. */
    public static String expiringIn(long seconds, String... roles) {
        return claims(roles).expiresAt(Instant.now().plusSeconds(seconds)).sign(signingKey());
    }

    public static String expired(String... roles) {
        Instant now = Instant.now();
        return claims(roles).issuedAt(now.minusSeconds(7200)).expiresAt(now.minusSeconds(3600)).sign(signingKey());
    }

    /** Right claims, signed by a key the gateway does not trust. */
    public static String signedByStranger(String... roles) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return claims(roles).sign(generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Valid except that it was issued {@code seconds} from now. */
    public static String issuedIn(long seconds, String... roles) {
        Instant now = Instant.now();
        return claims(roles).issuedAt(now.plusSeconds(seconds)).expiresAt(now.plusSeconds(seconds + 300))
                .sign(signingKey());
    }

    /** The right claims and the trusted key, but another signature algorithm than the realm's RS256. */
    public static String signedWith(SignatureAlgorithm algorithm, String... roles) {
        return claims(roles).jws().algorithm(algorithm).sign(signingKey());
    }

    /** Valid except for Keycloak's {@code typ} claim: {@code ID} for an ID token; null leaves it out. */
    public static String ofType(String typ, String... roles) {
        JwtClaimsBuilder claims = claims(roles);
        if (typ == null) {
            claims.remove("typ");
        } else {
            claims.claim("typ", typ);
        }
        return claims.sign(signingKey());
    }

    private static JwtClaimsBuilder claims(String... roles) {
        Instant now = Instant.now();
        return Jwt.issuer(ISSUER)
                .claim("typ", "Bearer")
                .audience(AUDIENCE)
                .subject("0b0e7a4e-3d35-4a36-9a55-3a4c1f0d9e11")
                .preferredUserName("test-user")
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .issuedAt(now)
                .expiresAt(now.plusSeconds(300));
    }

    private static PrivateKey signingKey() {
        String encoded = ConfigProvider.getConfig().getValue(TestSigningKey.PRIVATE_KEY_PROPERTY, String.class);
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(encoded)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
