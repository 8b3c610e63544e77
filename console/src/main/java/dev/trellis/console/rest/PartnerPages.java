package dev.trellis.console.rest;

import dev.trellis.console.api.ApiProblem;
import dev.trellis.console.api.Page;
import dev.trellis.console.api.PartnersApi;
import dev.trellis.console.service.CsvViews;
import dev.trellis.console.service.FormErrors;
import dev.trellis.console.service.Forms;
import dev.trellis.console.service.PartnerViews;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/** Partner search, one partner's page and logging a touchpoint: the community team's daily work. */
@Path("/partners")
@Produces(MediaType.TEXT_HTML)
public class PartnerPages {

    static final List<String> TOUCHPOINT_TYPES = List.of("CALL", "MEETING", "BUSINESS_REVIEW", "CONFERENCE_CONVERSATION", "EMAIL");
    static final List<String> MEMBERSHIP_STATUSES = List.of("ACTIVE", "NEW", "CURRENT", "GRACE", "EXPIRED", "PENDING", "NONE");
    static final List<String> TIERS = List.of("PLATINUM", "GOLD", "SILVER", "END_USER", "ASSOCIATE");

    @CheckedTemplate(basePath = "partners")
    static class Templates {
        static native TemplateInstance search(PartnerViews.SearchFilter filter, Page<PartnersApi.Partner> results,
                List<String> tiers, List<String> membershipStatuses);

        static native TemplateInstance partner(PartnerViews.Overview view, boolean logged, List<String> kinds, String notice);

        static native TemplateInstance profile(PartnersApi.Partner partner, PartnerViews.PartnerForm form, FormErrors errors,
                List<PartnersApi.Partner> parents);

        static native TemplateInstance contact(PartnersApi.Partner partner, PartnerViews.Versioned<PartnersApi.Contact> contact,
                PartnerViews.RoleForm form, FormErrors errors, String notice, List<String> roles);

        static native TemplateInstance contactForm(PartnersApi.Partner partner, PartnersApi.Contact contact,
                PartnerViews.ContactForm form, FormErrors errors, List<String> roles);

        static native TemplateInstance move(PartnerViews.MoveContext context, PartnerViews.MoveForm form, FormErrors errors,
                List<String> roles);

        static native TemplateInstance touchpoint(PartnerViews.TouchpointContext context, PartnerViews.TouchpointForm form,
                FormErrors errors, List<String> types);
    }

    private final PartnerViews partners;
    private final Viewer viewer;
    private final CsvViews csv;

    PartnerPages(PartnerViews partners, Viewer viewer, CsvViews csv) {
        this.partners = partners;
        this.viewer = viewer;
        this.csv = csv;
    }

    @GET
    @RolesAllowed({Viewer.TEAM, Viewer.STAFF})
    public TemplateInstance search(@QueryParam("q") String q, @QueryParam("tier") String tier,
            @QueryParam("membershipStatus") String membershipStatus, @QueryParam("cursor") String cursor) {
        PartnerViews.SearchFilter filter = new PartnerViews.SearchFilter(q, null, tier, membershipStatus, cursor);
        return Templates.search(filter, partners.search(filter), TIERS, MEMBERSHIP_STATUSES);
    }

