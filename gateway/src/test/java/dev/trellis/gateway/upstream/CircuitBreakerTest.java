package dev.trellis.gateway.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
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

    @Test
    void listenerHearsEachChangeOfStateOnce() {
        List<CircuitBreaker.State> entered = new ArrayList<>();
        CircuitBreaker watched = new CircuitBreaker(2, TimeUnit.SECONDS.toNanos(10), nanos::get, entered::add);
        watched.onSuccess();
        watched.onFailure();
        watched.onFailure();
        watched.onFailure();
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(10));
        assertTrue(watched.tryAcquire());
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(10));
        assertTrue(watched.tryAcquire(), "a replaced probe stays half-open");
        watched.onSuccess();
        watched.onSuccess();
        assertEquals(List.of(CircuitBreaker.State.OPEN, CircuitBreaker.State.HALF_OPEN, CircuitBreaker.State.CLOSED), entered);
        assertEquals(List.of(0, 1, 2), List.of(CircuitBreaker.State.CLOSED.gauge(), CircuitBreaker.State.HALF_OPEN.gauge(),
                CircuitBreaker.State.OPEN.gauge()), "the gauge's values: worse is higher");
    }
}
