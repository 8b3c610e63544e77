package dev.trellis.webhook.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature scheme (https://www.standardwebhooks.com/, "Signature scheme"): the secret is
 * {@code whsec_} followed by base64 of its bytes; the signed content is {@code <webhook-id>.<webhook-timestamp>.<body>};
 * a signature is {@code v1,<base64 of HMAC-SHA256>}, and the header lists one per valid secret, space-separated.
 */
public final class WebhookSignature {
    public static final String PREFIX = "whsec_";
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A new secret, {@code whsec_} and 32 random bytes in base64. */
    public static String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    /** One {@code v1,...} signature of the message with the secret. */
    public static String sign(String secret, String id, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            byte[] digest = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The {@code webhook-signature} header: a signature per secret, newest first. */
    public static String header(List<String> secrets, String id, long timestamp, String body) {
        List<String> signatures = new ArrayList<>();
        for (String secret : secrets) {
            signatures.add(sign(secret, id, timestamp, body));
        }
        return String.join(" ", signatures);
    }

    /** A receiver's check: does any signature of the header match the secret? (constant-time per signature) */
    public static boolean verify(String secret, String id, long timestamp, String body, String header) {
        byte[] expected = sign(secret, id, timestamp, body).getBytes(StandardCharsets.UTF_8);
        for (String candidate : header.split(" ")) {
            if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] key(String secret) {
        String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        return Base64.getDecoder().decode(encoded);
    }
}
