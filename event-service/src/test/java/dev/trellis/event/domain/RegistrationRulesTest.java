package dev.trellis.event.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.platform.domain.StateConflict;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The states of a registration and a sponsorship, and which moves their current state refuses (409). */
class RegistrationRulesTest {
    private static final Instant AT = Instant.parse("2027-03-01T18:05:00Z");

    private static Registration registration(RegistrationStatus status) {
        Registration r = new Registration();
        r.id = UUID.randomUUID();
        r.status = status;
        return r;
    }

    private static Sponsorship sponsorship(SponsorshipStatus status) {
        Sponsorship s = new Sponsorship();
        s.status = status;
        return s;
    }

    @Test
    void cancellingFreesASeatOnlyIfItHeldOne() {
        Registration seated = registration(RegistrationStatus.REGISTERED);
        assertTrue(seated.cancel());
        assertEquals(RegistrationStatus.CANCELLED, seated.status);
        Registration waiting = registration(RegistrationStatus.WAITLISTED);
        assertFalse(waiting.cancel());
        assertEquals(RegistrationStatus.CANCELLED, waiting.status);
    }

    @Test
    void onlyALiveRegistrationCanBeCancelled() {
        for (RegistrationStatus over : new RegistrationStatus[] {RegistrationStatus.CANCELLED, RegistrationStatus.ATTENDED,
                RegistrationStatus.NO_SHOW}) {
            Registration r = registration(over);
            assertEquals("registration-not-cancellable", assertThrows(StateConflict.class, r::cancel).slug());
            assertEquals(over, r.status);
        }
    }

    @Test
    void checkInNeedsASeatAndHappensOnce() {
        Registration r = registration(RegistrationStatus.REGISTERED);
        r.checkIn(AT);
        assertEquals(RegistrationStatus.ATTENDED, r.status);
        assertEquals(AT, r.checkedInAt);
        assertEquals("already-checked-in", assertThrows(StateConflict.class, () -> r.checkIn(AT)).slug());
        for (RegistrationStatus noSeat : new RegistrationStatus[] {RegistrationStatus.WAITLISTED,
                RegistrationStatus.CANCELLED, RegistrationStatus.NO_SHOW}) {
            assertEquals("not-registered",
                    assertThrows(StateConflict.class, () -> registration(noSeat).checkIn(AT)).slug());
        }
    }

    @Test
    void anUndoneCheckInHoldsTheSeatAgain() {
        Registration r = registration(RegistrationStatus.REGISTERED);
        r.checkIn(AT);
        r.undoCheckIn();
        assertEquals(RegistrationStatus.REGISTERED, r.status);
        assertNull(r.checkedInAt);
        assertEquals("not-checked-in", assertThrows(StateConflict.class, r::undoCheckIn).slug());
    }

    @Test
    void erasureKeepsCompanyAndStatusButNotThePerson() {
        Registration r = registration(RegistrationStatus.ATTENDED);
        r.name = "Eeva Example";
        r.email = "eeva@example.org";
        r.partnerName = "Erasure Oy";
        r.erasePersonalData();
        assertEquals("Erased contact", r.name);
        assertEquals("erased-" + r.id + "@erased.invalid", r.email);
        assertEquals("Erasure Oy", r.partnerName);
        assertEquals(RegistrationStatus.ATTENDED, r.status);
    }

    @Test
    void aSponsorshipIsConfirmedOnceWhileProposedAndCancelledOnce() {
        Sponsorship s = sponsorship(SponsorshipStatus.PROPOSED);
        s.confirm();
        assertEquals(SponsorshipStatus.CONFIRMED, s.status);
        assertEquals("sponsorship-not-proposed", assertThrows(StateConflict.class, s::confirm).slug());
        s.cancel();
        assertEquals(SponsorshipStatus.CANCELLED, s.status);
        assertEquals("sponsorship-cancelled", assertThrows(StateConflict.class, s::cancel).slug());
        assertEquals("sponsorship-not-proposed",
                assertThrows(StateConflict.class, () -> sponsorship(SponsorshipStatus.CANCELLED).confirm()).slug());
    }
}
