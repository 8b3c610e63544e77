package dev.trellis.partner;

import dev.trellis.partner.service.ExecutiveAttendees;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Test stand-in for the affiliation-backed {@link ExecutiveAttendees}: tests say which contacts were executives
 * of which partner, and from when to when (inclusive).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestExecutiveAttendees implements ExecutiveAttendees {
    private record Term(UUID partnerId, LocalDate from, LocalDate to) {
    }

    private final Map<UUID, Term> executives = new ConcurrentHashMap<>();

    public void executive(UUID contactId, UUID partnerId, LocalDate from, LocalDate to) {
        executives.put(contactId, new Term(partnerId, from, to));
    }

    @Override
    public Set<UUID> executives(UUID partnerId, Collection<UUID> contactIds, LocalDate on) {
        return contactIds.stream().filter(id -> {
            Term term = executives.get(id);
            return term != null && term.partnerId().equals(partnerId) && !on.isBefore(term.from()) && !on.isAfter(term.to());
        }).collect(Collectors.toSet());
    }
}
