package dev.trellis.platform.retention;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shape of a page of the run log, for the OpenAPI document (the route answers a platform {@code Page}). */
@Schema(name = "RetentionRunPage")
public record RetentionRunPage(
        @Schema(maxItems = 200) List<RetentionRunEntry> items,
        @Schema(description = "The next page's cursor; absent on the last page", maxLength = 4096, nullable = true) String next) {
}
