package dev.trellis.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.platform.domain.AccessDenied;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class CallerTest {
    private static final UUID ACME = UUID.fromString("5f0c6a4e-0d7e-4f6b-9a57-0e4a8f1d2c3b");

    @Test
    void aPartnerUserActsForTheOrganisationInItsClaim() {
        Caller paula = Callers.of(identity(Set.of("partner"), Map.of("sub", "u-1", "preferred_username", "paula",
                "partner_id", ACME.toString())));
        assertTrue(paula.isPartner());
        assertFalse(paula.isStaff());
        assertTrue(paula.actsFor(ACME));
        assertFalse(paula.actsFor(UUID.randomUUID()));
        assertEquals(ACME, paula.ownPartnerId());
        assertEquals("paula", paula.requireUsername());
        assertEquals("u-1", paula.subject());
    }

    @Test
    void aPartnerTokenWithoutAValidClaimLinksToNoOrganisationAndIsRefusedItsOwn() {
        for (Map<String, Object> claims : java.util.List.<Map<String, Object>>of(Map.of("sub", "u-2"),
                Map.of("sub", "u-2", "partner_id", "not-a-uuid"))) {
            Caller caller = Callers.of(identity(Set.of("partner"), claims));
            assertNull(caller.partnerId());
            assertFalse(caller.actsFor(ACME));
            AccessDenied denied = assertThrows(AccessDenied.class, caller::ownPartnerId);
            assertEquals("no-partner", denied.slug());
        }
    }

    @Test
    void staffCarryNoPartnerEvenWithAClaim() {
        Caller felix = Callers.of(identity(Set.of("foundation-staff"), Map.of("sub", "u-3",
                "preferred_username", "felix", "partner_id", ACME.toString())));
        assertTrue(felix.isStaff());
        assertTrue(felix.isFoundationStaff());
        assertFalse(felix.isCommunityTeam());
        assertNull(felix.partnerId(), "the claim counts only for partner users");
    }

    @Test
    void aTokenWithoutUsernameCannotBeRecordedAsStaff() {
        Caller caller = Callers.of(identity(Set.of("community-team"), Map.of("sub", "u-4")));
        assertEquals("no-username", assertThrows(AccessDenied.class, caller::requireUsername).slug());
    }

    @Test
    void noIdentityIsAnonymous() {
        assertTrue(Callers.of(null).isAnonymous());
        assertTrue(Callers.of(QuarkusSecurityIdentity.builder().setAnonymous(true).build()).isAnonymous());
        assertFalse(Caller.SYSTEM.isAnonymous());
        assertTrue(Caller.SYSTEM.isCommunityTeam());
    }

    private static QuarkusSecurityIdentity identity(Set<String> roles, Map<String, Object> claims) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new Token(claims)).addRoles(roles).build();
    }

    private record Token(Map<String, Object> claims) implements JsonWebToken {
        @Override
        public String getName() {
            return (String) claims.get("sub");
        }

        @Override
        public Set<String> getClaimNames() {
            return claims.keySet();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return (T) claims.get(claimName);
        }
    }
}
