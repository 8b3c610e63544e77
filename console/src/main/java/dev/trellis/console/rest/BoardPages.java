package dev.trellis.console.rest;

import dev.trellis.console.api.AdvisoryApi;
import dev.trellis.console.api.ApiProblem;
import dev.trellis.console.service.BoardViews;
import dev.trellis.console.service.FormErrors;
import dev.trellis.console.service.Forms;
import dev.trellis.console.service.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Boards: seats with their flags and reasons; appointing a holder, where every rule the appointment would
 * break is shown before staff confirm it, and may be overridden with a reason that the audit keeps.
 */
@Path("/boards")
@Produces(MediaType.TEXT_HTML)
public class BoardPages {

    static final List<String> SEAT_KINDS = List.of("TIER_APPOINTED", "ELECTED", "EX_OFFICIO", "COMMUNITY");

    @CheckedTemplate(basePath = "boards")
    static class Templates {
        static native TemplateInstance list(List<AdvisoryApi.Board> boards);

        static native TemplateInstance board(BoardViews.BoardPage page, String notice, AdvisoryApi.CalendarFeed feed);

        static native TemplateInstance compliance(BoardViews.CompliancePage page, String on, FormErrors errors);

        static native TemplateInstance succession(BoardViews.SuccessionPage page, FormErrors errors, List<String> windows);

        static native TemplateInstance whatif(BoardViews.WhatIfPage page, FormErrors errors);

        static native TemplateInstance appoint(BoardViews.AppointContext context, BoardViews.AppointForm form, FormErrors errors,
                List<String> kinds, List<String> tiers);
    }

    private final BoardViews boards;
    private final Viewer viewer;

    BoardPages(BoardViews boards, Viewer viewer) {
        this.boards = boards;
        this.viewer = viewer;
    }

