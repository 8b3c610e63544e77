package dev.trellis.partner.rest.dto;

import dev.trellis.partner.domain.KeyContactRole;
import dev.trellis.partner.domain.Touchpoint;
import dev.trellis.partner.domain.TouchpointType;
import dev.trellis.partner.service.SubjectAccessService;
import dev.trellis.platform.audit.AuditEntry;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * partner-service's part of a subject-access export: everything it holds about one person. Other attendees of
 * a touchpoint are left out (they are other people's data); a touchpoint's notes only when they are disclosable.
 */
@Schema(name = "PartnerSubject")
public record PartnerSubjectResponse(
        @Schema(description = "partner-service", maxLength = 40) String service,
        @Schema(description = "Whether partner-service holds a contact for the person") boolean found,
        @Schema(description = "The contact: profile, affiliations, current consents and the whole consent history "
                + "with who made each decision; null when not found", nullable = true) ContactResponse contact,
        @Schema(description = "Key-contact roles on partners' memberships, at most " + SubjectAccessService.MAX_RECORDS,
                maxItems = SubjectAccessService.MAX_RECORDS) List<Role> keyContactRoles,
        @Schema(description = "Touchpoints the person attended, newest first, at most " + SubjectAccessService.MAX_RECORDS,
                maxItems = SubjectAccessService.MAX_RECORDS) List<AttendedTouchpoint> touchpoints,
        @Schema(description = "Audit entries about the person's contact, affiliations, consents, key-contact roles and "
                + "touchpoint attendance, newest first, at most " + SubjectAccessService.MAX_AUDIT_ENTRIES,
                maxItems = SubjectAccessService.MAX_AUDIT_ENTRIES) List<AuditEntry> auditEntries) {

    public static final String SERVICE = "partner-service";

    /** A key-contact role. */
    @Schema(name = "PartnerSubjectRole")
    public record Role(UUID membershipId, UUID partnerId, @Schema(maxLength = 200) String partnerName,
            KeyContactRole role, Instant assignedAt) {
    }

    /** A touchpoint the person attended, as the foundation logged it. */
    @Schema(name = "PartnerSubjectTouchpoint")
    public record AttendedTouchpoint(UUID id, UUID partnerId, @Schema(maxLength = 200) String partnerName,
            LocalDate occurredOn, TouchpointType type, @Schema(maxLength = 2000) String summary,
            @Schema(description = "The notes; null when there are none or they are not disclosable", maxLength = 10000,
                    nullable = true) String notes,
            @Schema(description = "The touchpoint has notes that are marked not disclosable") boolean notesWithheld,
            @Schema(description = "Foundation staff who attended", maxItems = 50) List<@Size(max = 100) String> attendeeStaff,
            @Schema(maxLength = 100) String loggedBy) {

        static AttendedTouchpoint of(Touchpoint t, Map<UUID, String> partnerNames) {
            boolean withheld = t.notes != null && !t.notesDisclosable;
            return new AttendedTouchpoint(t.id, t.partnerId, Names.of(partnerNames, t.partnerId), t.occurredOn, t.type,
                    t.summary, withheld ? null : t.notes, withheld, t.staffUsernames(), t.loggedBy);
        }
    }

    public static PartnerSubjectResponse of(SubjectAccessService.SubjectRecords records, LocalDate today) {
        Map<UUID, String> names = records.partnerNames();
        return new PartnerSubjectResponse(SERVICE, records.details() != null,
                records.details() == null ? null : ContactResponse.of(records.details(), today, names),
                records.roles().stream().map(r -> new Role(r.membershipId(), r.partnerId(),
                        r.partnerId() == null ? null : Names.of(names, r.partnerId()), r.keyContact().key.role,
                        r.keyContact().assignedAt)).toList(),
                records.touchpoints().stream().map(t -> AttendedTouchpoint.of(t, names)).toList(),
                records.auditEntries());
    }
}
