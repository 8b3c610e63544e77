package dev.trellis.tokencache;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Identities of bearer tokens that passed full verification, keyed by the exact {@code Authorization}
 * header that carried them. Only successes are stored, so a token that failed once is verified in
 * full every time; a changed byte anywhere in the header is a different key. The key is the header
 * itself, not a hash of it: the cached identity holds the raw token anyway
 * ({@code JsonWebToken#getRawToken}), and hashing and copying a 1 KB token on every request showed in
 * the benchmark's profile. An entry is used only inside the token's own validity
 * window ({@code nbf} to {@code exp}, widened by the same leeway OIDC allows), checked on every
 * lookup, and lives no longer than {@code maxTtl}, so a key rotation takes effect within that time.
 * The map is bounded: when full, expired entries go first, and if it is still full, everything.
 */
public final class TokenCache {

    private final int maxSize;
    private final long maxTtlSeconds;
    private final long leewaySeconds;
    private final LongSupplier epochSecondClock;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(SecurityIdentity identity, long notBefore, long expiresAt) {
    }

    public TokenCache(int maxSize, long maxTtlSeconds, long leewaySeconds, LongSupplier epochSecondClock) {
        this.maxSize = maxSize;
        this.maxTtlSeconds = maxTtlSeconds;
        this.leewaySeconds = leewaySeconds;
        this.epochSecondClock = epochSecondClock;
    }

    /** The identity of a token verified earlier, if it is still inside its validity window. */
    public SecurityIdentity get(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        long now = epochSecondClock.getAsLong();
        if (now >= entry.expiresAt()) {
            entries.remove(key, entry);
            return null;
        }
        return now >= entry.notBefore() ? entry.identity() : null;
    }

    /**
     * Remembers a verified token. {@code exp} is required (a token without one is never cached);
     * {@code nbf} is optional (0).
     */
    public void put(String key, SecurityIdentity identity, long notBefore, long exp) {
        if (exp <= 0) {
            return;
        }
        long now = epochSecondClock.getAsLong();
        long expiresAt = Math.min(exp + leewaySeconds, now + maxTtlSeconds);
        if (expiresAt <= now) {
            return;
        }
        if (entries.size() >= maxSize) {
            entries.values().removeIf(e -> e.expiresAt() <= now);
            if (entries.size() >= maxSize) {
                entries.clear();
            }
        }
        entries.put(key, new Entry(identity, notBefore > 0 ? notBefore - leewaySeconds : 0, expiresAt));
    }

    public int size() {
        return entries.size();
    }
}
