package dev.trellis.event;

import dev.trellis.contracts.partner.ContactRegistered;
import dev.trellis.event.domain.ContactAffiliation;
import dev.trellis.event.domain.ContactEmailDigest;
import dev.trellis.event.domain.MembershipView;
import dev.trellis.event.domain.PartnerDomain;
import dev.trellis.event.domain.PartnerView;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Puts partners and affiliations straight into the read model, for tests that are not about the consumer. */
final class ReadModel {
    private ReadModel() {
    }

    static void partner(UUID id, String name, String status, String domain) {
        QuarkusTransaction.requiringNew().run(() -> {
            PartnerView view = PartnerView.findById(id);
            if (view == null) {
                view = new PartnerView();
                view.partnerId = id;
            }
            view.name = name;
            view.lifecycleStatus = status;
            view.updatedAt = Instant.now();
            view.persist();
            if (domain != null && PartnerDomain.findById(domain) == null) {
                PartnerDomain d = new PartnerDomain();
                d.domain = domain;
                d.partnerId = id;
                d.persist();
            }
        });
    }

    /** A membership of {@code partner} in force since its start, unless it has one already. */
    static void membership(UUID partner, LocalDate termStart, LocalDate termEnd, int graceDays, boolean autoRenew) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (MembershipView.count("partnerId", partner) == 0) {
                MembershipView m = new MembershipView();
                m.id = UUID.randomUUID();
                m.partnerId = partner;
                m.membershipId = UUID.randomUUID();
                m.tier = "GOLD";
                m.termStart = termStart;
                m.termEnd = termEnd;
                m.graceDays = graceDays;
                m.autoRenew = autoRenew;
                m.effectiveDate = termStart;
                m.change = "STARTED";
                m.receivedAt = Instant.now();
                m.persist();
            }
        });
    }

    /** A current membership, running from a year ago to a year from now. */
    static void member(UUID partner) {
        membership(partner, LocalDate.now().minusYears(1), LocalDate.now().plusYears(1), 30, false);
    }

    /** A new contact working for {@code partner}, of whose address nothing is known yet; returns its id. */
    static UUID contactOf(UUID partner) {
        return contactOf(partner, null);
    }

    /**
     * A new contact working for {@code partner} with the address {@code email} on record (its digest, as
     * partner-service's events bring it; none if null); returns its id.
     */
    static UUID contactOf(UUID partner, String email) {
        UUID contact = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            if (email != null) {
                ContactEmailDigest digest = new ContactEmailDigest();
                digest.contactId = contact;
                digest.emailSha256 = ContactRegistered.emailSha256(email);
                digest.updatedAt = Instant.now();
                digest.persist();
            }
            ContactAffiliation a = new ContactAffiliation();
            a.affiliationId = UUID.randomUUID();
            a.contactId = contact;
            a.partnerId = partner;
            a.active = true;
            a.startDate = LocalDate.now().minusYears(1);
            a.persist();
        });
        return contact;
    }
}
