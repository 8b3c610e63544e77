package dev.trellis.platform.testing.auth;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Signed tokens for one service's own tests, shaped like the trellis realm's: issuer, audience
 * {@code trellis-api}, {@code realm_access.roles}, {@code partner_id}. The matching public key is in
 * {@code test-public-key.pem} beside this class; services put it in {@code %test.quarkus.oidc.public-key}.
 * The end-to-end suite uses real Keycloak tokens instead.
 */
public final class TestTokens {
    public static final String ISSUER = "https://trellis.test/realms/trellis";
    public static final String AUDIENCE = "trellis-api";
    /** The demo partners, the same ids as the realm's partner users and the services' demo data. */
    public static final String PARTNER_A = "a1a1a1a1-0000-4000-8000-000000000001";
    public static final String PARTNER_B = "b2b2b2b2-0000-4000-8000-000000000002";

    private static final PrivateKey KEY = loadKey();

    private TestTokens() {
    }

    public static String communityTeam() {
        return token("cora", List.of("community-team"), null);
    }

    public static String foundationStaff() {
        return token("felix", List.of("foundation-staff"), null);
    }

    public static String partnerA() {
        return token("paula", List.of("partner"), PARTNER_A);
    }

    public static String partnerB() {
        return token("piet", List.of("partner"), PARTNER_B);
    }

    public static String token(String user, List<String> roles, String partnerId) {
        return claims(user, roles, partnerId).sign(KEY);
    }

    /** For tokens that must fail: another audience, an expiry in the past, and so on. */
    public static JwtClaimsBuilder claims(String user, List<String> roles, String partnerId) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(user + "-id")
                .preferredUserName(user)
                .claim("typ", "Bearer")
                .claim("realm_access", Map.of("roles", roles))
                .issuedAt(Instant.now())
                .expiresIn(300);
        if (partnerId != null) {
            claims.claim("partner_id", partnerId);
        }
        return claims;
    }

    /** The test signing key, for tokens signed otherwise than {@link #sign} does (another algorithm, say). */
    public static PrivateKey key() {
        return KEY;
    }

    public static String sign(JwtClaimsBuilder claims) {
        return claims.sign(KEY);
    }

    private static PrivateKey loadKey() {
        try (InputStream in = TestTokens.class.getResourceAsStream("test-private-key.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | java.security.GeneralSecurityException | NullPointerException e) {
            throw new IllegalStateException("cannot load the test signing key", e);
        }
    }
}
