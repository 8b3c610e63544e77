package dev.trellis.partner.service;

/**
 * One line of an import file as its reader understood it: a command, or why it cannot be one.
 *
 * @param line    the line's row number as a spreadsheet shows it (the header is row 1)
 * @param key     the line's natural key as written (a contact's email), empty when it has none
 * @param command null when {@code refusal} is set
 * @param refusal why the line is refused before anything is looked up ({@code field: message; …}), or null
 */
public record ImportLine<T>(long line, String key, T command, String refusal) {
    public static <T> ImportLine<T> of(long line, String key, T command) {
        return new ImportLine<>(line, key, command, null);
    }

    public static <T> ImportLine<T> refused(long line, String key, String refusal) {
        return new ImportLine<>(line, key, null, refusal);
    }
}
