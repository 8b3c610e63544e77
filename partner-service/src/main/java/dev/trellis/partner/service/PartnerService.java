package dev.trellis.partner.service;

import dev.trellis.partner.domain.LifecycleStatus;
import dev.trellis.partner.domain.Partner;
import dev.trellis.partner.messaging.PartnerEvents;
import dev.trellis.platform.http.Cursor;
import dev.trellis.platform.http.PageRequest;
import dev.trellis.platform.http.ProblemException;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Partner organisations: the transactions around them and the events they publish. */
@ApplicationScoped
public class PartnerService {
    private final PartnerEvents events;

    public PartnerService(PartnerEvents events) {
        this.events = events;
    }

    /** One page in (lower(name), id) order; fetches one extra row to tell whether there is a next page. */
    @Transactional
    public List<Partner> list(PageRequest page) {
        Cursor after = page.decodedCursor(2);
        if (after == null) {
            return Partner.find("order by lower(name), id").page(0, page.fetchSize()).list();
        }
        return Partner.find("lower(name) > :name or (lower(name) = :name and id > :id) order by lower(name), id",
                        Parameters.with("name", after.key(0)).and("id", after.uuid(1)))
                .page(0, page.fetchSize()).list();
    }

    public static Cursor cursorOf(Partner partner) {
        return Cursor.of(partner.name.toLowerCase(Locale.ROOT), partner.id);
    }

    @Transactional
    public Partner get(UUID id) {
        return Partner.<Partner>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Partner", id));
    }

    /** Registers a partner with a known id, unless it exists; used by the demo data. */
    @Transactional
    public Optional<Partner> registerIfAbsent(UUID id, String name, String website, String country,
            LifecycleStatus status) {
        if (Partner.findById(id) != null) {
            return Optional.empty();
        }
        Partner partner = new Partner();
        partner.id = id;
        partner.name = name;
        partner.website = website;
        partner.country = country;
        partner.lifecycleStatus = status;
        partner.persist();
        events.registered(partner);
        return Optional.of(partner);
    }
}
