package dev.trellis.partner.rest;

import dev.trellis.partner.rest.dto.UnsubscribeResponse;
import dev.trellis.partner.service.Unsubscribes;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * One-click unsubscribe (RFC 8058) from the mails sent for a consent purpose (renewal reminders): their
 * {@code List-Unsubscribe} header names this address with the mail's token, and {@code List-Unsubscribe-Post} makes
 * the mail client POST {@code List-Unsubscribe=One-Click} to it. No login: the token is the credential (random, stored
 * only as its hash, bound to one contact and one purpose). A GET, from a reader who opens the link, shows a page whose
 * button POSTs; opening it withdraws nothing, because mail scanners fetch every link in a mail.
 */
@Path("/api/contacts/unsubscribe")
@Tag(name = "Unsubscribe", description = "One-click unsubscribe from the mails that need a consent")
public class UnsubscribeResource {
    static final String TOKEN = "[A-Za-z0-9_-]{43}";
    private static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");

    private final Unsubscribes unsubscribes;

    public UnsubscribeResource(Unsubscribes unsubscribes) {
        this.unsubscribes = unsubscribes;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Unsubscribe with the token from a mail (one click, RFC 8058)",
            description = "Records the withdrawal of the consent the token stands for (a consent decision granted = "
                    + "false, source EMAIL), unless it is withdrawn already. No login: the token from the mail's "
                    + "List-Unsubscribe address is the credential. The body is what RFC 8058 has mail clients send.")
    @APIResponse(responseCode = "200", description = "Unsubscribed (now, or already)")
    @APIResponse(responseCode = "400", description = "No token, or not one this service issues")
    @APIResponse(responseCode = "404", description = "The token is unknown")
    public UnsubscribeResponse unsubscribe(
            @QueryParam("token") @NotNull @Pattern(regexp = TOKEN) String token,
            @FormParam("List-Unsubscribe") @Size(max = 20) @Schema(example = "One-Click", maxLength = 20)
            String oneClick) {
        return UnsubscribeResponse.of(unsubscribes.unsubscribe(token));
    }

    @GET
    @PermitAll
    @Produces("text/html")
    @Operation(summary = "The page the unsubscribe link opens",
            description = "A form with one button that POSTs to this address. Opening it withdraws nothing.")
    @APIResponse(responseCode = "200", description = "The page")
    @APIResponse(responseCode = "400", description = "No token, or not one this service issues")
    public Response page(@QueryParam("token") @NotNull @Pattern(regexp = TOKEN) String token) {
        // The token matches TOKEN (letters, digits, - and _): nothing in it needs escaping.
        String page = """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="UTF-8"><title>Unsubscribe</title></head>
                <body>
                <h1>Unsubscribe</h1>
                <p>Stop these mails (the membership renewal reminders) to your address?</p>
                <form method="post" action="/api/contacts/unsubscribe?token=%s">
                <input type="hidden" name="List-Unsubscribe" value="One-Click">
                <button type="submit">Unsubscribe</button>
                </form>
                </body>
                </html>
                """.formatted(token);
        return Response.ok(page, HTML).header("Referrer-Policy", "no-referrer").header("Cache-Control", "no-store")
                .header("Content-Security-Policy",
                        "default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
                .header("X-Content-Type-Options", "nosniff").build();
    }
}
