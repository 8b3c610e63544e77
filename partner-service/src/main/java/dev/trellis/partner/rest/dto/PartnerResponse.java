package dev.trellis.partner.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.trellis.partner.domain.LifecycleStatus;
import dev.trellis.partner.domain.Partner;
import dev.trellis.partner.service.PartnerService;
import dev.trellis.platform.csv.CsvTable;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A partner's profile, as staff and the partner itself see it (it holds nothing internal). A single
 * partner's view (read, create, change, {@code /me}) also lists its related-company group; list items
 * leave {@code companyGroup} out.
 */
public record PartnerResponse(UUID id,
        @Schema(description = "The partner's id in the system it was imported from (CiviCRM's Contact ID, a "
                + "spreadsheet's ID column), the key a later import matches it by; absent for a partner entered here "
                + "and never imported (docs/import.md)", maxLength = 100)
        @JsonInclude(JsonInclude.Include.NON_NULL) String externalId,
        @Schema(maxLength = 200) String name, @Schema(maxLength = 300) String legalName,
        @Schema(maxLength = 500) String website,
        @Schema(maxItems = 20) List<@Size(max = 253) String> emailDomains,
        @Schema(maxLength = 4000) String description, @Schema(maxLength = 2000) String logoUrl,
        @Schema(maxLength = 2) String country, UUID parentPartnerId, LifecycleStatus lifecycleStatus,
        @Schema(description = "Every partner of its related-company group (the top of the parent chain and all "
                + "below it), itself included, by name, at most " + PartnerResponse.MAX_GROUP + "; empty when it has neither a parent "
                + "nor subsidiaries. Left out of list items.", maxItems = PartnerResponse.MAX_GROUP)
        @JsonInclude(JsonInclude.Include.NON_NULL) List<GroupMember> companyGroup,
        Instant createdAt, Instant updatedAt) {

    /** The most members of a related-company group a partner's view lists. */
    static final int MAX_GROUP = 1000;

    /**
     * The partners list as CSV: the list item's fields, email domains joined by {@code ;}. Its externalId, name,
     * legalName, website, country and emailDomains columns are the partner import's, so an export edited in a
     * spreadsheet imports back (docs/import.md).
     */
    public static final CsvTable<PartnerResponse> CSV = CsvTable.<PartnerResponse>named("partners")
            .column("id", PartnerResponse::id).column("externalId", PartnerResponse::externalId)
            .column("name", PartnerResponse::name)
            .column("legalName", PartnerResponse::legalName).column("website", PartnerResponse::website)
            .column("emailDomains", PartnerResponse::emailDomains).column("description", PartnerResponse::description)
            .column("logoUrl", PartnerResponse::logoUrl).column("country", PartnerResponse::country)
            .column("parentPartnerId", PartnerResponse::parentPartnerId)
            .column("lifecycleStatus", PartnerResponse::lifecycleStatus)
            .column("createdAt", PartnerResponse::createdAt).column("updatedAt", PartnerResponse::updatedAt);

    /** A member of the related-company group. */
    public record GroupMember(UUID id, @Schema(maxLength = 200) String name) {
        static GroupMember of(PartnerService.GroupMember member) {
            return new GroupMember(member.id(), member.name());
        }
    }

    /** A list item: without the group. */
    public static PartnerResponse of(Partner p) {
        return of(p, null);
    }

    public static PartnerResponse of(Partner p, List<PartnerService.GroupMember> group) {
        return new PartnerResponse(p.id, p.externalId, p.name, p.legalName, p.website, List.copyOf(p.emailDomains), p.description,
                p.logoUrl, p.country, p.parentPartnerId, p.lifecycleStatus,
                group == null ? null : group.stream().limit(MAX_GROUP).map(GroupMember::of).toList(), p.createdAt, p.updatedAt);
    }
}
