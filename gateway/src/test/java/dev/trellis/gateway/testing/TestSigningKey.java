package dev.trellis.gateway.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * A fresh RSA key pair per test run instead of Keycloak: OIDC verifies with the public half
 * ({@code quarkus.oidc.public-key}), {@link Tokens} signs with the private half. No key file lives in
 * the repository.
 */
public class TestSigningKey implements QuarkusTestResourceLifecycleManager {

    public static final String PRIVATE_KEY_PROPERTY = "trellis.test.signing-key";

    @Override
    public Map<String, String> start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Base64.Encoder base64 = Base64.getEncoder();
            return Map.of(
                    "quarkus.oidc.public-key", base64.encodeToString(pair.getPublic().getEncoded()),
                    PRIVATE_KEY_PROPERTY, base64.encodeToString(pair.getPrivate().getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
    }
}
