package dev.trellis.partner.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;

/** One attendee of a touchpoint: either a contact (by id) or a staff member (by username), never both. */
@Entity
@Table(name = "touchpoint_attendee")
public class TouchpointAttendee {
    @Id
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "touchpoint_id", nullable = false)
    public Touchpoint touchpoint;
    @Column(name = "contact_id")
    public UUID contactId;
    @Column(name = "staff_username")
    public String staffUsername;

    static TouchpointAttendee contact(Touchpoint touchpoint, UUID contactId) {
        TouchpointAttendee attendee = new TouchpointAttendee();
        attendee.id = UUID.randomUUID();
        attendee.touchpoint = touchpoint;
        attendee.contactId = contactId;
        return attendee;
    }

    static TouchpointAttendee staff(Touchpoint touchpoint, String username) {
        TouchpointAttendee attendee = new TouchpointAttendee();
        attendee.id = UUID.randomUUID();
        attendee.touchpoint = touchpoint;
        attendee.staffUsername = username;
        return attendee;
    }
}
