package dev.trellis.event.service;

import java.util.UUID;

/**
 * Who is asking, as the services' role rules need it: the community team manages everything,
 * foundation staff read, a partner user acts for its own organisation ({@code partnerId}, from the
 * token's {@code partner_id} claim). Anonymous callers have none of these.
 */
public record Caller(boolean communityTeam, boolean foundationStaff, UUID partnerId) {
    public static final Caller ANONYMOUS = new Caller(false, false, null);
    public static final Caller SYSTEM = new Caller(true, false, null);

    /** Staff see every registration and sponsorship; a partner only its own company's. */
    public boolean seesAll() {
        return communityTeam || foundationStaff;
    }

    public boolean actsFor(UUID partner) {
        return partnerId != null && partnerId.equals(partner);
    }
}
