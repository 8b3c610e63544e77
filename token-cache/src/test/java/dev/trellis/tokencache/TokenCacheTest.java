package dev.trellis.tokencache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenCacheTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final SecurityIdentity identity = QuarkusSecurityIdentity.builder()
            .setPrincipal(() -> "someone").addRole("partner").build();

    private TokenCache cache(int maxSize, long leeway) {
        return new TokenCache(maxSize, 300, leeway, now::get);
    }

    @Test
    void knownTokenIsServedUntilItExpiresThenNeverAgain() {
        TokenCache cache = cache(10, 0);
        cache.put("k", identity, 0, now.get() + 60);
        assertSame(identity, cache.get("k"));
        now.addAndGet(59);
        assertSame(identity, cache.get("k"));
        now.addAndGet(1);
        assertNull(cache.get("k"), "expired at use, though it was cached");
        assertEquals(0, cache.size());
    }

    @Test
    void notBeforeIsEnforcedAtUse() {
        TokenCache cache = cache(10, 0);
        cache.put("k", identity, now.get() + 10, now.get() + 60);
        assertNull(cache.get("k"));
        now.addAndGet(10);
        assertSame(identity, cache.get("k"));
    }

    @Test
    void leewayWidensBothEndsLikeOidcDoes() {
        TokenCache cache = cache(10, 5);
        cache.put("k", identity, now.get() + 3, now.get() + 60);
        assertSame(identity, cache.get("k"));
        now.addAndGet(64);
        assertSame(identity, cache.get("k"));
        now.addAndGet(1);
        assertNull(cache.get("k"));
    }

    @Test
    void entryNeverOutlivesMaxTtl() {
        TokenCache cache = cache(10, 0);
        cache.put("k", identity, 0, now.get() + 86_400);
        now.addAndGet(300);
        assertNull(cache.get("k"));
    }

    @Test
    void tokenWithoutExpiryOrAlreadyExpiredIsNotCached() {
        TokenCache cache = cache(10, 0);
        cache.put("a", identity, 0, 0);
        cache.put("b", identity, 0, now.get() - 1);
        assertEquals(0, cache.size());
    }

    @Test
    void sizeIsBounded() {
        TokenCache cache = cache(3, 0);
        for (int i = 0; i < 10; i++) {
            cache.put("k" + i, identity, 0, now.get() + 60);
            assertTrue(cache.size() <= 3, "size " + cache.size());
        }
        assertSame(identity, cache.get("k9"), "the newest entry is kept");
    }

    @Test
    void aKeyDifferingInOneByteIsAMiss() {
        TokenCache cache = cache(10, 0);
        cache.put("Bearer header.payload.signature", identity, 0, now.get() + 60);
        assertSame(identity, cache.get("Bearer header.payload.signature"));
        assertNull(cache.get("Bearer header.payload.signaturf"));
        assertNull(cache.get("bearer header.payload.signature"));
    }
}
