package dev.trellis.partner.service;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * Stand-in until affiliations exist in this service: nobody is an executive. It is a {@link DefaultBean},
 * so the affiliation-backed {@link ExecutiveAttendees} replaces it as soon as that bean is present, with no
 * other change; delete this class when it is. It exists only so that the application builds without it.
 */
@DefaultBean
@ApplicationScoped
public class NoExecutiveAttendees implements ExecutiveAttendees {
    @Override
    public Set<UUID> executives(UUID partnerId, Collection<UUID> contactIds, LocalDate on) {
        return Set.of();
    }
}
