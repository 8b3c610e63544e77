package dev.trellis.console.service;

import dev.trellis.console.api.AdvisoryApi;
import dev.trellis.console.api.PartnersApi;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * A partner user's own organisation: only the {@code /me} routes, so nothing of another partner can
 * ever be asked for, and nothing internal (notes, scores) is in what they answer.
 */
@ApplicationScoped
public class OrganisationViews {

    private final PartnersApi partners;
    private final AdvisoryApi advisory;

    OrganisationViews(@RestClient PartnersApi partners, @RestClient AdvisoryApi advisory) {
        this.partners = partners;
        this.advisory = advisory;
    }

    /** The organisation, its version (for If-Match), its people and the boards it holds seats on. */
    public record Own(PartnersApi.OwnOrganisation organisation, String etag, List<PartnersApi.OwnContact> contacts,
            List<AdvisoryApi.Composition> boards) {
    }

    public Own own(boolean withContactsAndBoards) {
        RestResponse<PartnersApi.OwnOrganisation> me = partners.ownOrganisation();
        PartnersApi.OwnOrganisation organisation = me.getEntity();
        String etag = me.getHeaderString("ETag");
        if (!withContactsAndBoards) {
            return new Own(organisation, etag, List.of(), List.of());
        }
        List<PartnersApi.OwnContact> contacts = partners.ownContacts(100).items();
        // Every board's public composition, kept to the boards on which this organisation holds a seat.
        List<AdvisoryApi.Composition> boards = advisory.compositions(50).items().stream()
                .filter(b -> b.companies().stream().anyMatch(c -> organisation.profile().id().equals(c.partnerId())))
                .toList();
        return new Own(organisation, etag, contacts, boards);
    }

    public static final Set<String> PROFILE_FIELDS = Set.of("description", "website", "logoUrl");

    /** The self-service fields: an emptied field is cleared (null in the merge patch). */
    public record ProfileForm(String description, String website, String logoUrl, String etag) {
    }

    public PartnersApi.Partner changeProfile(ProfileForm form) {
        Map<String, Object> patch = new HashMap<>();
        patch.put("description", Forms.blankToNull(form.description()));
        patch.put("website", Forms.blankToNull(form.website()));
        patch.put("logoUrl", Forms.blankToNull(form.logoUrl()));
        return partners.changeOwnOrganisation(form.etag(), patch);
    }
}
