package dev.trellis.event.persistence;

import dev.trellis.contracts.partner.MembershipTerms;
import dev.trellis.event.domain.ContactAffiliation;
import dev.trellis.event.domain.ContactEmailDigest;
import dev.trellis.event.domain.ErasedContact;
import dev.trellis.event.domain.MembershipView;
import dev.trellis.event.domain.PartnerDomain;
import dev.trellis.event.domain.PartnerView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Writes of the partner read model (upserts), from partner-service's events and the demo data. */
@ApplicationScoped
public class PartnerReadModel {

    /** Overwrites a partner with the facts of a partner-registered or partner-changed event. */
    @Transactional(Transactional.TxType.REQUIRED)
    public void partner(UUID id, String name, String lifecycleStatus, List<String> emailDomains, Instant at) {
        PartnerView view = PartnerView.findById(id);
        if (view == null) {
            view = new PartnerView();
            view.partnerId = id;
        }
        view.name = name;
        view.lifecycleStatus = lifecycleStatus;
        view.updatedAt = at;
        view.persist();
        PartnerDomain.delete("partnerId", id);
        PartnerDomain.flush();
        for (String domain : emailDomains == null ? List.<String>of() : emailDomains) {
            String d = domain.strip().toLowerCase(Locale.ROOT);
            PartnerDomain taken = PartnerDomain.findById(d);
            if (taken == null) {
                taken = new PartnerDomain();
                taken.domain = d;
            }
            taken.partnerId = id; // a domain belongs to the partner that claimed it last
            taken.persist();
        }
    }

    /** Gives an email domain to a partner unless some partner has it already; for the demo data. */
    @Transactional(Transactional.TxType.REQUIRED)
    public void claimDomainIfFree(String domain, UUID partnerId) {
        if (PartnerDomain.findById(domain) == null && PartnerView.findById(partnerId) != null) {
            PartnerDomain d = new PartnerDomain();
            d.domain = domain;
            d.partnerId = partnerId;
            d.persist();
        }
    }

    /** A lapse or a reactivation; a partner this model has not heard of yet has nothing to update. */
    @Transactional(Transactional.TxType.REQUIRED)
    public void status(UUID id, String lifecycleStatus, Instant at) {
        PartnerView view = PartnerView.findById(id);
        if (view != null) {
            view.lifecycleStatus = lifecycleStatus;
            view.updatedAt = at;
        }
    }

    /** The partner's membership terms as its latest membership-changed left them, if any. */
    public Optional<MembershipTerms> membershipTerms(UUID partnerId) {
        return MembershipView.<MembershipView>find("partnerId", partnerId).firstResultOptional().map(MembershipView::terms);
    }

    /** A membership as a membership-changed event left it: its terms replace the partner's earlier ones. */
    @Transactional(Transactional.TxType.REQUIRED)
    public void membership(UUID partnerId, UUID membershipId, MembershipTerms terms, LocalDate effectiveDate, String change,
            Instant at) {
        MembershipView view = MembershipView.<MembershipView>find("partnerId", partnerId).firstResultOptional().orElseGet(() -> {
            MembershipView created = new MembershipView();
            created.id = UUID.randomUUID();
            created.partnerId = partnerId;
            return created;
        });
        view.membershipId = membershipId;
        view.tier = terms.tier();
        view.pendingTier = terms.pendingTier();
        view.pendingTierEffective = terms.pendingTierEffective();
        view.termStart = terms.termStart();
        view.termEnd = terms.termEnd();
        view.graceDays = terms.graceDays();
        view.autoRenew = terms.autoRenew();
        view.effectiveDate = effectiveDate;
        view.change = change;
        view.receivedAt = at;
        view.persist();
    }

    /** Gives a partner a membership unless it has one already; for the demo data. */
    @Transactional(Transactional.TxType.REQUIRED)
    public void membershipIfNone(UUID partnerId, MembershipTerms terms) {
        if (MembershipView.count("partnerId", partnerId) == 0) {
            membership(partnerId, UUID.randomUUID(), terms, terms.termStart(), "STARTED", Instant.EPOCH);
        }
    }

    /** An affiliation started or ended; one of a contact already erased (its event came late) is ignored. */
    @Transactional(Transactional.TxType.REQUIRED)
    public void affiliation(UUID affiliationId, UUID contactId, UUID partnerId, LocalDate startDate, boolean active) {
        if (ErasedContact.isErased(contactId)) {
            return;
        }
        ContactAffiliation a = ContactAffiliation.findById(affiliationId);
        if (a == null) {
            a = new ContactAffiliation();
            a.affiliationId = affiliationId;
        }
        a.contactId = contactId;
        a.partnerId = partnerId;
        a.startDate = startDate;
        a.active = active;
        a.persist();
    }

    /**
     * The digest of a contact's email address as it is now (contact-registered, contact-email-changed): it
     * replaces the one before. One of a contact already erased (its event came late) is ignored.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void contactEmail(UUID contactId, String emailSha256, Instant at) {
        if (ErasedContact.isErased(contactId)) {
            return;
        }
        ContactEmailDigest digest = ContactEmailDigest.findById(contactId);
        if (digest == null) {
            digest = new ContactEmailDigest();
            digest.contactId = contactId;
        }
        digest.emailSha256 = emailSha256;
        digest.updatedAt = at;
        digest.persist();
    }

    /**
     * Forgets an erased contact: its affiliations and its email digest go, and its id is remembered, so late
     * affiliation and email events about it are ignored and no registration is made under it.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void forgetContact(UUID contactId, Instant erasedAt) {
        if (!ErasedContact.isErased(contactId)) {
            ErasedContact erased = new ErasedContact();
            erased.contactId = contactId;
            erased.erasedAt = erasedAt;
            erased.persist();
        }
        ContactAffiliation.delete("contactId", contactId);
        ContactEmailDigest.deleteById(contactId);
    }
}
