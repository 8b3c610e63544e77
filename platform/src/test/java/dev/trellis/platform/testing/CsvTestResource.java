package dev.trellis.platform.testing;

import dev.trellis.platform.csv.CsvTable;
import dev.trellis.platform.domain.NotFound;
import dev.trellis.platform.http.CsvExports;
import dev.trellis.platform.paging.Cursor;
import dev.trellis.platform.paging.Page;
import dev.trellis.platform.paging.PageRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/** A keyset-paged list of {@code size} numbered rows that answers JSON or CSV, for CsvExportsTest only. */
@Path("/csv/rows")
@PermitAll
public class CsvTestResource {
    public record Row(int n, String name, List<String> tags, Integer score) {
    }

    static final CsvTable<Row> CSV = CsvTable.<Row>named("rows").column("n", Row::n).column("name", Row::name)
            .column("tags", Row::tags).column("score", Row::score);
    /** How many pages the last request fetched. */
    public static final AtomicInteger FETCHES = new AtomicInteger();

    private final CsvExports csv;

    public CsvTestResource(CsvExports csv) {
        this.csv = csv;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvExports.MEDIA_TYPE})
    public Response list(@QueryParam("size") Integer size, @QueryParam("name") String name,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        int total = size == null ? 3 : size;
        if (total < 0) {
            throw new NotFound("There are no such rows");
        }
        FETCHES.set(0);
        return csv.list(headers, uri, limit, cursor, CSV, page -> fetch(page, total, name));
    }

    private static Page<Row> fetch(PageRequest page, int total, String name) {
        FETCHES.incrementAndGet();
        Cursor after = page.decodedCursor(1);
        int from = after == null ? 0 : Integer.parseInt(after.key(0)) + 1;
        List<Row> rows = IntStream.range(from, total).limit(page.fetchSize())
                .mapToObj(n -> new Row(n, name == null ? "row " + n : name, List.of("a", "b"), n % 2 == 0 ? -n : null))
                .toList();
        return Page.of(rows, page, r -> Cursor.of(r.n()), r -> r);
    }
}
