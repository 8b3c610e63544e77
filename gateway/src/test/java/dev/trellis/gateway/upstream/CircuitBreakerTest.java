package dev.trellis.gateway.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final AtomicLong nanos = new AtomicLong();
    private final CircuitBreaker breaker = new CircuitBreaker(3, TimeUnit.SECONDS.toNanos(10), nanos::get);

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            assertTrue(breaker.tryAcquire());
            breaker.onFailure();
        }
    }

    @Test
    void opensAfterThresholdConsecutiveFailuresOnly() {
        fail(2);
        breaker.onSuccess();
        fail(2);
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state(), "a success in between resets the count");
        fail(1);
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        assertFalse(breaker.tryAcquire());
        assertEquals(10, breaker.retryAfterSeconds());
    }

    @Test
    void halfOpenLetsOneProbeThroughAndItsSuccessCloses() {
        fail(3);
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(10));
        assertTrue(breaker.tryAcquire(), "the probe");
        assertEquals(CircuitBreaker.State.HALF_OPEN, breaker.state());
        assertFalse(breaker.tryAcquire(), "only one probe at a time");
        breaker.onSuccess();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        assertTrue(breaker.tryAcquire());
    }

    @Test
    void failedProbeOpensForAnotherDelay() {
        fail(3);
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(10));
        assertTrue(breaker.tryAcquire());
        breaker.onFailure();
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(9));
        assertFalse(breaker.tryAcquire());
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(1));
        assertTrue(breaker.tryAcquire());
    }

    @Test
    void lostProbeIsReplacedAfterAnotherDelay() {
        fail(3);
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(10));
        assertTrue(breaker.tryAcquire());
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(10));
        assertTrue(breaker.tryAcquire(), "the first probe never reported back");
    }
}