    /**
     * The search's partners as CSV, all of them (not one page): the API's own export through {@link CsvDownloads}, with
     * the caller's visibility and its neutralised formulas, under the API's file name.
     */
    @GET
    @Path("export.csv")
    @Produces("text/csv")
    @RolesAllowed({Viewer.TEAM, Viewer.STAFF})
    public Response export(@QueryParam("q") String q, @QueryParam("tier") String tier,
            @QueryParam("membershipStatus") String membershipStatus) {
        Map<String, List<String>> filters = new HashMap<>();
        filters.put("q", q == null ? List.of() : List.of(q));
        filters.put("tier", tier == null ? List.of() : List.of(tier));
        filters.put("membershipStatus", membershipStatus == null ? List.of() : List.of(membershipStatus));
        return CsvDownloads.download(csv, "partners", filters);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Viewer.TEAM, Viewer.STAFF})
    public TemplateInstance partner(@PathParam("id") UUID id, @QueryParam("logged") boolean logged,
            @QueryParam("kind") String kind, @QueryParam("notice") String notice) {
        return Templates.partner(partners.overview(id, kind), logged, PartnerViews.TIMELINE_KINDS, notice(notice));
    }

    @GET
    @Path("{id}/touchpoints/new")
    @RolesAllowed(Viewer.TEAM)
    public TemplateInstance newTouchpoint(@PathParam("id") UUID id) {
        PartnerViews.TouchpointForm blank = new PartnerViews.TouchpointForm(LocalDate.now().toString(), "CALL", "", "", List.of(),
                "", viewer.username(), LocalDate.now().plusDays(7).toString());
        return Templates.touchpoint(partners.touchpointContext(id), blank, FormErrors.NONE, TOUCHPOINT_TYPES);
    }

    /** The form's fields, named as the API names them so that its refusals land next to the right field. */
    public static class TouchpointFields {
        @RestForm String occurredOn;
        @RestForm String type;
        @RestForm String summary;
        @RestForm String notes;
        @RestForm List<String> attendeeContactIds;
        @RestForm("nextSteps[0].description") String stepDescription;
        @RestForm("nextSteps[0].owner") String stepOwner;
        @RestForm("nextSteps[0].dueOn") String stepDueOn;

        PartnerViews.TouchpointForm form() {
            return new PartnerViews.TouchpointForm(occurredOn, type, summary, notes, attendeeContactIds, stepDescription,
                    stepOwner, stepDueOn);
        }
    }

    @POST
    @Path("{id}/touchpoints")
    @RolesAllowed(Viewer.TEAM)
    public Object logTouchpoint(@PathParam("id") UUID id, @BeanParam TouchpointFields fields) {
        PartnerViews.TouchpointForm form = fields.form();
        FormErrors errors;
        try {
            partners.logTouchpoint(id, form, viewer.username());
            return Response.seeOther(URI.create("/partners/" + id + "?logged=true#touchpoints")).build();
        } catch (Forms.InvalidField invalid) {
            errors = invalid.errors();
        } catch (ApiProblem problem) {
            if (problem.status() != 400 && problem.status() != 409 && problem.status() != 422) {
                throw problem;
            }
            errors = FormErrors.of(problem, PartnerViews.TOUCHPOINT_FIELDS);
        }
        return Response.status(422).entity(Templates.touchpoint(partners.touchpointContext(id), form, errors, TOUCHPOINT_TYPES)).build();
    }

    // ---- a partner's profile, its contacts, and moving a contact to another employer (community team)

    private static String notice(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "created" -> "The partner is registered.";
            case "saved" -> "The profile is saved.";
            case "contact-created" -> "The contact is created, with their role here.";
            case "contact-saved" -> "The contact's details are saved.";
            case "moved" -> "The move is recorded: the roles at the former employer ended the day before, the new one is current.";
            case "role-added" -> "The role is added.";
            case "role-ended" -> "The role is ended; it stays in the history.";
            default -> null;
        };
    }

    @GET
    @Path("new")
    @RolesAllowed(Viewer.TEAM)
    public TemplateInstance newPartner() {
        return Templates.profile(null, PartnerViews.PartnerForm.blank(), FormErrors.NONE, partners.parentChoices(null));
    }

    /** The profile form's fields, named as the API names them. */
    public static class PartnerFields {
        @RestForm String name;
        @RestForm String legalName;
        @RestForm String website;
        @RestForm String emailDomains;
        @RestForm String description;
        @RestForm String country;
        @RestForm String parentPartnerId;
        @RestForm String etag;

        PartnerViews.PartnerForm form() {
            return new PartnerViews.PartnerForm(name, legalName, website, emailDomains, description, country, parentPartnerId,
                    Forms.blankToNull(etag));
        }
    }

    @POST
    @RolesAllowed(Viewer.TEAM)
    public Object createPartner(@BeanParam PartnerFields fields) {
        PartnerViews.PartnerForm form = fields.form();
        FormErrors errors;
        try {
            PartnersApi.Partner created = partners.createPartner(form);
            return Response.seeOther(URI.create("/partners/" + created.id() + "?notice=created")).build();
        } catch (Forms.InvalidField invalid) {
            errors = invalid.errors();
        } catch (ApiProblem problem) {
            errors = refused(problem, PartnerViews::partnerErrors);
        }
        return Response.status(422).entity(Templates.profile(null, form, errors, partners.parentChoices(null))).build();
    }

    @GET
    @Path("{id}/edit")
    @RolesAllowed(Viewer.TEAM)
    public TemplateInstance editPartner(@PathParam("id") UUID id) {
        PartnerViews.Versioned<PartnersApi.Partner> read = partners.partnerWithVersion(id);
        return Templates.profile(read.value(), PartnerViews.PartnerForm.of(read.value(), read.etag()), FormErrors.NONE,
                partners.parentChoices(id));
    }

    @POST
    @Path("{id}")
    @RolesAllowed(Viewer.TEAM)
    public Object savePartner(@PathParam("id") UUID id, @BeanParam PartnerFields fields) {
        PartnerViews.PartnerForm form = fields.form();
        FormErrors errors;
        try {
            partners.changePartner(id, form);
            return Response.seeOther(URI.create("/partners/" + id + "?notice=saved")).build();
        } catch (Forms.InvalidField invalid) {
            errors = invalid.errors();
        } catch (ApiProblem problem) {
            errors = problem.status() == 412 ? stale("partner's profile", "the partner page") : refused(problem, PartnerViews::partnerErrors);
        }
        // The form carries the version as it is now: saving again keeps what was typed.
        PartnerViews.Versioned<PartnersApi.Partner> now = partners.partnerWithVersion(id);
        PartnerViews.PartnerForm again = new PartnerViews.PartnerForm(form.name(), form.legalName(), form.website(),
                form.emailDomains(), form.description(), form.country(), form.parentPartnerId(), now.etag());
        return Response.status(422).entity(Templates.profile(now.value(), again, errors, partners.parentChoices(id))).build();
    }

    @GET
    @Path("{id}/contacts/new")
    @RolesAllowed(Viewer.TEAM)
    public TemplateInstance newContact(@PathParam("id") UUID id) {
        return Templates.contactForm(partners.partnerWithVersion(id).value(), null, PartnerViews.ContactForm.blank(), FormErrors.NONE,
                PartnerViews.ROLES);
    }

    /** The contact form's fields, named as the API names them. */
    public static class ContactFields {
        @RestForm String firstName;
        @RestForm String lastName;
        @RestForm String email;
        @RestForm String phone;
        @RestForm String jobTitle;
        @RestForm String role;
        @RestForm String startDate;
        @RestForm String etag;

        PartnerViews.ContactForm form() {
            return new PartnerViews.ContactForm(firstName, lastName, email, phone, jobTitle, role, startDate, Forms.blankToNull(etag));
        }
    }

    @POST
    @Path("{id}/contacts")
    @RolesAllowed(Viewer.TEAM)
    public Object createContact(@PathParam("id") UUID id, @BeanParam ContactFields fields) {
        PartnerViews.ContactForm form = fields.form();
        FormErrors errors;
        try {
            PartnersApi.Contact created = partners.createContact(id, form);
            return Response.seeOther(URI.create("/partners/" + id + "/contacts/" + created.id() + "?notice=contact-created")).build();
        } catch (PartnerViews.RoleNotAdded half) {
            // The person exists now; their role here was refused: say so on their page, next to the role form.
            PartnerViews.Versioned<PartnersApi.Contact> contact = partners.contact(half.contact().id());
            return Response.status(422).entity(Templates.contact(partners.partnerWithVersion(id).value(), contact,
                    new PartnerViews.RoleForm(form.role(), form.startDate(), null, LocalDate.now().toString()),
                    PartnerViews.roleErrors(half.problem(), "role"), "The contact is created, but their role here was not added.",
                    PartnerViews.ROLES)).build();
        } catch (Forms.InvalidField invalid) {
            errors = invalid.errors();
        } catch (ApiProblem problem) {
            errors = refused(problem, PartnerViews::contactErrors);
        }
        return Response.status(422).entity(Templates.contactForm(partners.partnerWithVersion(id).value(), null, form, errors,
                PartnerViews.ROLES)).build();
    }

    @GET
    @Path("{id}/contacts/{contactId}")
    @RolesAllowed({Viewer.TEAM, Viewer.STAFF})
    public TemplateInstance contact(@PathParam("id") UUID id, @PathParam("contactId") UUID contactId,
            @QueryParam("notice") String notice) {
        return Templates.contact(partners.partnerWithVersion(id).value(), partners.contact(contactId), PartnerViews.RoleForm.blank(),
                FormErrors.NONE, notice(notice), PartnerViews.ROLES);
    }

    @GET
    @Path("{id}/contacts/{contactId}/edit")
    @RolesAllowed(Viewer.TEAM)
    public TemplateInstance editContact(@PathParam("id") UUID id, @PathParam("contactId") UUID contactId) {
        PartnerViews.Versioned<PartnersApi.Contact> read = partners.contact(contactId);
        return Templates.contactForm(partners.partnerWithVersion(id).value(), read.value(),
                PartnerViews.ContactForm.of(read.value(), read.etag()), FormErrors.NONE, PartnerViews.ROLES);
    }

    @POST
    @Path("{id}/contacts/{contactId}")
    @RolesAllowed(Viewer.TEAM)
    public Object saveContact(@PathParam("id") UUID id, @PathParam("contactId") UUID contactId, @BeanParam ContactFields fields) {
        PartnerViews.ContactForm form = fields.form();
        FormErrors errors;
        try {
            partners.changeContact(contactId, form);
            return Response.seeOther(URI.create("/partners/" + id + "/contacts/" + contactId + "?notice=contact-saved")).build();
        } catch (ApiProblem problem) {
            errors = problem.status() == 412 ? stale("contact", "their page") : refused(problem, PartnerViews::contactErrors);
        }
        PartnerViews.Versioned<PartnersApi.Contact> now = partners.contact(contactId);
        PartnerViews.ContactForm again = new PartnerViews.ContactForm(form.firstName(), form.lastName(), form.email(), form.phone(),
                form.jobTitle(), null, null, now.etag());
        return Response.status(422).entity(Templates.contactForm(partners.partnerWithVersion(id).value(), now.value(), again, errors,
                PartnerViews.ROLES)).build();
    }

    /** Adds a role at this partner to the contact. */
    @POST
    @Path("{id}/contacts/{contactId}/affiliations")
    @RolesAllowed(Viewer.TEAM)
    public Object addRole(@PathParam("id") UUID id, @PathParam("contactId") UUID contactId, @RestForm String role,
            @RestForm String startDate) {
        PartnerViews.RoleForm form = new PartnerViews.RoleForm(role, startDate, null, LocalDate.now().toString());
        FormErrors errors;
        try {
            partners.addRole(contactId, id, form);
            return Response.seeOther(URI.create("/partners/" + id + "/contacts/" + contactId + "?notice=role-added")).build();
        } catch (Forms.InvalidField invalid) {
            errors = invalid.errors();
        } catch (ApiProblem problem) {
            errors = refused(problem, p -> PartnerViews.roleErrors(p, "role"));
        }
        return Response.status(422).entity(Templates.contact(partners.partnerWithVersion(id).value(), partners.contact(contactId), form,
                errors, null, PartnerViews.ROLES)).build();
    }

    /** Ends one of the contact's roles on a day (kept as history). */
    @POST
    @Path("{id}/contacts/{contactId}/affiliations/{affiliationId}/end")
    @RolesAllowed(Viewer.TEAM)
    public Object endRole(@PathParam("id") UUID id, @PathParam("contactId") UUID contactId,
            @PathParam("affiliationId") UUID affiliationId, @RestForm String endDate) {
        PartnerViews.RoleForm form = new PartnerViews.RoleForm("DEVELOPER", LocalDate.now().toString(), affiliationId.toString(), endDate);
        FormErrors errors;
        try {
            partners.endRole(contactId, affiliationId, form);
            return Response.seeOther(URI.create("/partners/" + id + "/contacts/" + contactId + "?notice=role-ended")).build();
        } catch (Forms.InvalidField invalid) {
            errors = invalid.errors();
        } catch (ApiProblem problem) {
            errors = refused(problem, p -> PartnerViews.roleErrors(p, "endDate"));
        }
        return Response.status(422).entity(Templates.contact(partners.partnerWithVersion(id).value(), partners.contact(contactId), form,
                errors, null, PartnerViews.ROLES)).build();
    }

    /** Step one of a move: search the new employer; the form shows the matches to pick from. */
    @GET
    @Path("{id}/contacts/{contactId}/move")
    @RolesAllowed(Viewer.TEAM)
    public TemplateInstance moveForm(@PathParam("id") UUID id, @PathParam("contactId") UUID contactId, @QueryParam("q") String q) {
        PartnerViews.MoveForm form = new PartnerViews.MoveForm(q, null, null, LocalDate.now().toString());
        return Templates.move(partners.moveContext(id, contactId, q), form, FormErrors.NONE, PartnerViews.ROLES);
    }

    @POST
    @Path("{id}/contacts/{contactId}/moves")
    @RolesAllowed(Viewer.TEAM)
    public Object move(@PathParam("id") UUID id, @PathParam("contactId") UUID contactId, @RestForm String q,
            @RestForm String partnerId, @RestForm String role, @RestForm String date) {
        PartnerViews.MoveForm form = new PartnerViews.MoveForm(q, partnerId, role, date);
        FormErrors errors;
        try {
            PartnersApi.Move move = partners.move(contactId, form);
            return Response.seeOther(URI.create("/partners/" + move.started().partnerId() + "/contacts/" + contactId + "?notice=moved"))
                    .build();
        } catch (Forms.InvalidField invalid) {
            errors = invalid.errors();
        } catch (ApiProblem problem) {
            errors = refused(problem, p -> p.errors().isEmpty() && p.status() == 409 ? FormErrors.field("date", p.detail())
                    : FormErrors.of(p, PartnerViews.MOVE_FIELDS));
        }
        return Response.status(422).entity(Templates.move(partners.moveContext(id, contactId, q), form, errors, PartnerViews.ROLES))
                .build();
    }

    /** A refusal a form can show (400, 409, 422); anything else is the error page's. */
    private static FormErrors refused(ApiProblem problem, java.util.function.Function<ApiProblem, FormErrors> layout) {
        if (problem.status() != 400 && problem.status() != 409 && problem.status() != 422) {
            throw problem;
        }
        return layout.apply(problem);
    }

    private static FormErrors stale(String what, String where) {
        return new FormErrors(java.util.Map.of(), List.of("Someone changed the " + what + " while you were editing it. The form "
                + "shows what you typed; what is saved is on " + where + ". Save again to keep yours."), List.of(), 412);
    }
}
