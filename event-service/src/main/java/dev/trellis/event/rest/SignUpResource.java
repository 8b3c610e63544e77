package dev.trellis.event.rest;

import dev.trellis.event.domain.Event;
import dev.trellis.event.rest.dto.ConfirmationRequest;
import dev.trellis.event.rest.dto.ConfirmationResponse;
import dev.trellis.event.rest.dto.SignUpAccepted;
import dev.trellis.event.rest.dto.SignUpRequest;
import dev.trellis.event.service.EventService;
import dev.trellis.event.service.SignUpLimited;
import dev.trellis.event.service.SignUpService;
import dev.trellis.platform.domain.DomainException;
import dev.trellis.platform.http.Problem;
import dev.trellis.platform.http.ProblemException;
import dev.trellis.platform.http.ProblemMappers;
import dev.trellis.platform.security.Callers;
import io.quarkus.qute.Engine;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Public sign-up with double opt-in, open to anyone for an event whose staff allowed it. The link in the mail opens
 * a page with a button (GET shows, only POST confirms): mail scanners that fetch every link in a mail must not
 * confirm on the reader's behalf. The page is plain HTML with no script, so it works in any browser.
 */
@Path("/api/events/{eventId}/sign-ups")
@Tag(name = "Public sign-up")
public class SignUpResource {
    /** The pages carry the link's secret in their address: no referrer, no caching, nothing but the form. */
    private static final Map<String, String> PAGE_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            "Referrer-Policy", "no-referrer",
            "Cache-Control", "no-store",
            "X-Content-Type-Options", "nosniff");
    private static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");

    private final SignUpService signUps;
    private final EventService events;
    private final Callers callers;
    private final Engine engine;

    public SignUpResource(SignUpService signUps, EventService events, Callers callers, Engine engine) {
        this.signUps = signUps;
        this.events = events;
        this.callers = callers;
        this.engine = engine;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign up for an event, without an account",
            description = "For an event with publicSignUp. Records the sign-up and sends a mail to the address: a link "
                    + "to confirm it, or, for an address registered for the event already, a notice saying so. The "
                    + "answer is the same 202 in both cases, so it tells nobody whether an address is registered. An "
                    + "unconfirmed sign-up takes no seat and lapses (24 h by default). Limited per address and per "
                    + "client address (429 with Retry-After).")
    @APIResponse(responseCode = "202", description = "Check your mail")
    @APIResponse(responseCode = "400", description = "A field is invalid")
    @APIResponse(responseCode = "404", description = "No such event (or a draft)")
    @APIResponse(responseCode = "422", description = "The event takes no public sign-ups, or no registrations now")
    @APIResponse(responseCode = "429", description = "Too many sign-ups of this address or from this client; see Retry-After",
            headers = @Header(name = "Retry-After", description = "Seconds until a sign-up is accepted again",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", maximum = "86400")))
    public Response signUp(@PathParam("eventId") UUID eventId, @Valid @NotNull SignUpRequest request,
            @Context HttpServerRequest http, @Context UriInfo uri) {
        // Behind the gateway this is the client's address (X-Forwarded-For from the trusted gateway, platform config).
        String client = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        try {
            signUps.signUp(eventId, request.name(), request.email(), client, callers.current());
        } catch (SignUpLimited e) {
            long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
            Problem problem = new ProblemException(429, "too-many-sign-ups", "Too many sign-ups",
                    "Too many sign-ups of this address or from this network; try again in " + seconds + " seconds")
                    .toProblem(uri.getRequestUri().getRawPath());
            return Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", seconds).entity(problem).build();
        }
        return Response.accepted(SignUpAccepted.CHECK_YOUR_MAIL).build();
    }

    @GET
    @Path("/confirmation")
    @PermitAll
    @Produces("text/html")
    @Operation(summary = "The page the confirmation link opens",
            description = "A form with one button that POSTs the token to this address. Opening it confirms nothing.")
    @APIResponse(responseCode = "200", description = "The page")
    @APIResponse(responseCode = "400", description = "No token in the link")
    @APIResponse(responseCode = "404", description = "No such event (or a draft)")
    public Response confirmationPage(@PathParam("eventId") UUID eventId, @QueryParam("token") String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw ProblemException.badRequest("token", "the link's token is missing or too long");
        }
        Event event = events.get(eventId, callers.current());
        String page = engine.getTemplate("sign-up/confirm.html").data("title", event.title)
                .data("action", "/api/events/" + eventId + "/sign-ups/confirmation").data("token", token).render();
        return page(200, page);
    }

    @POST
    @Path("/confirmation")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces("text/html")
    @Operation(summary = "Confirm a sign-up from the page's button", description = "Answers with a page.")
    @APIResponse(responseCode = "200", description = "Registered, waitlisted, or registered already")
    @APIResponse(responseCode = "404", description = "The link is unknown or expired")
    @APIResponse(responseCode = "422", description = "The event takes no registrations any more")
    public Response confirmFromPage(@PathParam("eventId") UUID eventId,
            @Schema(maxLength = 100) @FormParam("token") String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return page(400, answer(null, "This link is incomplete", "Please open the link from the mail again."));
        }
        try {
            SignUpService.Confirmation c = signUps.confirm(eventId, token);
            String text = switch (c.outcome()) {
                case REGISTERED -> "You are registered. A mail with the details and a calendar entry is on its way.";
                case WAITLISTED -> "The event is full, so you are on its waitlist. A mail with the details is on its way.";
                case ALREADY_REGISTERED -> "This address is registered for the event already; nothing has changed.";
            };
            return page(200, answer(c.event().title, "Thank you", text));
        } catch (DomainException e) {
            Problem problem = ProblemMappers.problemOf(e, null);
            return page(problem.status(), answer(null, problem.title(), problem.detail()));
        }
    }

    @POST
    @Path("/confirmation")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Confirm a sign-up with the token from its link",
            description = "Makes the registration: a seat while there is one, else the waitlist, with the usual mail "
                    + "(and its cancel token). Confirming again answers the same and registers nobody twice.")
    @APIResponse(responseCode = "200", description = "REGISTERED, WAITLISTED or ALREADY_REGISTERED")
    @APIResponse(responseCode = "404", description = "The token is unknown, of another event, or expired")
    @APIResponse(responseCode = "422", description = "The event takes no registrations any more")
    public ConfirmationResponse confirm(@PathParam("eventId") UUID eventId, @Valid @NotNull ConfirmationRequest request) {
        return ConfirmationResponse.of(signUps.confirm(eventId, request.token()));
    }

    private String answer(String title, String heading, String text) {
        return engine.getTemplate("sign-up/answer.html").data("title", title).data("heading", heading)
                .data("text", text).render();
    }

    private static Response page(int status, String html) {
        Response.ResponseBuilder response = Response.status(status).type(HTML).entity(html);
        PAGE_HEADERS.forEach(response::header);
        return response.build();
    }
}
