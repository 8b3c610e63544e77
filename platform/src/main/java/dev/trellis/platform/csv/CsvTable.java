package dev.trellis.platform.csv;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The columns of one list's CSV export: stable English names for the header row and, for each, how a list item
 * gives its cell. Writes RFC 4180 (comma, double quotes doubled, CRLF) in UTF-8 through Jackson's CSV module, with
 * every text cell neutralised against spreadsheet formula injection ({@link #cell}).
 *
 * @param <T> the list's item, as the JSON list answers it (so CSV and JSON cannot show different things)
 */
public final class CsvTable<T> {
    // The HTTP layer owns the response stream: ending a document flushes it, never closes it.
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET)
            // quote a cell only when RFC 4180 needs it (a comma, a double quote, a line break), not for every space
            .enable(com.fasterxml.jackson.dataformat.csv.CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
    private static final CsvSchema SCHEMA = CsvSchema.emptySchema().withLineSeparator("\r\n");
    /** OWASP's list: a cell starting with one of these is a formula (or becomes one) in Excel, LibreOffice or Sheets. */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    public record Column<T>(String name, Function<? super T, ?> value) {
    }

    private final String fileName;
    private final List<Column<T>> columns;

    private CsvTable(String fileName, List<Column<T>> columns) {
        this.fileName = fileName;
        this.columns = List.copyOf(columns);
    }

    /** @param fileName the download's name before its date, for example {@code partners} */
    public static <T> CsvTable<T> named(String fileName) {
        return new CsvTable<>(fileName, List.of());
    }

    /** This table with one more column. */
    public CsvTable<T> column(String name, Function<? super T, ?> value) {
        List<Column<T>> more = new ArrayList<>(columns);
        more.add(new Column<>(name, value));
        return new CsvTable<>(fileName, more);
    }

    public String fileName() {
        return fileName;
    }

    public List<String> names() {
        return columns.stream().map(Column::name).toList();
    }

    /**
     * A cell's text: empty for null; a number as written; a collection's elements joined by {@code ;}; anything
     * else its {@code toString()}. Text that starts with {@code = + - @}, a tab or a carriage return gets a single
     * quote in front ({@code =HYPERLINK(…)} becomes {@code '=HYPERLINK(…)}), so a spreadsheet shows it instead of
     * running it. Numbers are left alone: {@code -5} is no formula.
     */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number number) {
            return number.toString();
        }
        String text = value instanceof Collection<?> many
                ? many.stream().map(v -> v == null ? "" : String.valueOf(v)).collect(Collectors.joining(";"))
                : String.valueOf(value);
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** Starts a document on {@code out}: writes the header row; the caller adds rows and closes it. */
    public Writer<T> open(OutputStream out) throws IOException {
        Writer<T> writer = new Writer<>(this, MAPPER.writerFor(String[].class).with(SCHEMA).writeValues(out));
        writer.write(names().toArray(String[]::new));
        return writer;
    }

    /** Rows into one document; {@link #flush()} sends what is buffered, {@link #close()} ends it. */
    public static final class Writer<T> implements AutoCloseable {
        private final CsvTable<T> table;
        private final SequenceWriter out;

        private Writer(CsvTable<T> table, SequenceWriter out) {
            this.table = table;
            this.out = out;
        }

        public void row(T item) throws IOException {
            String[] cells = new String[table.columns.size()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cell(table.columns.get(i).value().apply(item));
            }
            write(cells);
        }

        private void write(String[] cells) throws IOException {
            out.write(cells);
        }

        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
