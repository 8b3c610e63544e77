package dev.trellis.gateway.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private final AtomicLong nanos = new AtomicLong();

    @Test
    void burstPassesThenTheCallerWaitsForTheRefill() {
        TokenBuckets buckets = new TokenBuckets(2, 3, 100, nanos::get);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, buckets.acquire("ip"));
        }
        assertEquals(1, buckets.acquire("ip"), "half a second to the next token, rounded up");
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
        assertEquals(0, buckets.acquire("ip"));
        assertEquals(1, buckets.acquire("ip"));
    }

    @Test
    void retryAfterCoversASlowRefill() {
        TokenBuckets buckets = new TokenBuckets(0.1, 1, 100, nanos::get);
        assertEquals(0, buckets.acquire("u"));
        assertEquals(10, buckets.acquire("u"));
    }

    @Test
    void keysAreIndependent() {
        TokenBuckets buckets = new TokenBuckets(1, 1, 100, nanos::get);
        assertEquals(0, buckets.acquire("a"));
        assertTrue(buckets.acquire("a") > 0);
        assertEquals(0, buckets.acquire("b"));
    }

    @Test
    void idleClientsAreForgottenWhenTheMapIsFull() {
        TokenBuckets buckets = new TokenBuckets(1, 1, 2, nanos::get);
        buckets.acquire("a");
        buckets.acquire("b");
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(5));
        assertEquals(0, buckets.acquire("c"));
        assertTrue(buckets.size() <= 2, "size " + buckets.size());
    }
}
