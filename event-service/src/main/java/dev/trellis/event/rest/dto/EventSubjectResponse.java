package dev.trellis.event.rest.dto;

import dev.trellis.event.domain.Event;
import dev.trellis.event.domain.SentMail;
import dev.trellis.event.domain.SignUp;
import dev.trellis.event.domain.SignUpStatus;
import dev.trellis.event.service.SubjectAccessService;
import dev.trellis.platform.audit.AuditEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * event-service's part of a subject-access export: registrations with check-ins, pending sign-ups, mails sent and
 * the audit entries about the registrations. Mails without their bodies; no cancel token, ever.
 */
@Schema(name = "EventSubject")
public record EventSubjectResponse(
        @Schema(description = "event-service", maxLength = 40) String service,
        @Schema(description = "Whether event-service holds anything about the person") boolean found,
        @Schema(description = "Registrations by contact id or by address (guests too), oldest first; checkedInAt is "
                + "the check-in; at most " + SubjectAccessService.MAX_RECORDS, maxItems = SubjectAccessService.MAX_RECORDS)
        List<SubjectRegistration> registrations,
        @Schema(description = "Public sign-ups by the address, confirmed or not", maxItems = SubjectAccessService.MAX_RECORDS)
        List<SubjectSignUp> signUps,
        @Schema(description = "Mails to the person (mail_outbox): recipient, template, subject, status, when sent",
                maxItems = SubjectAccessService.MAX_RECORDS)
        List<SubjectMail> mails,
        @Schema(description = "Audit entries about the registrations, newest first, at most "
                + SubjectAccessService.MAX_AUDIT_ENTRIES, maxItems = SubjectAccessService.MAX_AUDIT_ENTRIES)
        List<AuditEntry> auditEntries) {

    public static final String SERVICE = "event-service";

    /** A registration and the event it is for. */
    @Schema(name = "EventSubjectRegistration")
    public record SubjectRegistration(@Schema(maxLength = 200) String eventTitle, Instant eventStartsAt,
            RegistrationResponse registration) {
    }

    /** A sign-up, without its secret or the client address' history. */
    @Schema(name = "EventSubjectSignUp")
    public record SubjectSignUp(UUID id, UUID eventId, @Schema(maxLength = 200) String eventTitle,
            @Schema(maxLength = 200) String name, @Schema(maxLength = 254) String email, SignUpStatus status,
            Instant createdAt, Instant confirmedAt, UUID registrationId) {
    }

    /** A mail: recipient, template (kind), subject, delivery status and time. */
    @Schema(name = "EventSubjectMail")
    public record SubjectMail(UUID id, @Schema(description = "The template", maxLength = 60) String template,
            UUID registrationId, @Schema(maxLength = 254) String recipient, @Schema(maxLength = 500) String subject,
            @Schema(enumeration = {"PENDING", "SENT", "FAILED"}) String status, Instant sentAt, Instant createdAt) {
        static SubjectMail of(SentMail m) {
            return new SubjectMail(m.id(), m.kind(), m.registrationId(), m.recipient(), m.subject(), m.status(),
                    m.sentAt(), m.createdAt());
        }
    }

    public static EventSubjectResponse of(SubjectAccessService.SubjectRecords records) {
        Map<UUID, Event> events = records.events();
        return new EventSubjectResponse(SERVICE, !records.registrations().isEmpty() || !records.signUps().isEmpty()
                || !records.mails().isEmpty(),
                records.registrations().stream().map(r -> {
                    Event e = events.get(r.eventId);
                    return new SubjectRegistration(e == null ? null : e.title, e == null ? null : e.startsAt,
                            RegistrationResponse.of(r));
                }).toList(),
                records.signUps().stream().map(s -> signUp(s, events.get(s.eventId))).toList(),
                records.mails().stream().map(SubjectMail::of).toList(),
                records.auditEntries());
    }

    private static SubjectSignUp signUp(SignUp s, Event e) {
        return new SubjectSignUp(s.id, s.eventId, e == null ? null : e.title, s.name, s.email, s.status, s.createdAt,
                s.confirmedAt, s.registrationId);
    }
}
