package dev.trellis.event.persistence;

import dev.trellis.event.domain.ContactAffiliation;
import dev.trellis.event.domain.PartnerDomain;
import dev.trellis.event.domain.PartnerView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Locale;
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
