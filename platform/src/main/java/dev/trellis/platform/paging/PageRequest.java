package dev.trellis.platform.paging;

import dev.trellis.platform.domain.InvalidInput;

/** A validated {@code ?limit=&cursor=} pair. */
public record PageRequest(int limit, String cursor) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** @throws InvalidInput naming the parameter, for a limit outside 1..{@value #MAX_LIMIT} */
    public static PageRequest of(Integer limit, String cursor) {
        int effective = limit == null ? DEFAULT_LIMIT : limit;
        if (effective < 1 || effective > MAX_LIMIT) {
            throw InvalidInput.field("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(effective, cursor == null || cursor.isBlank() ? null : cursor);
    }

    public boolean first() {
        return cursor == null;
    }

    /** The cursor decoded for a sort of {@code arity} keys, or null on the first page. */
    public Cursor decodedCursor(int arity) {
        return cursor == null ? null : Cursor.decode(cursor, arity);
    }

    /** Repositories fetch one row more than the limit, to learn whether a next page exists. */
    public int fetchSize() {
        return limit + 1;
    }
}
