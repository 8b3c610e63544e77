package dev.trellis.partner.domain;

import java.util.Set;

/**
 * Who made a consent decision.
 *
 * @param kind     {@code staff} (a foundation user, named), {@code subject} (the person themself, through an
 *                 unsubscribe link), {@code import} (a contact import) or {@code system} (the service itself)
 * @param username the staff user's (or machine client's) name; null where there is none
 */
public record ConsentActor(String kind, String username) {
    public static final String STAFF = "staff";
    public static final String SUBJECT = "subject";
    public static final String IMPORT = "import";
    public static final String SYSTEM = "system";
    public static final Set<String> KINDS = Set.of(STAFF, SUBJECT, IMPORT, SYSTEM);

    public static final ConsentActor THE_SUBJECT = new ConsentActor(SUBJECT, null);
    public static final ConsentActor AN_IMPORT = new ConsentActor(IMPORT, null);
    public static final ConsentActor THE_SYSTEM = new ConsentActor(SYSTEM, null);

    public ConsentActor {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("unknown consent actor kind " + kind);
        }
    }

    public static ConsentActor staff(String username) {
        return new ConsentActor(STAFF, username);
    }
}
