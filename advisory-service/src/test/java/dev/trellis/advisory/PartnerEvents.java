package dev.trellis.advisory;

import dev.trellis.contracts.partner.ContactErased;
import dev.trellis.contracts.partner.ContactRegistered;
import dev.trellis.contracts.partner.MembershipChanged;
import dev.trellis.contracts.partner.PartnerRegistered;
import dev.trellis.advisory.domain.PartnerView;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** partner-service's events as its relay would send them to the test topic, and a way to know they were read. */
final class PartnerEvents {
    private final String topic;

    PartnerEvents(String topic) {
        this.topic = topic;
    }

    /** One membership as partner-service describes it in membership-changed. */
    record Membership(UUID partnerId, UUID membershipId, String tier, String status, LocalDate termStart, LocalDate termEnd,
            int graceDays, boolean autoRenew) {
        static Membership of(UUID partner, String tier, LocalDate termStart, LocalDate termEnd) {
            return new Membership(partner, UUID.randomUUID(), tier, "CURRENT", termStart, termEnd, 30, false);
        }

        Membership tier(String t) {
            return new Membership(partnerId, membershipId, t, status, termStart, termEnd, graceDays, autoRenew);
        }

        Membership status(String s) {
            return new Membership(partnerId, membershipId, tier, s, termStart, termEnd, graceDays, autoRenew);
        }

        Membership grace(int days) {
            return new Membership(partnerId, membershipId, tier, status, termStart, termEnd, days, autoRenew);
        }

        Membership autoRenewing() {
            return new Membership(partnerId, membershipId, tier, status, termStart, termEnd, graceDays, true);
        }

        String json(String change, LocalDate effective) {
            return "{\"partnerId\":\"" + partnerId + "\",\"membershipId\":\"" + membershipId + "\",\"tier\":\"" + tier + "\","
                    + "\"status\":\"" + status + "\",\"termStart\":\"" + termStart + "\",\"termEnd\":\"" + termEnd + "\","
                    + "\"graceDays\":" + graceDays + ",\"autoRenew\":" + autoRenew + ",\"effectiveDate\":\"" + effective + "\","
                    + "\"change\":\"" + change + "\"}";
        }
    }

    void registered(UUID partner, String name) throws Exception {
        PartnerEventSender.send(topic, UUID.randomUUID().toString(), PartnerRegistered.TYPE, partner, partnerJson(partner, name));
    }

    void membership(Membership m, String change, LocalDate effective) throws Exception {
        PartnerEventSender.send(topic, UUID.randomUUID().toString(), MembershipChanged.TYPE, m.partnerId(), m.json(change, effective));
    }

    void contactRegistered(UUID contact) throws Exception {
        PartnerEventSender.send(topic, UUID.randomUUID().toString(), ContactRegistered.TYPE, contact,
                "{\"contactId\":\"" + contact + "\",\"registeredAt\":\"" + Instant.now() + "\"}");
    }

    void contactErased(UUID contact, UUID request) throws Exception {
        PartnerEventSender.send(topic, UUID.randomUUID().toString(), ContactErased.TYPE, contact,
                "{\"contactId\":\"" + contact + "\",\"erasedAt\":\"" + Instant.now() + "\",\"requestId\":\"" + request
                        + "\",\"emailSha256\":null}");
    }

    void contactErased(UUID contact) throws Exception {
        PartnerEventSender.send(topic, UUID.randomUUID().toString(), ContactErased.TYPE, contact,
                "{\"contactId\":\"" + contact + "\",\"erasedAt\":\"" + Instant.now() + "\"}");
    }

    /**
     * Sends a partner-registered of a new marker partner on {@code key} (so on the partition of every
     * event sent with that key before) and waits for it: then those earlier events have all been read.
     */
    void awaitAllReadFor(UUID key) throws Exception {
        UUID marker = UUID.randomUUID();
        PartnerEventSender.send(topic, UUID.randomUUID().toString(), PartnerRegistered.TYPE, key, partnerJson(marker, "Marker"));
        PartnerEventSender.await("marker on " + key, () -> QuarkusTransaction.requiringNew()
                .call(() -> PartnerView.findById(marker) != null));
    }

    private static String partnerJson(UUID partner, String name) {
        return "{\"partnerId\":\"" + partner + "\",\"name\":\"" + name + "\",\"lifecycleStatus\":\"ACTIVE\","
                + "\"parentPartnerId\":null,\"country\":null,\"emailDomains\":[]}";
    }

    /** A tier code no other test uses, so that counts of members per tier are this test's own. */
    static String tier(String name) {
        return name + "_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    }
}
