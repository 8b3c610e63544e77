package dev.trellis.console.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * After signing out (of the console and of Keycloak: quarkus.oidc.logout ends the session at the
 * identity provider too), the one page that needs no session. Signing in is any other page: OIDC sends
 * whoever has no session to Keycloak's login page.
 */
@Path("/signed-out")
@Produces(MediaType.TEXT_HTML)
public class SessionPages {

    @CheckedTemplate(basePath = "session")
    static class Templates {
        static native TemplateInstance signedOut();
    }

    @GET
    @PermitAll
    public TemplateInstance signedOut() {
        return Templates.signedOut();
    }
}
