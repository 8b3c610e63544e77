package dev.trellis.event.rest;

import dev.trellis.platform.http.ApiDescription;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * The platform's description ({@link ApiDescription}), and the one credential only event-service takes: a
 * registration's cancel token ({@value RegistrationResource#CANCEL_TOKEN}), which lets a guest cancel it without
 * signing in. The cancellation is described as taking either the signed-in caller's token or that one. Done here
 * rather than with annotations: an annotated security scheme would become the one Quarkus names in every role
 * requirement it adds. Registered in application.properties ({@code mp.openapi.filter}).
 */
public class EventApiDescription extends ApiDescription {

    static final String CANCEL_TOKEN_SCHEME = "CancelToken";
    private static final String SIGNED_IN_SCHEME = "SecurityScheme";

    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(OASFactory.createComponents());
        }
        openApi.getComponents().addSecurityScheme(CANCEL_TOKEN_SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name(RegistrationResource.CANCEL_TOKEN)
                .description("A registration's own cancel token, from the answer that created it: lets a guest cancel it"));
        PathItem registration = openApi.getPaths() == null ? null
                : openApi.getPaths().getPathItem("/api/events/{eventId}/registrations/{id}");
        Operation cancel = registration == null ? null : registration.getDELETE();
        if (cancel != null) {
            cancel.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SIGNED_IN_SCHEME))
                    .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(CANCEL_TOKEN_SCHEME));
        }
        super.filterOpenAPI(openApi);
    }
}
