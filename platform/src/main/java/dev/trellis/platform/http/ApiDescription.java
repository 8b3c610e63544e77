package dev.trellis.platform.http;

import dev.trellis.platform.paging.PageRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * What every service's OpenAPI document says the same way, because the platform does it the same way for all
 * of them: every 4xx and 5xx answer is a {@link Problem} ({@code application/problem+json}, one component
 * {@value #PROBLEM}); an operation that needs a token may answer 401 and 403; one that takes parameters or a
 * body may answer 400 (the platform's validation and parameter checks); any may answer 500 (the mappers' last
 * resort, which names no cause); a 201 names what it created in {@code Location}. The CSV variant of list
 * routes is described by {@link CsvOpenApi}.
 *
 * <p>It also states the bounds the platform enforces for everyone, so that no string or list of the
 * document is unbounded where a bound exists: {@code limit} is 1..{@value PageRequest#MAX_LIMIT} and a page
 * holds at most that many items; a query or path parameter fits in the request line
 * ({@value #MAX_REQUEST_LINE} characters, Quarkus' limit, and the gateway's) and a header in the header
 * section ({@value #MAX_HEADERS}); a cursor is a query parameter, so it fits too; a UUID, a date and a
 * date-time are as long as their formats allow. Registered for every service in the platform's
 * microprofile-config.properties ({@code mp.openapi.filter}).
 */
public class ApiDescription implements OASFilter {

    static final String PROBLEM = "Problem";
    /** The extension naming the realm roles an operation admits. */
    static final String ROLES = "x-trellis-roles";
    static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
    /** The path segment of the platform's routes that every service serves under its own name
     *  ({@code /api/audit/{service}}, {@code /api/privacy/{service}/retention-runs}): the service's document names
     *  the one it answers. */
    static final String SERVICE_SEGMENT = "/{service}";
    /** Where the platform's retention log lives ({@code /api/privacy/{service}/retention-runs}). */
    static final String PRIVACY_PREFIX = "/api/privacy/";
    /** Quarkus' quarkus.http.limits.max-initial-line-length (default, not changed by the services). */
    static final int MAX_REQUEST_LINE = 4096;
    /** Quarkus' quarkus.http.limits.max-header-size (default, not changed by the services). */
    static final int MAX_HEADERS = 20480;
    /** The longest text of each string format the services write and accept: 36 for a UUID, 10 for a date,
     *  35 for a date-time with nanoseconds and an offset (2026-12-02T14:05:33.123456789+01:00). */
    private static final Map<String, Integer> FORMAT_LENGTHS = Map.of("uuid", 36, "date", 10, "date-time", 35);

    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        new CsvOpenApi().filterOpenAPI(openApi);
        // The document is read where it is served, the service's own port, which is internal: callers go through
        // the gateway, whose merged document names itself as the public server.
        openApi.setServers(List.of(OASFactory.createServer().url("/").addExtension("x-internal", true)
                .description("This service on its own port, inside the deployment (local, staging or production alike); callers "
                        + "use the gateway (/api/openapi there)")));
        Components components = openApi.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openApi.setComponents(components);
        }
        components.addSchema(PROBLEM, problemSchema());
        if (components.getSchemas() != null) {
            components.getSchemas().forEach((name, schema) -> {
                bound(schema);
                if (name.startsWith("Page") && schema.getProperties() != null) {
                    Schema items = schema.getProperties().get("items");
                    if (items != null && items.getMaxItems() == null) {
                        items.setMaxItems(PageRequest.MAX_LIMIT);
                    }
                    Schema next = schema.getProperties().get("next");
                    if (next != null && next.getMaxLength() == null) {
                        next.setMaxLength(MAX_REQUEST_LINE);
                    }
                }
            });
        }
        if (openApi.getPaths() == null || openApi.getPaths().getPathItems() == null) {
            return;
        }
        nameTheService(openApi, ApiDescription::serviceName);
        boolean securedByDefault = openApi.getSecurity() != null && !openApi.getSecurity().isEmpty();
        Set<String> tokenSchemes = tokenSchemes(components);
        Set<String> tags = new TreeSet<>();
        openApi.getPaths().getPathItems().values().forEach(item -> {
            if (item.getParameters() != null) {
                item.getParameters().forEach(ApiDescription::bound);
            }
            if (item.getOperations() != null) {
                item.getOperations().values().forEach(operation -> {
                    describeRoles(operation, tokenSchemes);
                    describe(operation, securedByDefault);
                    if (operation.getTags() != null) {
                        tags.addAll(operation.getTags());
                    }
                });
            }
        });
        Set<String> declared = new TreeSet<>();
        if (openApi.getTags() != null) {
            openApi.getTags().forEach(t -> declared.add(t.getName()));
        }
        tags.stream().filter(t -> !declared.contains(t)).forEach(t -> openApi.addTag(OASFactory.createTag().name(t)));
    }

    /**
     * A platform route such as {@code /api/audit/{service}} answers only the service's own name (any other is
     * 404), so the document names that one path ({@code /api/audit/partner}), without the parameter, and its
     * operation ids end in the name: the gateway's merged document then holds one path and operation per
     * service, each routed to its owner. A service without a name drops those paths (they only answer 404), and
     * the component schemas that only they used.
     */
    static void nameTheService(OpenAPI openApi, Function<String, Optional<String>> serviceOf) {
        Map<String, PathItem> items = new LinkedHashMap<>(openApi.getPaths().getPathItems());
        List<PathItem> dropped = new ArrayList<>();
        items.forEach((path, item) -> {
            if (!path.contains(SERVICE_SEGMENT)) {
                return;
            }
            openApi.getPaths().removePathItem(path);
            Optional<String> service = serviceOf.apply(path);
            if (service.isEmpty()) {
                dropped.add(item);
                return;
            }
            String name = service.get();
            if (item.getParameters() != null) {
                item.setParameters(withoutServiceParameter(item.getParameters()));
            }
            if (item.getOperations() != null) {
                item.getOperations().values().forEach(operation -> {
                    if (operation.getParameters() != null) {
                        operation.setParameters(withoutServiceParameter(operation.getParameters()));
                    }
                    if (operation.getOperationId() != null) {
                        operation.setOperationId(operation.getOperationId() + "_" + name);
                    }
                });
            }
            openApi.getPaths().addPathItem(path.replace(SERVICE_SEGMENT, "/" + name), item);
        });
        Components components = openApi.getComponents();
        if (dropped.isEmpty() || components == null || components.getSchemas() == null) {
            return;
        }
        Set<String> unused = new TreeSet<>(SchemaRefs.usedBy(dropped, components));
        unused.removeAll(SchemaRefs.usedBy(openApi.getPaths().getPathItems().values(), components));
        unused.forEach(components::removeSchema);
    }

    /**
     * The name a platform route answers in this service: the retention log's ({@code /api/privacy/{service}/…})
     * is {@code trellis.retention.service}, the audit trail's {@code trellis.audit.service}; a service may keep
     * one and not the other (insights keeps no audit trail).
     */
    static Optional<String> serviceName(String path) {
        String key = path.startsWith(PRIVACY_PREFIX) ? "trellis.retention.service" : "trellis.audit.service";
        return ConfigProvider.getConfig().getOptionalValue(key, String.class);
    }

    private static List<Parameter> withoutServiceParameter(List<Parameter> parameters) {
        return parameters.stream()
                .filter(p -> !("service".equals(p.getName()) && p.getIn() == Parameter.In.PATH))
                .toList();
    }

    /** The schemes whose requirements list OAuth scopes: OpenID Connect and OAuth 2 (OpenAPI 3.1, 4.8.30). */
    private static Set<String> tokenSchemes(Components components) {
        Set<String> names = new TreeSet<>();
        if (components.getSecuritySchemes() != null) {
            components.getSecuritySchemes().forEach((name, scheme) -> {
                if (scheme.getType() == SecurityScheme.Type.OPENIDCONNECT || scheme.getType() == SecurityScheme.Type.OAUTH2) {
                    names.add(name);
                }
            });
        }
        return names;
    }

    /**
     * Quarkus lists an operation's {@code @RolesAllowed} as the scopes of its security requirement, but for an OpenID
     * Connect scheme those are OAuth scopes, which the realm's roles are not (a client asks for no scope to get them).
     * The requirement is left without scopes, and the roles are stated where a reader and a tool find them: in
     * {@value #ROLES} and in the operation's description.
     */
    private static void describeRoles(Operation operation, Set<String> tokenSchemes) {
        if (operation.getSecurity() == null) {
            return;
        }
        Set<String> roles = new TreeSet<>();
        for (SecurityRequirement requirement : operation.getSecurity()) {
            if (requirement.getSchemes() == null) {
                continue;
            }
            for (String scheme : List.copyOf(requirement.getSchemes().keySet())) {
                List<String> scopes = requirement.getScheme(scheme);
                if (tokenSchemes.contains(scheme) && scopes != null && !scopes.isEmpty()) {
                    roles.addAll(scopes);
                    requirement.addScheme(scheme, List.of());
                }
            }
        }
        if (roles.isEmpty()) {
            return;
        }
        operation.addExtension(ROLES, List.copyOf(roles));
        String who = "Roles: " + String.join(", ", roles) + " (realm roles in the token's realm_access.roles).";
        String description = operation.getDescription();
        operation.setDescription(description == null || description.isBlank() ? who : description + "\n\n" + who);
    }

    /** A string of a known format gets that format's length; its properties and items likewise. */
    private static void bound(Schema schema) {
        if (schema == null || schema.getRef() != null) {
            return;
        }
        Integer length = schema.getFormat() == null ? null : FORMAT_LENGTHS.get(schema.getFormat());
        if (length != null && schema.getMaxLength() == null && schema.getEnumeration() == null) {
            schema.setMaxLength(length);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(ApiDescription::bound);
        }
        bound(schema.getItems());
    }

    private static void bound(Parameter parameter) {
        Schema schema = parameter.getSchema();
        if (schema == null || schema.getRef() != null || parameter.getIn() == null) {
            return;
        }
        boolean header = parameter.getIn() == Parameter.In.HEADER || parameter.getIn() == Parameter.In.COOKIE;
        if ("limit".equals(parameter.getName()) && parameter.getIn() == Parameter.In.QUERY
                && isType(schema, Schema.SchemaType.INTEGER)) {
            if (schema.getMinimum() == null) {
                schema.setMinimum(java.math.BigDecimal.ONE);
            }
            if (schema.getMaximum() == null) {
                schema.setMaximum(java.math.BigDecimal.valueOf(PageRequest.MAX_LIMIT));
            }
        }
        int room = header ? MAX_HEADERS : MAX_REQUEST_LINE;
        if (isType(schema, Schema.SchemaType.ARRAY)) {
            // a repeated parameter: each value takes at least "&" + its name + "=" of the request line
            if (schema.getMaxItems() == null) {
                schema.setMaxItems(room / (parameter.getName().length() + 2));
            }
            schema = schema.getItems();
            if (schema == null || schema.getRef() != null) {
                return;
            }
        }
        if (isType(schema, Schema.SchemaType.STRING) && schema.getMaxLength() == null && schema.getEnumeration() == null) {
            Integer length = schema.getFormat() == null ? null : FORMAT_LENGTHS.get(schema.getFormat());
            schema.setMaxLength(length != null ? length : room);
        }
    }

    private static boolean isType(Schema schema, Schema.SchemaType type) {
        return schema.getType() != null && schema.getType().contains(type);
    }

    private static void describe(Operation operation, boolean securedByDefault) {
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(ApiDescription::bound);
        }
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean secured = operation.getSecurity() == null ? securedByDefault : !operation.getSecurity().isEmpty();
        if (secured) {
            addIfMissing(responses, "401", "No valid access token: missing, expired, or issued for another audience");
            addIfMissing(responses, "403", "The token's roles or partner do not allow this");
            if (operation.getDescription() == null || operation.getDescription().isBlank()) {
                operation.setDescription("Needs a valid access token; no particular role.");
            }
        } else {
            addIfMissing(responses, "401", "A token was sent and is not valid (this route needs none; one that is sent is "
                    + "checked)");
            if (operation.getDescription() == null || operation.getDescription().isBlank()) {
                operation.setDescription("Public: no token needed.");
            }
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
