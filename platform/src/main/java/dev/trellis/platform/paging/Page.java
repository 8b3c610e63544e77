package dev.trellis.platform.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a keyset-paged list, as it goes on the wire: {@code {"items": [...], "next": "<cursor>"}}
 * plus a {@code Link: <…>; rel="next"} header ({@code dev.trellis.platform.http.PageResponses}).
 */
public record Page<T>(List<T> items, String next) {

    /**
     * Cuts a fetch of {@link PageRequest#fetchSize()} rows down to the page, and makes the cursor from
     * the last row shown.
     */
    public static <R, T> Page<T> of(List<R> fetched, PageRequest request, Function<R, Cursor> cursorOf,
            Function<R, T> mapper) {
        boolean more = fetched.size() > request.limit();
        List<R> shown = more ? fetched.subList(0, request.limit()) : fetched;
        String next = more ? cursorOf.apply(shown.get(shown.size() - 1)).encode() : null;
        return new Page<>(shown.stream().map(mapper).toList(), next);
    }

    /** The same page with each item mapped, for the response records of the rest layer. */
    public <U> Page<U> map(Function<T, U> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), next);
    }
}
