package dev.trellis.console.rest;

import dev.trellis.console.api.ApiProblem;
import dev.trellis.console.service.FormErrors;
import dev.trellis.console.service.Forms;
import dev.trellis.console.service.UserGroupViews;
import dev.trellis.console.service.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/**
 * One user group's page: its organisers by name and its meetups; the community team adds and removes organisers. At
 * {@code …/organisers} so that it stays apart from {@link EventPages}' {@code /events/user-groups/{id}} routes (Quarkus
 * REST routes a request to the resource class with the longest matching path only).
 */
@Path("/events/user-groups/{groupId}/organisers")
@Produces(MediaType.TEXT_HTML)
public class UserGroupPages {

    private static final Map<String, String> NOTICES = Map.of("organiser-added", "The organiser is added.",
            "organiser-removed", "The organiser is removed.");

    @CheckedTemplate(basePath = "events")
    static class Templates {
        static native TemplateInstance groupPage(UserGroupViews.GroupPage page, FormErrors errors, String notice);
    }

    private final UserGroupViews groups;

    UserGroupPages(UserGroupViews groups) {
        this.groups = groups;
    }

    @GET
    @RolesAllowed({Viewer.TEAM, Viewer.STAFF})
    public TemplateInstance group(@PathParam("groupId") UUID groupId, @QueryParam("q") String q,
            @QueryParam("notice") String notice) {
        return Templates.groupPage(groups.page(groupId, q), FormErrors.NONE, notice == null ? null : NOTICES.get(notice));
    }

    @POST
    @RolesAllowed(Viewer.TEAM)
    public Object add(@PathParam("groupId") UUID groupId, @RestForm String contactId, @RestForm String etag,
            @RestForm String q) {
        FormErrors errors;
        try {
            groups.addOrganiser(groupId, etag, contactId);
            return Response.seeOther(URI.create("/events/user-groups/" + groupId + "/organisers?notice=organiser-added#organisers")).build();
        } catch (Forms.InvalidField invalid) {
            errors = invalid.errors();
        } catch (ApiProblem problem) {
            errors = refusal(problem);
        }
        return Response.status(errors.status() == 412 ? 412 : 422).entity(Templates.groupPage(groups.page(groupId, q), errors, null))
                .build();
    }

    @POST
    @Path("{contactId}/remove")
    @RolesAllowed(Viewer.TEAM)
    public Object remove(@PathParam("groupId") UUID groupId, @PathParam("contactId") UUID contactId, @RestForm String etag) {
        try {
            groups.removeOrganiser(groupId, etag, contactId);
            return Response.seeOther(URI.create("/events/user-groups/" + groupId + "/organisers?notice=organiser-removed#organisers")).build();
        } catch (ApiProblem problem) {
            FormErrors errors = refusal(problem);
            return Response.status(errors.status() == 412 ? 412 : 422).entity(Templates.groupPage(groups.page(groupId, null), errors, null))
                    .build();
        }
    }

    private static FormErrors refusal(ApiProblem problem) {
        if (problem.status() == 412) {
            return new FormErrors(Map.of(UserGroupViews.FIELD, java.util.List.of("Someone changed the group since you opened "
                    + "this page; it now shows the group as it is. Try again.")), java.util.List.of(), java.util.List.of(), 412);
        }
        if (problem.status() >= 500 || problem.status() == 401 || problem.status() == 404 || problem.status() == 429) {
            throw problem;
        }
        return UserGroupViews.refusal(problem);
    }
}
