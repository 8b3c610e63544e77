package dev.trellis.platform.http;

import jakarta.ws.rs.core.EntityTag;

/**
 * ETags from entity versions. The If-Match rule itself is the application layer's
 * ({@link dev.trellis.platform.domain.Versions#requireMatch}).
 */
public final class EntityTags {
    private EntityTags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }
}
