package dev.trellis.event.domain;

import dev.trellis.platform.audit.AuditMasked;
import dev.trellis.platform.domain.StateConflict;
import dev.trellis.platform.persistence.Timestamped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Generated;

/** One person's registration for an event, with the company they worked for at the time. */
@AuditMasked("name")
@Entity
@Table(name = "registration")
public class Registration extends Timestamped {
    @Id
    public UUID id;
    /** Order of arrival, for the waitlist; drawn by the database. */
    @Generated
    @Column(insertable = false, updatable = false)
    public Long seq;
    @Column(name = "event_id", nullable = false)
    public UUID eventId;
    /** The registrant as a partner-service contact; null for a guest. */
    @Column(name = "contact_id")
    public UUID contactId;
    @Column(nullable = false)
    public String name;
    @Column(nullable = false)
    public String email;
    /** Company snapshot at registration, so statistics survive job changes. */
    @Column(name = "partner_id")
    public UUID partnerId;
    @Column(name = "partner_name")
    public String partnerName;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RegistrationSource source;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RegistrationStatus status;
    @Column(name = "checked_in_at")
    public Instant checkedInAt;
    /** Secret handed to the registrant only, so a guest can cancel without an account. */
    @Column(name = "cancel_token", nullable = false)
    public String cancelToken;
    /** The start time of the event the registrant was last reminded of (ReminderService); null: not reminded. */
    @Column(name = "reminded_for")
    public Instant remindedFor;
    @Version
    public long version;

    /**
     * Cancels it.
     *
     * @return whether it held a seat, which is now free
     * @throws StateConflict {@code registration-not-cancellable} unless it is registered or waitlisted
     */
    public boolean cancel() {
        if (status != RegistrationStatus.REGISTERED && status != RegistrationStatus.WAITLISTED) {
            throw StateConflict.of("registration-not-cancellable", "Registration not cancellable",
                    "A registration that is " + status + " cannot be cancelled");
        }
        boolean heldSeat = status == RegistrationStatus.REGISTERED;
        status = RegistrationStatus.CANCELLED;
        return heldSeat;
    }

    /**
     * Checks the registrant in at {@code at}.
     *
     * @throws StateConflict {@code already-checked-in}, or {@code not-registered} unless it holds a seat
     */
    public void checkIn(Instant at) {
        if (status == RegistrationStatus.ATTENDED) {
            throw StateConflict.of("already-checked-in", "Already checked in",
                    "Registration " + id + " was checked in at " + checkedInAt);
        }
        if (status != RegistrationStatus.REGISTERED) {
            throw StateConflict.of("not-registered", "Not registered",
                    "A registration that is " + status + " cannot check in");
        }
        status = RegistrationStatus.ATTENDED;
        checkedInAt = at;
    }

    /** The registrant holds the seat again, not attended. @throws StateConflict {@code not-checked-in} */
    public void undoCheckIn() {
        if (status != RegistrationStatus.ATTENDED) {
            throw StateConflict.of("not-checked-in", "Not checked in", "Registration " + id + " is not checked in");
        }
        status = RegistrationStatus.REGISTERED;
        checkedInAt = null;
    }

    /** The registrant was erased for privacy: company and status stay, for statistics; the person goes. */
    public void erasePersonalData() {
        name = "Erased contact";
        email = "erased-" + id + ERASED_DOMAIN;
    }

    private static final String ERASED_DOMAIN = "@erased.invalid";

    /**
     * The domain of the email, as published ({@code RegistrationRecorded.emailDomainOf}): never the address; null once
     * the registrant was erased.
     */
    public String emailDomain() {
        if (email == null || email.endsWith(ERASED_DOMAIN)) {
            return null;
        }
        return dev.trellis.contracts.event.RegistrationRecorded.emailDomainOf(email);
    }
}
