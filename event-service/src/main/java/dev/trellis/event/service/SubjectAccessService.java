package dev.trellis.event.service;

import dev.trellis.event.domain.Event;
import dev.trellis.event.domain.Registration;
import dev.trellis.event.domain.SentMail;
import dev.trellis.event.domain.SignUp;
import dev.trellis.event.persistence.SubjectQueries;
import dev.trellis.platform.audit.AuditEntries;
import dev.trellis.platform.audit.AuditEntry;
import dev.trellis.platform.domain.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What event-service holds about one person, for a subject-access export: registrations (by contact id or by
 * address, so a guest's too) with their check-ins, pending sign-ups, the mails sent to them and the audit
 * entries about their registrations. Read over REST by the console, never put on Kafka.
 */
@ApplicationScoped
public class SubjectAccessService {
    /** Audit entries in one answer at most; the newest are kept. */
    public static final int MAX_AUDIT_ENTRIES = 2000;
    /** At most this many registrations, sign-ups and mails (each) in one export. */
    public static final int MAX_RECORDS = 10_000;

    private final SubjectQueries queries;
    private final AuditEntries audit;

    public SubjectAccessService(SubjectQueries queries, AuditEntries audit) {
        this.queries = queries;
        this.audit = audit;
    }

    /**
     * @param registrations oldest first
     * @param events        the events of the registrations and sign-ups, by id
     */
    public record SubjectRecords(List<Registration> registrations, List<SignUp> signUps,
            List<SentMail> mails, Map<UUID, Event> events, List<AuditEntry> auditEntries) {
    }

    @Transactional
    public SubjectRecords find(UUID contactId, String email) {
        String address = email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
        if (contactId == null && address == null) {
            throw InvalidInput.field("contactId", "give contactId or email");
        }
        Set<Registration> found = new LinkedHashSet<>();
        if (contactId != null) {
            found.addAll(Registration.<Registration>find("contactId", contactId).range(0, MAX_RECORDS - 1).list());
        }
        if (address != null) {
            found.addAll(Registration.<Registration>find("lower(email) = ?1", address).range(0, MAX_RECORDS - 1).list());
        }
        List<Registration> registrations = found.stream()
                .sorted(Comparator.comparing((Registration r) -> r.createdAt).thenComparing(r -> r.id))
                .limit(MAX_RECORDS).toList();
        List<SignUp> signUps = address == null ? List.of()
                : SignUp.<SignUp>find("lower(email) = ?1 order by createdAt, id", address).range(0, MAX_RECORDS - 1).list();
        Map<UUID, Event> events = new HashMap<>();
        registrations.forEach(r -> events.computeIfAbsent(r.eventId, id -> Event.findById(id)));
        signUps.forEach(s -> events.computeIfAbsent(s.eventId, id -> Event.findById(id)));
        List<UUID> registrationIds = registrations.stream().map(r -> r.id).toList();
        List<SentMail> mails = queries.mails(registrationIds, address, MAX_RECORDS);
        Map<String, List<String>> about = new LinkedHashMap<>();
        about.put("registration", registrationIds.stream().map(UUID::toString).toList());
        return new SubjectRecords(registrations, signUps, mails, events, audit.about(about, MAX_AUDIT_ENTRIES));
    }
}
