package dev.trellis.gateway.edge;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One token bucket per key (an IP address, a user), in memory. A bucket holds up to {@code burst}
 * tokens and refills at {@code ratePerSecond}; each request takes one. The map is bounded: when it
 * is full, buckets that have refilled completely (clients that went quiet) are forgotten, which
 * loses nothing, since a new bucket starts full too.
 */
public final class TokenBuckets {

    private static final long SWEEP_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final double ratePerNano;
    private final double burst;
    private final int maxKeys;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile long lastSweep;

    public TokenBuckets(double ratePerSecond, int burst, int maxKeys, LongSupplier nanoClock) {
        if (ratePerSecond <= 0 || burst < 1 || maxKeys < 1) {
            throw new IllegalArgumentException("rate, burst and maxKeys must be positive");
        }
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.maxKeys = maxKeys;
        this.nanoClock = nanoClock;
        this.lastSweep = nanoClock.getAsLong() - SWEEP_INTERVAL_NANOS;
    }

    /**
     * What one request got from its bucket: whether it may pass, the whole tokens left after it, and
     * the whole seconds (at least 1) until the next token is back, 0 if the bucket is full. For a
     * refused request, {@code secondsToNextToken} is its {@code Retry-After}.
     */
    public record Outcome(boolean allowed, long remaining, long secondsToNextToken) {
    }

    /** Takes a token for {@code key}. */
    public Outcome acquire(String key) {
        long now = nanoClock.getAsLong();
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            if (buckets.size() >= maxKeys) {
                sweep(now);
            }
            if (buckets.size() >= maxKeys) {
                // Still full of busy clients: serve this one untracked rather than refuse a newcomer.
                return new Outcome(true, (long) burst - 1, 0);
            }
            bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        }
        return bucket.take(now, ratePerNano, burst);
    }

    /** How many clients are tracked right now. */
    public int size() {
        return buckets.size();
    }

    private void sweep(long now) {
        if (now - lastSweep < SWEEP_INTERVAL_NANOS) {
            return;
        }
        lastSweep = now;
        buckets.entrySet().removeIf(e -> e.getValue().fullAt(now, ratePerNano, burst));
    }

    private static final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        synchronized Outcome take(long now, double ratePerNano, double burst) {
            refill(now, ratePerNano, burst);
            boolean allowed = tokens >= 1;
            if (allowed) {
                tokens -= 1;
            }
            long whole = (long) Math.floor(tokens);
            long toNext = tokens >= burst ? 0
                    : Math.max(1, (long) Math.ceil((whole + 1 - tokens) / ratePerNano / 1e9));
            return new Outcome(allowed, whole, toNext);
        }

        synchronized boolean fullAt(long now, double ratePerNano, double burst) {
            refill(now, ratePerNano, burst);
            return tokens >= burst;
        }

        private void refill(long now, double ratePerNano, double burst) {
            if (now > updated) {
                tokens = Math.min(burst, tokens + (now - updated) * ratePerNano);
                updated = now;
            }
        }
    }
}
