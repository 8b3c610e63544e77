package dev.trellis.partner.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A request to erase a person, and its progress: one {@link ErasureStep} per service that holds data about people,
 * done when that service confirmed. Holds no personal data: a contact's id, or for a guest's address nothing about
 * the address.
 */
@Entity
@Table(name = "erasure_request")
public class ErasureRequest extends PanacheEntityBase {
    /** The services that hold data about contacts, partner-service first; each confirms its part. */
    public static final List<String> CONTACT_SERVICES = List.of("partner", "advisory", "event", "insights");
    /** A guest (an address without a contact) exists only in event-service's registrations and sign-ups. */
    public static final List<String> GUEST_SERVICES = List.of("partner", "event");

    @Id
    public UUID id;
    /** The erased contact; null for a guest's address. */
    @Column(name = "contact_id")
    public UUID contactId;
    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;
    /** The staff user who asked. */
    @Column(name = "requested_by", nullable = false)
    public String requestedBy;
    @OneToMany(mappedBy = "request", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @OrderBy("service")
    public List<ErasureStep> steps = new ArrayList<>();
    @Version
    public long version;

    public static ErasureRequest start(UUID contactId, Instant at, String by, List<String> services) {
        ErasureRequest request = new ErasureRequest();
        request.id = UUID.randomUUID();
        request.contactId = contactId;
        request.requestedAt = at;
        request.requestedBy = by;
        for (String service : services) {
            ErasureStep step = new ErasureStep();
            step.id = UUID.randomUUID();
            step.request = request;
            step.service = service;
            request.steps.add(step);
        }
        return request;
    }

    public Optional<ErasureStep> step(String service) {
        return steps.stream().filter(s -> s.service.equals(service)).findFirst();
    }

    /** Done once every service confirmed. */
    public boolean done() {
        return steps.stream().allMatch(ErasureStep::done);
    }

    /** When the last service confirmed; empty while one has not. */
    public Optional<Instant> completedAt() {
        return done() ? steps.stream().map(s -> s.completedAt).max(Instant::compareTo) : Optional.empty();
    }
}
