package dev.trellis.platform.security;

import dev.trellis.platform.domain.AccessDenied;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, as every service's role rules need it: the one reading of a verified token, made per
 * request by {@link Callers} and used where it is needed (or passed to the application layer,
 * which must also serve callers that are not HTTP requests: {@link #SYSTEM}).
 *
 * <p>{@code partnerId} comes from the token's {@code partner_id} claim only, never from the request, and
 * only for a caller with the {@code partner} role. A partner token whose claim is missing or is not a UUID
 * links to no organisation: {@code partnerId} is null, such a caller sees no partner's data, and
 * {@link #ownPartnerId()} refuses it with the one documented failure, a 403 problem {@code no-partner}.
 *
 * @param subject  the token's {@code sub}; null for anonymous callers
 * @param username the token's {@code preferred_username}, as audit rows name people; null if absent
 * @param roles    realm roles ({@link #COMMUNITY_TEAM}, {@link #FOUNDATION_STAFF}, {@link #PARTNER})
 */
public record Caller(String subject, String username, Set<String> roles, UUID partnerId) {
    public static final String COMMUNITY_TEAM = "community-team";
    public static final String FOUNDATION_STAFF = "foundation-staff";
    public static final String PARTNER = "partner";

    /** No token. */
    public static final Caller ANONYMOUS = new Caller(null, null, Set.of(), null);
    /** The service itself: demo data, scheduled sweeps, consumers. Acts with the community team's rights. */
    public static final Caller SYSTEM = new Caller("system", "system", Set.of(COMMUNITY_TEAM), null);

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean isAnonymous() {
        return subject == null && roles.isEmpty();
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean isCommunityTeam() {
        return has(COMMUNITY_TEAM);
    }

    public boolean isFoundationStaff() {
        return has(FOUNDATION_STAFF);
    }

    /** The community team or foundation staff: they see every partner. */
    public boolean isStaff() {
        return isCommunityTeam() || isFoundationStaff();
    }

    /** A partner's own user, not also staff: sees its own organisation only. */
    public boolean isPartner() {
        return has(PARTNER) && !isStaff();
    }

    /** True when this caller is a partner user of {@code partner}. */
    public boolean actsFor(UUID partner) {
        return partnerId != null && partnerId.equals(partner);
    }

    /**
     * The caller's own organisation.
     *
     * @throws AccessDenied {@code no-partner} (403) when the token carries no valid {@code partner_id}
     */
    public UUID ownPartnerId() {
        if (partnerId == null) {
            throw new AccessDenied("no-partner", "No partner organisation",
                    "Your account is not linked to a partner organisation");
        }
        return partnerId;
    }

    /**
     * The name staff are recorded under.
     *
     * @throws AccessDenied {@code no-username} (403) when the token carries no {@code preferred_username}
     */
    public String requireUsername() {
        if (username == null || username.isBlank()) {
            throw new AccessDenied("no-username", "No username",
                    "Your token carries no preferred_username, so you cannot be named as a staff member");
        }
        return username;
    }
}
