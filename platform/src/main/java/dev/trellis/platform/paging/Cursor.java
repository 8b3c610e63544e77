package dev.trellis.platform.paging;

import dev.trellis.platform.domain.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * An opaque keyset cursor: the sort-key values of the last row of a page. The next page starts strictly
 * after them, so page 1000 costs what page 1 costs.
 */
public record Cursor(List<String> keys) {
    private static final char SEPARATOR = '\u001f';

    public Cursor {
        keys = List.copyOf(keys);
    }

    public static Cursor of(Object... keys) {
        List<String> values = new ArrayList<>(keys.length);
        for (Object key : keys) {
            values.add(String.valueOf(key));
        }
        return new Cursor(values);
    }

    public String key(int index) {
        return keys.get(index);
    }

    /** The key at {@code index} as a UUID. @throws InvalidInput on the cursor parameter */
    public UUID uuid(int index) {
        try {
            return UUID.fromString(keys.get(index));
        } catch (IllegalArgumentException e) {
            throw foreign();
        }
    }

    /** The key at {@code index} as an instant. @throws InvalidInput on the cursor parameter */
    public Instant instant(int index) {
        try {
            return Instant.parse(keys.get(index));
        } catch (DateTimeParseException e) {
            throw foreign();
        }
    }

    public String encode() {
        String joined = String.join(String.valueOf(SEPARATOR), keys);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws InvalidInput on a cursor this service did not make, or one of another arity */
    public static Cursor decode(String token, int arity) {
        try {
            String joined = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            List<String> keys = List.of(joined.split(String.valueOf(SEPARATOR), -1));
            if (keys.size() != arity) {
                throw new IllegalArgumentException("arity");
            }
            return new Cursor(keys);
        } catch (IllegalArgumentException e) {
            throw foreign();
        }
    }

    /** The refusal of a cursor this list did not make; also for callers that read a cursor's keys themselves. */
    public static InvalidInput foreign() {
        return InvalidInput.field("cursor", "is not a cursor this list produced; start again without it");
    }
}
