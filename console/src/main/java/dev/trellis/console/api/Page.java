package dev.trellis.console.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** One page of a keyset-paged API list: its items and the cursor of the next page (null on the last). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Page<T>(List<T> items, String next) {
    public Page {
        items = items == null ? List.of() : items;
    }
}
