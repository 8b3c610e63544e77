package dev.trellis.console.rest;

import dev.trellis.console.api.ApiProblem;
import dev.trellis.console.service.FormErrors;
import dev.trellis.console.service.Forms;
import dev.trellis.console.service.KeyContactViews;
import dev.trellis.console.service.MembershipViews;
import dev.trellis.console.service.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Memberships, foundation staff's work: the renewals due, one partner's membership with its history, and
 * the four changes (start, renew, change tier, end), each a form of its own. The community team may look.
 */
@Path("/memberships")
@Produces(MediaType.TEXT_HTML)
public class MembershipPages {

    static final List<Integer> WINDOWS = List.of(30, 60, 90, 180, 365);

    @CheckedTemplate(basePath = "memberships")
    static class Templates {
        static native TemplateInstance list(MembershipViews.Renewals renewals, List<Integer> windows);

        static native TemplateInstance membership(MembershipViews.Overview view, String notice, KeyContactViews.KeyContacts keyContacts);

        static native TemplateInstance action(MembershipViews.Overview view, MembershipViews.Action action,
                MembershipViews.ActionForm form, FormErrors errors, List<String> tiers);
    }

    private final MembershipViews memberships;
    private final KeyContactViews keyContacts;
    private final Viewer viewer;

    MembershipPages(MembershipViews memberships, KeyContactViews keyContacts, Viewer viewer) {
        this.memberships = memberships;
        this.keyContacts = keyContacts;
        this.viewer = viewer;
    }

    @GET
    @RolesAllowed({Viewer.STAFF, Viewer.TEAM})
    public TemplateInstance list(@QueryParam("within") String within, @QueryParam("autoRenew") boolean autoRenew) {
        int days = 90;
        try {
            days = within == null || within.isBlank() ? 90 : Math.max(0, Math.min(3650, Integer.parseInt(within.strip())));
        } catch (NumberFormatException ignored) {
            // an address typed by hand: the default window
        }
        return Templates.list(memberships.renewals(days, autoRenew), WINDOWS);
    }

    @GET
    @Path("{partnerId}")
    @RolesAllowed({Viewer.STAFF, Viewer.TEAM})
    public TemplateInstance membership(@PathParam("partnerId") UUID partnerId, @QueryParam("notice") String notice) {
        return Templates.membership(memberships.overview(partnerId, true), notice(notice),
                keyContacts.of(partnerId, viewer.staff(), KeyContactViews.Form.BLANK, FormErrors.NONE));
    }

    @GET
    @Path("{partnerId}/{action}")
    @RolesAllowed(Viewer.STAFF)
    public TemplateInstance actionForm(@PathParam("partnerId") UUID partnerId, @PathParam("action") String path) {
        MembershipViews.Action action = action(path);
        MembershipViews.Overview view = memberships.overview(partnerId, false);
        return Templates.action(view, action, memberships.blank(action, view), FormErrors.NONE, PartnerPages.TIERS);
    }

    /** The four forms' fields, named as the API names them. */
    public static class ActionFields {
        @RestForm String tier;
        @RestForm String termStart;
        @RestForm String termEnd;
        @RestForm String autoRenew;
        @RestForm String graceDays;
        @RestForm String months;
        @RestForm String effectiveDate;
        @RestForm String endDate;
        @RestForm String etag;

        MembershipViews.ActionForm form() {
            return new MembershipViews.ActionForm(tier, termStart, termEnd, "true".equals(autoRenew), graceDays, months,
                    effectiveDate, endDate, Forms.blankToNull(etag));
        }
    }

    @POST
    @Path("{partnerId}/{action}")
    @RolesAllowed(Viewer.STAFF)
    public Object act(@PathParam("partnerId") UUID partnerId, @PathParam("action") String path, @BeanParam ActionFields fields) {
        MembershipViews.Action action = action(path);
        MembershipViews.ActionForm form = fields.form();
        FormErrors errors;
        try {
            memberships.act(partnerId, action, form);
            return Response.seeOther(URI.create("/memberships/" + partnerId + "?notice=" + action.path())).build();
        } catch (Forms.InvalidField invalid) {
            errors = invalid.errors();
        } catch (ApiProblem problem) {
            if (problem.status() != 400 && problem.status() != 409 && problem.status() != 412 && problem.status() != 422
                    && problem.status() != 428) {
                throw problem;
            }
            errors = MembershipViews.errors(action, problem);
        }
        // Shown again with the membership as it is now, and its current version: submitting again keeps what was typed.
        MembershipViews.Overview view = memberships.overview(partnerId, false);
        return Response.status(422).entity(Templates.action(view, action, form.withEtag(view.etag()), errors, PartnerPages.TIERS))
                .build();
    }

    private static MembershipViews.Action action(String path) {
        MembershipViews.Action action = MembershipViews.Action.of(path);
        if (action == null) {
            throw new NotFoundException();
        }
        return action;
    }

    private static String notice(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "start" -> "The membership is started.";
            case "renew" -> "The membership is renewed.";
            case "tier-change" -> "The tier change is recorded.";
            case "end" -> "The membership's last day is set.";
            case "key-contact-assigned" -> "The key contact is named.";
            case "key-contact-removed" -> "The key-contact role is cleared.";
            default -> null;
        };
    }
}
