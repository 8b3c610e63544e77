package dev.trellis.partner.persistence;

import dev.trellis.partner.domain.AffiliationRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Which of these contacts held an executive role (EXECUTIVE_SPONSOR) at this partner on that date, from the
 * dated affiliations; joins the caller's transaction.
 */
@ApplicationScoped
public class ExecutiveAttendees {
    private final EntityManager em;

    public ExecutiveAttendees(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public Set<UUID> executives(UUID partnerId, Collection<UUID> contactIds, LocalDate on) {
        if (partnerId == null || on == null || contactIds == null || contactIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery("""
                        select distinct a.contactId from Affiliation a
                        where a.partnerId = :partner and a.contactId in :contacts and a.role = :role
                          and a.startDate <= :on and (a.endDate is null or a.endDate >= :on)
                        """, UUID.class)
                .setParameter("partner", partnerId)
                .setParameter("contacts", Set.copyOf(contactIds))
                .setParameter("role", AffiliationRole.EXECUTIVE_SPONSOR)
                .setParameter("on", on)
                .getResultList());
    }
}
