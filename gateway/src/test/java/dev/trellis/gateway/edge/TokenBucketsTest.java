package dev.trellis.gateway.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
            assertTrue(buckets.acquire("ip").allowed());
        }
        TokenBuckets.Outcome refused = buckets.acquire("ip");
        assertFalse(refused.allowed());
        assertEquals(0, refused.remaining());
        assertEquals(1, refused.secondsToNextToken(), "half a second to the next token, rounded up");
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
        assertTrue(buckets.acquire("ip").allowed());
        assertFalse(buckets.acquire("ip").allowed());
    }

    @Test
    void outcomeCountsTheTokensLeftAndTheWaitForTheNextOne() {
        TokenBuckets buckets = new TokenBuckets(0.5, 3, 100, nanos::get);
        assertEquals(new TokenBuckets.Outcome(true, 2, 2), buckets.acquire("u"));
        assertEquals(new TokenBuckets.Outcome(true, 1, 2), buckets.acquire("u"));
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(1));
        // Half a token back: one more second to the next whole one.
        assertEquals(new TokenBuckets.Outcome(true, 0, 1), buckets.acquire("u"));
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(60));
        assertEquals(new TokenBuckets.Outcome(true, 2, 2), buckets.acquire("u"), "refilled to the burst, never above");
    }

    @Test
    void retryAfterCoversASlowRefill() {
        TokenBuckets buckets = new TokenBuckets(0.1, 1, 100, nanos::get);
        assertTrue(buckets.acquire("u").allowed());
        assertEquals(10, buckets.acquire("u").secondsToNextToken());
    }

    @Test
    void keysAreIndependent() {
        TokenBuckets buckets = new TokenBuckets(1, 1, 100, nanos::get);
        assertTrue(buckets.acquire("a").allowed());
        assertFalse(buckets.acquire("a").allowed());
        assertTrue(buckets.acquire("b").allowed());
    }

    @Test
    void idleClientsAreForgottenWhenTheMapIsFull() {
        TokenBuckets buckets = new TokenBuckets(1, 1, 2, nanos::get);
        buckets.acquire("a");
        buckets.acquire("b");
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(5));
        assertTrue(buckets.acquire("c").allowed());
        assertTrue(buckets.size() <= 2, "size " + buckets.size());
    }
}