    @GET
    @RolesAllowed({Viewer.TEAM, Viewer.STAFF})
    public TemplateInstance list() {
        return Templates.list(boards.boards());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Viewer.TEAM, Viewer.STAFF})
    public TemplateInstance board(@PathParam("id") UUID id, @QueryParam("notice") String notice) {
        return Templates.board(boards.board(id, true), notice(notice), null);
    }

    private static String notice(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "appointed" -> "The seat is appointed.";
            case "overridden" -> "The seat is appointed. The overridden rules and your reason are in the override audit below.";
            case "vacated" -> "The seat is vacated.";
            default -> null;
        };
    }

    @GET
    @Path("{id}/appoint")
    @RolesAllowed(Viewer.STAFF)
    public Object appointForm(@PathParam("id") UUID id, @QueryParam("partnerId") String partnerId) {
        BoardViews.AppointForm form = new BoardViews.AppointForm(partnerId, null, "TIER_APPOINTED", "", LocalDate.now().toString(),
                "", List.of(), "");
        try {
            return Templates.appoint(boards.appointContext(id, partnerId), form, FormErrors.NONE, SEAT_KINDS, PartnerPages.TIERS);
        } catch (Forms.InvalidField invalid) {
            return Response.status(400).entity(Templates.appoint(boards.appointContext(id, null), form, invalid.errors(), SEAT_KINDS,
                    PartnerPages.TIERS)).build();
        }
    }

    public static class AppointFields {
        @RestForm String partnerId;
        @RestForm String holderContactId;
        @RestForm String kind;
        @RestForm String tierBasis;
        @RestForm String termStart;
        @RestForm String termEnd;
        @RestForm("override.rules") List<String> overrideRules;
        @RestForm("override.reason") String overrideReason;
    }

    @POST
    @Path("{id}/seats")
    @RolesAllowed(Viewer.STAFF)
    public Object appoint(@PathParam("id") UUID id, @BeanParam AppointFields f) {
        BoardViews.AppointForm form = new BoardViews.AppointForm(f.partnerId, f.holderContactId, f.kind, f.tierBasis, f.termStart,
                f.termEnd, f.overrideRules, f.overrideReason);
        FormErrors errors;
        try {
            boards.appoint(id, form);
            boolean overridden = form.overrideRules() != null && !form.overrideRules().isEmpty();
            return Response.seeOther(URI.create("/boards/" + id + "?notice=" + (overridden ? "overridden" : "appointed"))).build();
        } catch (Forms.InvalidField invalid) {
            errors = invalid.errors();
        } catch (ApiProblem problem) {
            if (problem.status() != 400 && problem.status() != 409 && problem.status() != 422) {
                throw problem;
            }
            errors = FormErrors.of(problem, BoardViews.APPOINT_FIELDS);
        }
        String partner = Forms.blankToNull(form.partnerId());
        BoardViews.AppointContext context;
        try {
            context = boards.appointContext(id, partner);
        } catch (Forms.InvalidField invalid) {
            context = boards.appointContext(id, null);
        }
        return Response.status(422).entity(Templates.appoint(context, form, errors, SEAT_KINDS, PartnerPages.TIERS)).build();
    }

    @POST
    @Path("{id}/seats/{seatId}/vacate")
    @RolesAllowed(Viewer.STAFF)
    public Response vacate(@PathParam("id") UUID id, @PathParam("seatId") UUID seatId, @RestForm String reason) {
        boards.vacate(id, seatId, reason);
        return Response.seeOther(URI.create("/boards/" + id + "?notice=vacated")).build();
    }

    /** A private calendar feed of the board's meetings, for whoever asks; its address is shown this once. */
    @POST
    @Path("{id}/calendar-feeds")
    @RolesAllowed({Viewer.TEAM, Viewer.STAFF})
    public TemplateInstance subscribe(@PathParam("id") UUID id) {
        AdvisoryApi.CalendarFeed feed = boards.subscribe(id);
        return Templates.board(boards.board(id, true), null, feed);
    }

    /** The board against its policy on a day: entitlements, caps, ending terms, seats that need a look. */
    @GET
    @Path("{id}/compliance")
    @RolesAllowed({Viewer.TEAM, Viewer.STAFF})
    public Object compliance(@PathParam("id") UUID id, @QueryParam("on") String on) {
        try {
            return Templates.compliance(boards.compliance(id, on), on, FormErrors.NONE);
        } catch (Forms.InvalidField invalid) {
            return Response.status(400).entity(Templates.compliance(boards.compliance(id, null), on, invalid.errors())).build();
        } catch (ApiProblem problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            return Response.status(400).entity(Templates.compliance(boards.compliance(id, null), on,
                    FormErrors.of(problem, java.util.Set.of("on")))).build();
        }
    }

    /** For each seat that opens within the window, who could take it, and the rules that exclude the others. */
    @GET
    @Path("{id}/succession")
    @RolesAllowed({Viewer.TEAM, Viewer.STAFF})
    public Object succession(@PathParam("id") UUID id, @QueryParam("within") String within) {
        try {
            return Templates.succession(boards.succession(id, within), FormErrors.NONE, BoardViews.WITHIN);
        } catch (ApiProblem problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            return Response.status(400).entity(Templates.succession(boards.noSuccession(id, within),
                    FormErrors.of(problem, java.util.Set.of("within")), BoardViews.WITHIN)).build();
        }
    }

    /** Governance foresight: what an acquisition would break on every board. A GET form: it changes nothing. */
    @GET
    @Path("what-if")
    @RolesAllowed({Viewer.TEAM, Viewer.STAFF})
    public Object whatIf(@QueryParam("acquirerPartnerId") String acquirer, @QueryParam("acquiredPartnerId") String acquired,
            @QueryParam("on") String on) {
        BoardViews.WhatIfForm form = new BoardViews.WhatIfForm(acquirer, acquired, on);
        FormErrors errors;
        try {
            return Templates.whatif(boards.whatIf(form), FormErrors.NONE);
        } catch (Forms.InvalidField invalid) {
            errors = invalid.errors();
        } catch (ApiProblem problem) {
            if (problem.status() != 400 && problem.status() != 422) {
                throw problem;
            }
            errors = BoardViews.whatIfErrors(problem);
        }
        return Response.status(400).entity(Templates.whatif(boards.whatIf(new BoardViews.WhatIfForm(null, null, null))
                .withForm(form), errors)).build();
    }
}
