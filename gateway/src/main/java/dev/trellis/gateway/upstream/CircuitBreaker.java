package dev.trellis.gateway.upstream;

import java.util.function.LongSupplier;

/**
 * One upstream's breaker. Closed, it lets everything through and counts consecutive transport
 * failures; at {@code threshold} it opens. Open, it refuses at once (the caller gets a fast 503)
 * until {@code openDelay} has passed; then it is half-open and lets exactly one probe through. The
 * probe's success closes it, its failure opens it again for another delay. A probe that never
 * reports back (its caller went away) is replaced by a new one after another delay.
 */
public final class CircuitBreaker {

    public enum State {
        CLOSED(0), OPEN(2), HALF_OPEN(1);

        private final int gauge;

        State(int gauge) {
            this.gauge = gauge;
        }

        /** The state as the metrics gauge shows it: 0 closed, 1 half-open, 2 open (worse is higher). */
        public int gauge() {
            return gauge;
        }
    }

    /** Told of every change of state, while the breaker's lock is held: it must be quick and must not call back. */
    @FunctionalInterface
    public interface Listener {
        void entered(State state);
    }

    private final int threshold;
    private final long openDelayNanos;
    private final LongSupplier nanoClock;
    private final Listener listener;

    private State state = State.CLOSED;
    private int failures;
    /** When the breaker opened, or when the current probe started. */
    private long since;

    public CircuitBreaker(int threshold, long openDelayNanos, LongSupplier nanoClock) {
        this(threshold, openDelayNanos, nanoClock, state -> {
        });
    }

    public CircuitBreaker(int threshold, long openDelayNanos, LongSupplier nanoClock, Listener listener) {
        if (threshold < 1 || openDelayNanos < 1) {
            throw new IllegalArgumentException("threshold and open delay must be positive");
        }
        this.threshold = threshold;
        this.openDelayNanos = openDelayNanos;
        this.nanoClock = nanoClock;
        this.listener = listener;
    }

    /** Whether a request may go to the upstream now; a {@code true} in the half-open state makes it the probe. */
    public synchronized boolean tryAcquire() {
        long now = nanoClock.getAsLong();
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
            case HALF_OPEN:
                if (now - since >= openDelayNanos) {
                    // A probe that never reported back is replaced: half-open again, not a new transition.
                    enter(State.HALF_OPEN);
                    since = now;
                    return true;
                }
                return false;
            default:
                throw new IllegalStateException(state.name());
        }
    }

    public synchronized void onSuccess() {
        enter(State.CLOSED);
        failures = 0;
    }

    public synchronized void onFailure() {
        failures++;
        if (state == State.HALF_OPEN || failures >= threshold) {
            enter(State.OPEN);
            since = nanoClock.getAsLong();
        }
    }

    /** Only a real change reaches the listener (a success while closed, every request's case, does not). */
    private void enter(State next) {
        if (state != next) {
            state = next;
            listener.entered(next);
        }
    }

    public synchronized State state() {
        return state;
    }

    /** Whole seconds (at least 1) until a request may be tried again, for Retry-After. */
    public synchronized long retryAfterSeconds() {
        long left = openDelayNanos - (nanoClock.getAsLong() - since);
        return Math.max(1, (long) Math.ceil(left / 1e9));
    }
}
