package dev.trellis.partner.service;

import dev.trellis.partner.persistence.StaffUsers;
import dev.trellis.platform.domain.InvalidInput;
import dev.trellis.platform.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The staff members partner-service knows: everyone who has called it with a staff role (recorded when
 * their token is authenticated, and when a service records a change in their name). A next step's owner
 * must be one of them, so a typo or an invented name is refused instead of creating a worklist nobody
 * reads. Keycloak's directory is not asked: that would make every next-step write depend on Keycloak.
 */
@ApplicationScoped
public class StaffDirectory {
    private final StaffUsers users;
    private final Clock clock;
    /** Usernames recorded already by this instance; the table only grows, so a hit here is always right. */
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    public StaffDirectory(StaffUsers users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    /** Whether {@link #seen} would have to write: a staff caller with a username not recorded yet. */
    public boolean isNew(Caller caller) {
        String name = staffName(caller);
        return name != null && !seen.contains(name);
    }

    /** Records a staff caller, in a transaction of its own, once per instance; anyone else is ignored. */
    public void seen(Caller caller) {
        seen(caller, null);
    }

    /**
     * Records a staff caller with the address their token names ({@code email} claim; the daily digest goes to it),
     * in a transaction of its own, once per instance; anyone else is ignored.
     */
    public void seen(Caller caller, String email) {
        String name = staffName(caller);
        if (name == null || seen.contains(name)) {
            return;
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        String address = email == null || email.isBlank() || email.length() > 320 ? null : email.strip();
        QuarkusTransaction.requiringNew().run(() -> users.record(name, address, now));
        seen.add(name);
    }

    /** The username, lower-case, if it is a staff member partner-service has seen; else a 400 naming {@code field}. */
    public String requireKnown(String username, String field) {
        String name = username.toLowerCase(Locale.ROOT);
        if (!seen.contains(name) && !users.known(name)) {
            throw InvalidInput.field(field, "is not a staff member known to partner-service (the owner must have "
                    + "signed in with a staff role at least once)");
        }
        return name;
    }

    private static String staffName(Caller caller) {
        if (caller == null || !caller.isStaff() || caller.username() == null || caller.username().isBlank()
                || Caller.SYSTEM.equals(caller)) {
            return null;
        }
        return caller.username().toLowerCase(Locale.ROOT);
    }
}
