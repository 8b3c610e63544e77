package dev.trellis.partner.rest.dto;

import java.util.Map;
import java.util.UUID;

/** How responses name people and partners next to their ids. */
public final class Names {
    private Names() {
    }

    /** "First Last"; an erased contact reads "Erased contact". */
    public static String displayName(String firstName, String lastName) {
        return (firstName + " " + lastName).strip();
    }

    /** The name of {@code id} in {@code names}; null for an id it does not know. */
    static String of(Map<UUID, String> names, UUID id) {
        return names == null || id == null ? null : names.get(id);
    }
}
