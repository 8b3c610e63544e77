package dev.trellis.platform.http;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * What every service's OpenAPI document says the same way, because the platform does it the same way for all
 * of them: every 4xx and 5xx answer is a {@link Problem} ({@code application/problem+json}, one component
 * {@value #PROBLEM}); an operation that needs a token may answer 401 and 403; one that takes parameters or a
 * body may answer 400 (the platform's validation and parameter checks); any may answer 500 (the mappers' last
 * resort, which names no cause); a 201 names what it created in {@code Location}. The CSV variant of list
 * routes is described by {@link CsvOpenApi}. Registered for every service in the platform's
 * microprofile-config.properties ({@code mp.openapi.filter}).
 */
public class ApiDescription implements OASFilter {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        new CsvOpenApi().filterOpenAPI(openApi);
        Components components = openApi.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openApi.setComponents(components);
        }
        components.addSchema(PROBLEM, problemSchema());
        if (openApi.getPaths() == null || openApi.getPaths().getPathItems() == null) {
            return;
        }
        boolean securedByDefault = openApi.getSecurity() != null && !openApi.getSecurity().isEmpty();
        openApi.getPaths().getPathItems().values().forEach(item -> {
            if (item.getOperations() != null) {
                item.getOperations().values().forEach(operation -> describe(operation, securedByDefault));
            }
        });
    }

    private static void describe(Operation operation, boolean securedByDefault) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean secured = operation.getSecurity() == null ? securedByDefault : !operation.getSecurity().isEmpty();
        if (secured) {
            addIfMissing(responses, "401", "No valid access token: missing, expired, or issued for another audience");
            addIfMissing(responses, "403", "The token's roles or partner do not allow this");
        }
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (takesInput && !responses.hasAPIResponse("400") && !responses.hasAPIResponse("422")) {
            responses.addAPIResponse("400", response("A parameter or a field of the body is invalid; "
                    + "errors[] names each one"));
        }
        addIfMissing(responses, "500", "The service failed unexpectedly; the body names no cause, the change was not made");
        Map<String, APIResponse> all = responses.getAPIResponses();
        all.forEach((status, response) -> {
            if ((status.startsWith("4") || status.startsWith("5")) && noContent(response)) {
                response.setContent(problemContent());
            }
            if (status.equals("201") && (response.getHeaders() == null || !response.getHeaders().containsKey("Location"))) {
                response.addHeader("Location", OASFactory.createHeader()
                        .description("The address of what was created")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")
                                .maxLength(2048)));
            }
        });
    }

    private static void addIfMissing(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, response(description));
        }
    }

    private static APIResponse response(String description) {
        return OASFactory.createAPIResponse().description(description).content(problemContent());
    }

    private static boolean noContent(APIResponse response) {
        return response.getContent() == null || response.getContent().getMediaTypes() == null
                || response.getContent().getMediaTypes().isEmpty();
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    /** {@link Problem} as it is written: RFC 9457's members, and the field errors and broken rules this API adds. */
    static Schema problemSchema() {
        Schema text = string(Problem.MAX_TEXT);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem detail; type names the kind of problem (docs/api.md)")
                .required(List.of("type", "title", "status"))
                .addProperty("type", string(2048).format("uri"))
                .addProperty("title", string(Problem.MAX_TEXT))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .minimum(java.math.BigDecimal.valueOf(400)).maximum(java.math.BigDecimal.valueOf(599)))
                .addProperty("detail", text)
                .addProperty("instance", string(2048))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .maxItems(Problem.MAX_ITEMS)
                        .items(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                                .addProperty("field", string(Problem.MAX_TEXT))
                                .addProperty("message", string(Problem.MAX_TEXT))))
                .addProperty("rules", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .maxItems(Problem.MAX_ITEMS)
                        .items(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                                .addProperty("rule", string(Problem.MAX_TEXT))
                                .addProperty("detail", string(Problem.MAX_TEXT))));
    }

    private static Schema string(int maxLength) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(maxLength);
    }
}
