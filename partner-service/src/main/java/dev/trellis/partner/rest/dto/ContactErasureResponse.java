package dev.trellis.partner.rest.dto;

import dev.trellis.partner.domain.Contact;
import java.time.Instant;
import java.util.UUID;

/** The outcome of an erasure: which contact, and when it was erased (the first time, if asked again). */
public record ContactErasureResponse(UUID contactId, Instant erasedAt) {

    public static ContactErasureResponse of(Contact contact) {
        return new ContactErasureResponse(contact.id, contact.erasedAt);
    }
}
