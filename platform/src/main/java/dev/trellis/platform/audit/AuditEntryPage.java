package dev.trellis.platform.audit;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shape of a page of the trail, for the OpenAPI document (the route answers a platform {@code Page}). */
@Schema(name = "AuditEntryPage")
public record AuditEntryPage(
        @Schema(maxItems = 200) List<AuditEntry> items,
        @Schema(description = "The next page's cursor; absent on the last page", maxLength = 4096, nullable = true) String next) {
}
