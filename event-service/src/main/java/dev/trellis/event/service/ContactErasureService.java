package dev.trellis.event.service;

import dev.trellis.event.domain.OutboxMail;
import dev.trellis.event.domain.Registration;
import dev.trellis.event.domain.UserGroup;
import dev.trellis.event.persistence.PartnerReadModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * A contact erased for privacy in partner-service (its contact-erased event): registrations keep their company
 * and status for statistics but lose name and email; affiliations, the email digest and organiser entries go. The id is
 * remembered, so late affiliation events and new registrations under it are refused.
 */
@ApplicationScoped
public class ContactErasureService {
    private final PartnerReadModel readModel;

    public ContactErasureService(PartnerReadModel readModel) {
        this.readModel = readModel;
    }

    @Transactional
    public void erase(UUID contactId, Instant erasedAt) {
        readModel.forgetContact(contactId, erasedAt);
        // Mails to the contact carry its name and address: sent or not, they go (attachments by the foreign key).
        OutboxMail.delete("registrationId in (select r.id from Registration r where r.contactId = ?1)", contactId);
        for (Registration r : Registration.<Registration>list("contactId", contactId)) {
            r.erasePersonalData();
        }
        for (UserGroup g : UserGroup.<UserGroup>list("?1 member of organiserIds", contactId)) {
            g.organiserIds.remove(contactId);
        }
    }
}
