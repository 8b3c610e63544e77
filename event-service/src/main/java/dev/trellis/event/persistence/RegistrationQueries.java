package dev.trellis.event.persistence;

import dev.trellis.event.domain.Registration;
import dev.trellis.event.domain.RegistrationStatus;
import dev.trellis.platform.paging.Cursor;
import dev.trellis.platform.paging.Page;
import dev.trellis.platform.paging.PageRequest;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/** An event's registrations, keyset-paged in order of arrival (seq). */
@ApplicationScoped
public class RegistrationQueries {

    /** Every company's registrations; {@code status} null means any. */
    public Page<Registration> page(UUID eventId, RegistrationStatus status, PageRequest page) {
        return find(eventId, null, status, page);
    }

    /** Only the registrations of {@code partnerId}'s people (its company snapshot). */
    public Page<Registration> pageOfPartner(UUID eventId, UUID partnerId, RegistrationStatus status, PageRequest page) {
        return find(eventId, Objects.requireNonNull(partnerId, "partnerId"), status, page);
    }

    private static Page<Registration> find(UUID eventId, UUID partnerId, RegistrationStatus status, PageRequest page) {
        StringBuilder where = new StringBuilder("eventId = :event");
        Parameters params = Parameters.with("event", eventId);
        if (partnerId != null) {
            where.append(" and partnerId = :partner");
            params.and("partner", partnerId);
        }
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        Cursor after = page.decodedCursor(1);
        if (after != null) {
            try {
                params.and("seq", Long.parseLong(after.key(0)));
            } catch (NumberFormatException e) {
                throw Cursor.foreign();
            }
            where.append(" and seq > :seq");
        }
        List<Registration> fetched = Registration.find(where + " order by seq", params).page(0, page.fetchSize()).list();
        return Page.of(fetched, page, r -> Cursor.of(r.seq), Function.identity());
    }
}
