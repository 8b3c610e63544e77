package dev.trellis.platform.http;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * A list route that produces {@code text/csv} ({@link CsvExports}) gets, from the scanner, its JSON page's schema (or
 * none) under {@code text/csv} too. This filter describes the CSV for what it is: text with a header row.
 * Registered for every service in the platform's microprofile-config.properties ({@code mp.openapi.filter}).
 */
public class CsvOpenApi implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        if (openApi.getPaths() == null || openApi.getPaths().getPathItems() == null) {
            return;
        }
        openApi.getPaths().getPathItems().values().forEach(item -> {
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
                    csv.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                            .description("RFC 4180 CSV in UTF-8: a header row of column names, then one row per list item; "
                                    + "cells starting with = + - @, tab or CR are prefixed with '"));
                    csv.setExamples(null);
                }
            });
        });
    }
}
