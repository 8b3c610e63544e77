package dev.trellis.event.persistence;

import dev.trellis.contracts.partner.MembershipTerms;
import dev.trellis.event.domain.ContactAffiliation;
import dev.trellis.event.domain.ContactEmailDigest;
import dev.trellis.event.domain.MembershipView;
import dev.trellis.event.domain.PartnerDomain;
import dev.trellis.event.domain.PartnerView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Questions to the local read model of partner-service's partners and affiliations. */
@ApplicationScoped
public class PartnerDirectory {

    @Transactional
    public Optional<PartnerView> partner(UUID partnerId) {
        return PartnerView.findByIdOptional(partnerId);
    }

    /** The partner a contact works for now (its newest active affiliation), if the read model knows one. */
    @Transactional
    public Optional<PartnerView> employerOf(UUID contactId) {
        return ContactAffiliation.<ContactAffiliation>find("contactId = ?1 and active = true order by startDate desc",
                contactId).firstResultOptional().flatMap(a -> partner(a.partnerId));
    }

    /**
     * For each of these contacts the read model knows an employer of, that partner (its newest active
     * affiliation's); one query, for a page of user groups' organisers.
     */
    @Transactional
    public Map<UUID, PartnerView> employersOf(Collection<UUID> contactIds) {
        Map<UUID, PartnerView> employers = new HashMap<>();
        if (contactIds.isEmpty()) {
            return employers;
        }
        List<Object[]> rows = PartnerView.getEntityManager().createQuery(
                "select a.contactId, p from ContactAffiliation a, PartnerView p where p.partnerId = a.partnerId"
                        + " and a.active = true and a.contactId in :contacts order by a.startDate desc, a.affiliationId",
                Object[].class).setParameter("contacts", contactIds).getResultList();
        for (Object[] row : rows) {
            employers.putIfAbsent((UUID) row[0], (PartnerView) row[1]);
        }
        return employers;
    }

    /** The partner's membership states still in force on some day from their effective date on. */
    @Transactional
    public Optional<MembershipTerms> membership(UUID partnerId) {
        return MembershipView.<MembershipView>find("partnerId", partnerId).firstResultOptional().map(MembershipView::terms);
    }

    /** The digest of the contact's email address on record in partner-service, once its event has arrived. */
    @Transactional
    public Optional<String> emailDigestOf(UUID contactId) {
        return ContactEmailDigest.<ContactEmailDigest>findByIdOptional(contactId).map(d -> d.emailSha256);
    }

    /** Whether the read model has heard of this contact at all. */
    @Transactional
    public boolean knowsContact(UUID contactId) {
        return ContactAffiliation.count("contactId", contactId) > 0;
    }

    /** The partner whose people use this email's domain, for a guest's company snapshot. */
    @Transactional
    public Optional<PartnerView> byEmail(String email) {
        int at = email.lastIndexOf('@');
        if (at < 0) {
            return Optional.empty();
        }
        String domain = email.substring(at + 1).toLowerCase(Locale.ROOT);
        return PartnerDomain.<PartnerDomain>findByIdOptional(domain).flatMap(d -> partner(d.partnerId));
    }
}
