package dev.trellis.webhook.rest;

import dev.trellis.platform.http.EntityTags;
import dev.trellis.platform.http.PageResponses;
import dev.trellis.platform.paging.PageRequest;
import dev.trellis.platform.security.Callers;
import dev.trellis.webhook.domain.Delivery;
import dev.trellis.webhook.domain.Subscription;
import dev.trellis.webhook.rest.dto.DeliveryResponse;
import dev.trellis.webhook.rest.dto.SecretResponse;
import dev.trellis.webhook.rest.dto.SubscriptionRequest;
import dev.trellis.webhook.rest.dto.SubscriptionResponse;
import dev.trellis.webhook.service.CreatedSubscription;
import dev.trellis.webhook.service.SubscriptionService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Webhook subscriptions (docs/webhooks.md): staff manage any, partner users their own partner's; a subscription of
 * another partner, or a staff one, is not found for a partner user.
 */
@Path("/api/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"community-team", "foundation-staff", "partner"})
public class WebhookResource {
    private final SubscriptionService subscriptions;
    private final Callers callers;

    public WebhookResource(SubscriptionService subscriptions, Callers callers) {
        this.subscriptions = subscriptions;
        this.callers = callers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe an endpoint; the answer shows the signing secret, this once")
    @APIResponse(responseCode = "201", description = "The subscription, with its secret", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionResponse.class)))
    public Response create(@Valid @NotNull SubscriptionRequest request, @Context UriInfo uri) {
        CreatedSubscription created = subscriptions.create(callers.current(), request.toCommand());
        Subscription s = created.subscription();
        return Response.created(uri.getAbsolutePathBuilder().path(s.id.toString()).build())
                .entity(SubscriptionResponse.of(s, created.secret())).tag(EntityTags.of(s.version)).build();
    }

    @GET
    @Operation(summary = "The subscriptions the caller may see, oldest first, cursor-paged")
    public Response list(@QueryParam("limit") @Min(1) @Max(PageRequest.MAX_LIMIT) Integer limit,
            @QueryParam("cursor") @Size(max = 500) String cursor, @Context UriInfo uri) {
        return PageResponses.of(subscriptions.list(callers.current(), PageRequest.of(limit, cursor)).map(SubscriptionResponse::of),
                uri);
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "The subscription", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionResponse.class)))
    public Response get(@PathParam("id") UUID id) {
        Subscription s = subscriptions.get(callers.current(), id);
        return Response.ok(SubscriptionResponse.of(s)).tag(EntityTags.of(s.version)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the URL, event types, filter; enable (the failure streak starts again) or disable")
    @APIResponse(responseCode = "200", description = "The subscription as it is now, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionResponse.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull SubscriptionRequest request) {
        Subscription s = subscriptions.update(callers.current(), id, ifMatch, request.toCommand());
        return Response.ok(SubscriptionResponse.of(s)).tag(EntityTags.of(s.version)).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove the subscription, its secrets and its delivery log")
    public Response delete(@PathParam("id") UUID id) {
        subscriptions.delete(callers.current(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/secret/rotation")
    @Operation(summary = "A new signing secret, shown once; the previous one signs beside it for 24 hours")
    public SecretResponse rotate(@PathParam("id") UUID id) {
        return SecretResponse.of(subscriptions.rotateSecret(callers.current(), id));
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "The delivery log, newest first, cursor-paged")
    public Response deliveries(@PathParam("id") UUID id, @QueryParam("limit") @Min(1) @Max(PageRequest.MAX_LIMIT) Integer limit,
            @QueryParam("cursor") @Size(max = 500) String cursor, @Context UriInfo uri) {
        return PageResponses.of(subscriptions.deliveries(callers.current(), id, PageRequest.of(limit, cursor))
                .map(DeliveryResponse::of), uri);
    }

    @GET
    @Path("/{id}/deliveries/{deliveryId}")
    public DeliveryResponse delivery(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return DeliveryResponse.of(subscriptions.delivery(callers.current(), id, deliveryId));
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redelivery")
    @Operation(summary = "Send the event again (same webhook-id), after what its partner's lane holds already")
    @APIResponse(responseCode = "409", description = "The delivery is still pending")
    @APIResponse(responseCode = "201", description = "The new delivery", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryResponse.class)))
    public Response redeliver(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId, @Context UriInfo uri) {
        Delivery copy = subscriptions.redeliver(callers.current(), id, deliveryId);
        return Response.created(uri.getBaseUriBuilder().path("api/webhooks").path(id.toString()).path("deliveries")
                .path(copy.id.toString()).build()).entity(DeliveryResponse.of(copy)).build();
    }
}
