package dev.trellis.platform.http;

import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;

/**
 * A list route that produces {@code text/csv} ({@link CsvExports}) gets, from the scanner, its JSON page's schema (or
 * none) under {@code text/csv} too. This filter describes the CSV for what it is: text with a header row, of at most
 * {@code trellis.csv.max-rows} rows. A route that takes a file ({@code text/csv} or any type) is described as text of at
 * most the path's body limit ({@link BodyLimits}), unless it states its own maxLength.
 * Registered for every service in the platform's microprofile-config.properties ({@code mp.openapi.filter}).
 */
public class CsvOpenApi implements OASFilter {
    /**
     * A CSV export's length: at most trellis.csv.max-rows rows (100,000) of cells bounded by their columns, which is
     * below the largest length a schema can state.
     */
    static final int EXPORT_MAX_LENGTH = Integer.MAX_VALUE;

    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        if (openApi.getPaths() == null || openApi.getPaths().getPathItems() == null) {
            return;
        }
        BodyLimits limits = BodyLimits.of(ConfigProvider.getConfig());
        openApi.getPaths().getPathItems().forEach((path, item) -> {
            int bodyLimit = (int) Math.min(limits.maxBytes(path), Integer.MAX_VALUE);
            item.getOperations().values().forEach(operation -> describeFile(operation.getRequestBody(), bodyLimit));
            Operation get = item.getGET();
            if (get == null || get.getResponses() == null || get.getResponses().getAPIResponses() == null) {
                return;
            }
            get.getResponses().getAPIResponses().forEach((status, response) -> {
                if (!status.startsWith("2") || response.getContent() == null || response.getContent().getMediaTypes() == null) {
                    return;
                }
                Map<String, MediaType> types = response.getContent().getMediaTypes();
                MediaType csv = types.get(CsvExports.MEDIA_TYPE);
                if (csv != null) {
                    csv.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(EXPORT_MAX_LENGTH)
                            .description("RFC 4180 CSV in UTF-8: a header row of column names, then one row per list item "
                                    + "(at most 100,000); cells starting with = + - @, tab or CR are prefixed with '"));
                    csv.setExamples(null);
                }
            });
        });
    }

    /** A body taken as text (a file) gets the body limit as its maxLength, if it states none. */
    private static void describeFile(RequestBody body, int bodyLimit) {
        if (body == null || body.getContent() == null || body.getContent().getMediaTypes() == null) {
            return;
        }
        body.getContent().getMediaTypes().forEach((type, media) -> {
            Schema schema = media.getSchema();
            boolean text = type.startsWith("text/") || type.equals("*/*");
            if (text && schema != null && schema.getRef() == null && schema.getMaxLength() == null
                    && (schema.getType() == null || schema.getType().contains(Schema.SchemaType.STRING))) {
                schema.maxLength(bodyLimit);
            }
        });
    }
}
