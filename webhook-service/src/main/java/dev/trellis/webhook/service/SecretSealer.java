package dev.trellis.webhook.service;

import dev.trellis.webhook.config.WebhookConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** Seals signing secrets for the database with AES-256-GCM under the deployment's key (trellis.webhook.secret-key). */
@ApplicationScoped
public class SecretSealer {
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public SecretSealer(WebhookConfig config) {
        String encoded = config.secretKey().trim();
        byte[] bytes = encoded.contains("-") || encoded.contains("_") ? Base64.getUrlDecoder().decode(encoded)
                : Base64.getDecoder().decode(encoded);
        if (bytes.length != 32) {
            throw new IllegalStateException("trellis.webhook.secret-key must be 32 bytes in base64");
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    public String seal(String secret) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a secret", e);
        }
    }

    public String open(String sealed) {
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a secret does not open with this key (was trellis.webhook.secret-key changed?)", e);
        }
    }
}
