package dev.trellis.partner.domain;

import dev.trellis.platform.audit.AuditMasked;
import dev.trellis.platform.persistence.Timestamped;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;

/**
 * Something the community team logged about a partner: a call, a meeting, a business review. The notes
 * are internal and never leave staff-only responses.
 */
@AuditMasked("summary")
@Entity
@Table(name = "touchpoint")
public class Touchpoint extends Timestamped {
    @Id
    public UUID id;
    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;
    @Column(name = "occurred_on", nullable = false)
    public LocalDate occurredOn;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TouchpointType type;
    @Column(nullable = false)
    public String summary;
    public String notes;
    /** Whether the notes go to an attendee who asks what Trellis holds about them (subject-access export). */
    @Column(name = "notes_disclosable", nullable = false)
    public boolean notesDisclosable = true;
    /** Whether a contact attendee was an executive of the partner on {@link #occurredOn}; stored, not derived on read. */
    @Column(nullable = false)
    public boolean executive;
    @Column(name = "logged_by", nullable = false)
    public String loggedBy;
    @OneToMany(mappedBy = "touchpoint", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("staffUsername, contactId")
    @BatchSize(size = 50)
    public List<TouchpointAttendee> attendees = new ArrayList<>();
    @OneToMany(mappedBy = "touchpoint", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("dueOn, id")
    @BatchSize(size = 50)
    public List<NextStep> nextSteps = new ArrayList<>();
    @Version
    public long version;

    public List<UUID> contactIds() {
        return attendees.stream().filter(a -> a.contactId != null).map(a -> a.contactId).toList();
    }

    public List<String> staffUsernames() {
        return attendees.stream().filter(a -> a.staffUsername != null).map(a -> a.staffUsername).toList();
    }

    /**
     * Makes the contact attendees exactly {@code contactIds}, keeping the rows of those who stay (a
     * remove-then-add of the same contact would hit the unique index, as inserts flush before deletes).
     */
    public void replaceContacts(List<UUID> contactIds) {
        attendees.removeIf(a -> a.contactId != null && !contactIds.contains(a.contactId));
        List<UUID> present = contactIds();
        contactIds.stream().filter(id -> !present.contains(id)).forEach(id -> attendees.add(TouchpointAttendee.contact(this, id)));
    }

    /** Makes the staff attendees exactly {@code usernames}; see {@link #replaceContacts}. */
    public void replaceStaff(List<String> usernames) {
        attendees.removeIf(a -> a.staffUsername != null && !usernames.contains(a.staffUsername));
        List<String> present = staffUsernames();
        usernames.stream().filter(u -> !present.contains(u)).forEach(u -> attendees.add(TouchpointAttendee.staff(this, u)));
    }

    /** Marks the row changed at {@code now}, so that its version moves even when only attendees changed. */
    public void touched(Instant now) {
        updatedAt = now.truncatedTo(ChronoUnit.MICROS);
    }
}
