package dev.trellis.webhook.domain;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** When to try a failed delivery again: exponential from the initial pause, capped, with "equal jitter". */
public final class Backoff {
    private Backoff() {
    }

    /**
     * @param failures how many attempts have failed so far (1 after the first)
     * @return a pause between half and all of {@code min(initial * 2^(failures-1), max)}
     */
    public static Duration after(int failures, Duration initial, Duration max) {
        long cap = max.toMillis();
        long base = initial.toMillis();
        int shift = Math.min(Math.max(failures - 1, 0), 40);
        long exponential = base > (cap >> Math.min(shift, 62)) ? cap : Math.min(cap, base << shift);
        long half = exponential / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(exponential - half + 1));
    }
}
