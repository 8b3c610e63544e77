package dev.trellis.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.junit.jupiter.api.Test;

class ApiDescriptionTest {

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref("#/components/schemas/" + name);
    }

    private static PathItem get(Schema body) {
        return OASFactory.createPathItem().GET(OASFactory.createOperation().operationId("read")
                .addParameter(OASFactory.createParameter().name("service").in(Parameter.In.PATH)
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)))
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse()
                        .description("ok").content(OASFactory.createContent().addMediaType("application/json",
                                OASFactory.createMediaType().schema(body))))));
    }

    /** A page of entries, used only by the audit path; Actor, used by the audit entries and by the partner path. */
    private static OpenAPI document() {
        return OASFactory.createOpenAPI()
                .paths(OASFactory.createPaths()
                        .addPathItem("/api/audit/{service}", get(ref("AuditEntryPage")))
                        .addPathItem("/api/partners", get(ref("Partner"))))
                .components(OASFactory.createComponents()
                        .addSchema("AuditEntryPage", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                                .addProperty("items", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                                        .items(ref("AuditEntry"))))
                        .addSchema("AuditEntry", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                                .addProperty("actor", ref("Actor")))
                        .addSchema("Partner", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                                .addProperty("createdBy", OASFactory.createSchema().addAllOf(ref("Actor"))))
                        .addSchema("Actor", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                        .addSchema("Unused", OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
    }

    @Test
    void aServiceWithoutANameDropsThePlatformPathsAndTheSchemasOnlyTheyUsed() {
        OpenAPI openApi = document();
        ApiDescription.nameTheService(openApi, path -> Optional.empty());
        assertEquals(Set.of("/api/partners"), openApi.getPaths().getPathItems().keySet());
        // Actor stays because Partner uses it; Unused was never the platform paths' to drop
        assertEquals(Set.of("Partner", "Actor", "Unused"), openApi.getComponents().getSchemas().keySet());
    }

    @Test
    void aNamedServiceKeepsThePathUnderItsNameAndEverySchema() {
        OpenAPI openApi = document();
        ApiDescription.nameTheService(openApi, path -> Optional.of("partner"));
        assertEquals(Set.of("/api/audit/partner", "/api/partners"), openApi.getPaths().getPathItems().keySet());
        PathItem audit = openApi.getPaths().getPathItem("/api/audit/partner");
        assertEquals("read_partner", audit.getGET().getOperationId());
        assertEquals(0, audit.getGET().getParameters().size());
        assertEquals(Set.of("AuditEntryPage", "AuditEntry", "Partner", "Actor", "Unused"),
                openApi.getComponents().getSchemas().keySet());
    }

    @Test
    void eachPlatformPathTakesTheNameItsOwnSettingGives() {
        OpenAPI openApi = document();
        openApi.getPaths().addPathItem("/api/privacy/{service}/retention-runs", get(ref("Actor")));
        // insights-service: a retention log, no audit trail
        ApiDescription.nameTheService(openApi,
                path -> path.startsWith(ApiDescription.PRIVACY_PREFIX) ? Optional.of("insights") : Optional.empty());
        assertEquals(Set.of("/api/privacy/insights/retention-runs", "/api/partners"),
                openApi.getPaths().getPathItems().keySet());
        assertEquals("read_insights",
                openApi.getPaths().getPathItem("/api/privacy/insights/retention-runs").getGET().getOperationId());
    }
}
