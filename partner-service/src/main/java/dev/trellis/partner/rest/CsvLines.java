package dev.trellis.partner.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.trellis.platform.domain.InvalidInput;
import dev.trellis.platform.http.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The rows of an uploaded CSV file (RFC 4180, UTF-8, an optional byte order mark, comma-separated), read one at a
 * time by Jackson's CSV module, the library the exports write with. The first row names the columns; a column's
 * name is compared without letter case, spaces, {@code _} and {@code -} ({@code First Name} = {@code firstName}),
 * and columns nobody asked for are ignored. A row is its cells by column name, blanks as null.
 */
final class CsvLines implements Iterator<CsvLines.Row> {
    private static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

    /**
     * @param number the row's number as a spreadsheet shows it (the header is row 1)
     * @param broken why the file cannot be read from this row on (then it is the last row), or null
     */
    record Row(long number, Map<String, String> cells, String broken) {
        String get(String column) {
            return cells.get(column);
        }

        /** A row of blank cells only (an empty line): counted, otherwise skipped. */
        boolean empty() {
            return broken == null && cells.isEmpty();
        }
    }

    private final MappingIterator<List<String>> rows;
    private final Map<Integer, String> columns = new HashMap<>();
    private long number = 1;
    private boolean broken;

    /**
     * Reads the header row: 400 naming {@code header} when it lacks one of {@code required}.
     *
     * @param known    the columns this import reads, as canonical names ({@code firstName})
     * @param aliases  other names of known columns, normalised ({@code emailaddress} → {@code email})
     */
    CsvLines(InputStream body, Set<String> known, Set<String> required, Map<String, String> aliases) {
        Reader reader = new InputStreamReader(body, StandardCharsets.UTF_8);
        try {
            rows = MAPPER.readerForListOf(String.class).readValues(reader);
            List<String> header = rows.hasNextValue() ? rows.nextValue() : List.of();
            // A column's own name first, then its aliases: a Trellis export has both id and externalId, and its
            // id (an alias of externalId, as CiviCRM names its key) must not take externalId's place.
            Map<String, String> canonical = new HashMap<>();
            known.forEach(k -> canonical.put(normal(k), k));
            for (Map<String, String> names : List.of(canonical, aliases)) {
                for (int i = 0; i < header.size(); i++) {
                    String name = names.get(normal(header.get(i)));
                    if (name != null && !columns.containsKey(i) && !columns.containsValue(name)) {
                        columns.put(i, name);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            rethrowIfTheBodyFailed(e);
            throw InvalidInput.field("header", "the file is not CSV with a header row");
        }
        List<String> missing = required.stream().filter(r -> !columns.containsValue(r)).sorted().toList();
        if (!missing.isEmpty()) {
            throw InvalidInput.field("header", "the header row has no column " + String.join(", ", missing)
                    + " (columns: " + known.stream().sorted().toList() + ")");
        }
    }

    /** 400 naming {@code header} unless the header row has at least one of these columns (canonical names). */
    void requireAny(String... wanted) {
        for (String w : wanted) {
            if (columns.containsValue(w)) {
                return;
            }
        }
        throw InvalidInput.field("header", "the header row has no column " + String.join(" or ", wanted));
    }

    /**
     * A failure of the body itself, not of the CSV in it, stops the import where it is (the chunks committed stay; the
     * same file run again goes on from there): a file over the upload limit (413, from ChunkedUploadLimit) or a
     * caller gone mid-upload. Only what the CSV parser found is a broken row.
     */
    private static void rethrowIfTheBodyFailed(Exception e) {
        if (e instanceof ProblemException problem) {
            throw problem;
        }
        if (e instanceof IOException io && !(io instanceof JsonProcessingException)) {
            throw new UncheckedIOException(io);
        }
    }

    private static String normal(String name) {
        String n = name.startsWith("\uFEFF") ? name.substring(1) : name;
        return n.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
    }

    @Override
    public boolean hasNext() {
        if (broken) {
            return false;
        }
        try {
            return rows.hasNextValue();
        } catch (IOException | RuntimeException e) {
            rethrowIfTheBodyFailed(e);
            return true; // next() answers the broken row
        }
    }

    @Override
    public Row next() {
        if (broken) {
            throw new NoSuchElementException();
        }
        number++;
        List<String> cells;
        try {
            cells = rows.nextValue();
        } catch (NoSuchElementException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            rethrowIfTheBodyFailed(e);
            broken = true;
            return new Row(number, Map.of(), "the file is not valid CSV from here on (an unclosed quote?)");
        }
        Map<String, String> byName = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String name = columns.get(i);
            String cell = cells.get(i);
            if (name != null && cell != null && !cell.isBlank()) {
                byName.put(name, cell.strip());
            }
        }
        return new Row(number, byName, null);
    }

}
