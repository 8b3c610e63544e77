package dev.trellis.console.rest;

import dev.trellis.console.api.ApiProblem;
import dev.trellis.console.service.FormErrors;
import dev.trellis.console.service.Forms;
import dev.trellis.console.service.PolicyViews;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A board's seat policy, the charter's rules: every rule in words for the team and staff, and for staff the form
 * that replaces the whole policy (PUT with the board's ETag as If-Match).
 */
@Path("/boards/{id}/policy")
@Produces(MediaType.TEXT_HTML)
public class PolicyPages {

    @CheckedTemplate(basePath = "boards")
    static class Templates {
        static native TemplateInstance policy(PolicyViews.PolicyPage page, String notice);

        static native TemplateInstance policyedit(PolicyViews.PolicyPage page, List<PolicyViews.Part> parts, String etag,
                FormErrors errors);
    }

    private final PolicyViews policies;

    PolicyPages(PolicyViews policies) {
        this.policies = policies;
    }

    @GET
    @RolesAllowed({Viewer.STAFF, Viewer.TEAM})
    public TemplateInstance policy(@PathParam("id") UUID id, @QueryParam("notice") String notice) {
        return Templates.policy(policies.page(id), "saved".equals(notice) ? "The seat policy is saved; held seats are checked against it." : null);
    }

    @GET
    @Path("edit")
    @RolesAllowed(Viewer.STAFF)
    public TemplateInstance edit(@PathParam("id") UUID id) {
        PolicyViews.PolicyPage page = policies.page(id);
        PolicyViews.PolicyForm form = PolicyViews.formOf(page.policy(), page.etag());
        return Templates.policyedit(page, PolicyViews.layout(form, FormErrors.NONE), form.etag(), FormErrors.NONE);
    }

    /**
     * The form's fields. A list's rows share one name per column, and every row has every column (selects and
     * text inputs always submit), so the n-th values are the n-th row; check boxes are only outside the lists.
     */
    public static class PolicyFields {
        @RestForm("tier.tier") List<String> tierTier;
        @RestForm("tier.perMember") List<String> tierPerMember;
        @RestForm("tier.membersPerSeat") List<String> tierMembersPerSeat;
        @RestForm("tier.rounding") List<String> tierRounding;
        @RestForm("tier.max") List<String> tierMax;
        @RestForm("seat.kind") List<String> seatKind;
        @RestForm("seat.count") List<String> seatCount;
        @RestForm("seat.ratioOfTier") List<String> seatRatioOfTier;
        @RestForm("seat.membersPerSeat") List<String> seatMembersPerSeat;
        @RestForm("seat.rounding") List<String> seatRounding;
        @RestForm("seat.min") List<String> seatMin;
        @RestForm("seat.max") List<String> seatMax;
        @RestForm String totalSeats;
        @RestForm("activation.kind") List<String> activationKind;
        @RestForm("activation.minFilled") List<String> activationMinFilled;
        @RestForm("activation.whenKind") List<String> activationWhenKind;
        @RestForm("activation.whenTier") List<String> activationWhenTier;
        @RestForm("cap.scope") List<String> capScope;
        @RestForm("cap.maxSeats") List<String> capMaxSeats;
        @RestForm("cap.maxShare") List<String> capMaxShare;
        @RestForm("cap.kinds") List<String> capKinds;
        @RestForm("terms.lengthMonths") String lengthMonths;
        @RestForm("terms.startsOn") String startsOn;
        @RestForm("terms.maxConsecutiveTerms") String maxConsecutiveTerms;
        @RestForm("terms.staggerCohorts") String staggerCohorts;
        @RestForm String holderMustWorkForPartner;
        @RestForm String seatEndsWhenHolderLeavesEmployer;
        @RestForm("attendance.suspendAfterMissed") String suspendAfterMissed;
        @RestForm("attendance.restoreAfterAttended") String restoreAfterAttended;
        @RestForm("attendance.minShare") String minShare;
        @RestForm("attendance.windowDays") String windowDays;
        @RestForm("attendance.alternateCounts") String alternateCounts;
        @RestForm String quorum;
        @RestForm("decision.basis") String decisionBasis;
        @RestForm("decision.fraction") String decisionFraction;
        @RestForm("decision.strict") String decisionStrict;
        @RestForm String etag;

        PolicyViews.PolicyForm form() {
            List<PolicyViews.TierRow> tiers = new ArrayList<>();
            for (int i = 0; i < size(tierTier); i++) {
                tiers.add(new PolicyViews.TierRow(at(tierTier, i), at(tierPerMember, i), at(tierMembersPerSeat, i), at(tierRounding, i),
                        at(tierMax, i)));
            }
            List<PolicyViews.SeatRow> seats = new ArrayList<>();
            for (int i = 0; i < size(seatKind); i++) {
                seats.add(new PolicyViews.SeatRow(at(seatKind, i), at(seatCount, i), at(seatRatioOfTier, i), at(seatMembersPerSeat, i),
                        at(seatRounding, i), at(seatMin, i), at(seatMax, i)));
            }
            List<PolicyViews.ActivationRow> activations = new ArrayList<>();
            for (int i = 0; i < size(activationKind); i++) {
                activations.add(new PolicyViews.ActivationRow(at(activationKind, i), at(activationWhenKind, i), at(activationWhenTier, i),
                        at(activationMinFilled, i)));
            }
            List<PolicyViews.CapRow> caps = new ArrayList<>();
            for (int i = 0; i < size(capScope); i++) {
                caps.add(new PolicyViews.CapRow(at(capScope, i), at(capMaxSeats, i), at(capMaxShare, i), at(capKinds, i)));
            }
            // the form's own empty last rows stay empty: only rows typed in come back as rows
            return new PolicyViews.PolicyForm(nonBlank(tiers), nonBlank(seats), totalSeats, nonBlank(activations), nonBlank(caps),
                    lengthMonths, startsOn, maxConsecutiveTerms, staggerCohorts, "true".equals(seatEndsWhenHolderLeavesEmployer),
                    "true".equals(holderMustWorkForPartner), suspendAfterMissed, restoreAfterAttended, minShare, windowDays,
                    "true".equals(alternateCounts), quorum, decisionBasis, decisionFraction, !"false".equals(decisionStrict),
                    Forms.blankToNull(etag));
        }

        private static int size(List<String> values) {
            return values == null ? 0 : values.size();
        }

        private static String at(List<String> values, int i) {
            return values == null || i >= values.size() ? "" : values.get(i);
        }

        private static <T extends Record> List<T> nonBlank(List<T> rows) {
            return rows.stream().filter(r -> !PolicyViews.blank(r)).toList();
        }
    }

    @POST
    @RolesAllowed(Viewer.STAFF)
    public Object save(@PathParam("id") UUID id, @BeanParam PolicyFields fields) {
        PolicyViews.PolicyForm form = fields.form();
        FormErrors errors;
        try {
            policies.replace(id, form);
            return Response.seeOther(URI.create("/boards/" + id + "/policy?notice=saved")).build();
        } catch (Forms.InvalidField invalid) {
            errors = invalid.errors();
        } catch (ApiProblem problem) {
            if (problem.status() != 400 && problem.status() != 409 && problem.status() != 412 && problem.status() != 422
                    && problem.status() != 428) {
                throw problem;
            }
            errors = PolicyViews.errors(problem, form);
        }
        // Shown again with the policy as it is now and its current version, and the form as typed.
        PolicyViews.PolicyPage page = policies.page(id);
        return Response.status(422).entity(Templates.policyedit(page, PolicyViews.layout(form, errors), page.etag(), errors)).build();
    }
}
