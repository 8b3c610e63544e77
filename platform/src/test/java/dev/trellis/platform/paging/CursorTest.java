package dev.trellis.platform.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trellis.platform.domain.InvalidInput;
import java.util.List;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void roundTripsKeysWithAnyCharacters() {
        Cursor cursor = Cursor.of("Acme, Inc. / «Ü»", "a1a1a1a1-0000-4000-8000-000000000001", "");
        assertEquals(cursor, Cursor.decode(cursor.encode(), 3));
        assertEquals(List.of("Acme, Inc. / «Ü»", "a1a1a1a1-0000-4000-8000-000000000001", ""),
                Cursor.decode(cursor.encode(), 3).keys());
    }

    @Test
    void encodedCursorIsUrlSafe() {
        String token = Cursor.of("??>>//++", "x").encode();
        assertEquals(token, token.replaceAll("[^A-Za-z0-9_-]", ""));
    }

    @Test
    void foreignOrWrongArityCursorIsABadRequestOnTheCursorParameter() {
        InvalidInput bad = assertThrows(InvalidInput.class, () -> Cursor.decode("%%%", 1));
        assertEquals("cursor", bad.errors().get(0).field());
        assertEquals("cursor", assertThrows(InvalidInput.class, () -> Cursor.decode(Cursor.of("a").encode(), 2)).errors().get(0).field());
    }

    @Test
    void pageRequestDefaultsAndBounds() {
        assertEquals(PageRequest.DEFAULT_LIMIT, PageRequest.of(null, null).limit());
        assertEquals(PageRequest.MAX_LIMIT, PageRequest.of(PageRequest.MAX_LIMIT, null).limit());
        assertEquals(51, PageRequest.of(50, "").fetchSize());
        assertEquals(true, PageRequest.of(10, " ").first());
        assertThrows(InvalidInput.class, () -> PageRequest.of(0, null));
        assertThrows(InvalidInput.class, () -> PageRequest.of(PageRequest.MAX_LIMIT + 1, null));
    }

    @Test
    void typedKeysReadBackOrAreABadCursor() {
        java.util.UUID id = java.util.UUID.randomUUID();
        java.time.Instant at = java.time.Instant.parse("2027-03-16T08:00:00Z");
        Cursor cursor = Cursor.decode(Cursor.of(at, id).encode(), 2);
        assertEquals(at, cursor.instant(0));
        assertEquals(id, cursor.uuid(1));
        assertThrows(InvalidInput.class, () -> cursor.uuid(0));
        assertThrows(InvalidInput.class, () -> cursor.instant(1));
    }
}
