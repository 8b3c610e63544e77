package dev.trellis.platform.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trellis.platform.security.Caller;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditActorTest {

    @Test
    void aPersonIsAUserNamedByUsername() {
        assertEquals(new AuditActor("user", "cora"),
                AuditActor.of(new Caller("cora-id", "cora", Set.of(Caller.COMMUNITY_TEAM), null)));
    }

    @Test
    void aClientCredentialsTokenIsAClientNamedByItsClientId() {
        assertEquals(new AuditActor("client", "acme-erp"), AuditActor.of(new Caller("sa-id",
                "service-account-acme-erp", Set.of(Caller.PARTNER), UUID.randomUUID())));
    }

    @Test
    void withoutAUsernameTheSubjectNamesTheUser() {
        assertEquals(new AuditActor("user", "sub-1"), AuditActor.of(new Caller("sub-1", null, Set.of(Caller.PARTNER), null)));
    }

    @Test
    void theServiceItselfAndAnonymousCallers() {
        assertEquals(AuditActor.SYSTEM_ACTOR, AuditActor.of(Caller.SYSTEM));
        assertEquals(new AuditActor("anonymous", null), AuditActor.of(Caller.ANONYMOUS));
    }

    @Test
    void entityTypesAreKebabCaseAndCompositeIdsJoinTheirParts() {
        assertEquals("key-contact", AuditInterceptor.typeName("KeyContact"));
        assertEquals("partner", AuditInterceptor.typeName("Partner"));
        UUID membership = UUID.randomUUID();
        assertEquals(membership + "/BILLING", AuditInterceptor.entityId(new Key(membership, "BILLING"), null));
        assertEquals(membership.toString(), AuditInterceptor.entityId(membership, null));
    }

    @Test
    void changesKeepTheFirstBeforeAndTheLastAfterAndMaskedStaysMasked() {
        AuditChanges first = AuditChanges.of().field("tier", "GOLD", "SILVER").masked("email");
        first.merge(AuditChanges.of().field("tier", "SILVER", "PLATINUM").field("email", "a@x", "b@x"));
        assertEquals(new AuditChanges.Change("GOLD", "PLATINUM", false), first.fields().get("tier"));
        assertEquals(new AuditChanges.Change(null, null, true), first.fields().get("email"));
        assertEquals(0, AuditChanges.of().field("same", 1, 1).fields().size());
    }

    /** Like an {@code @EmbeddedId}: public fields. */
    public static final class Key {
        public final UUID membershipId;
        public final String role;

        Key(UUID membershipId, String role) {
            this.membershipId = membershipId;
            this.role = role;
        }
    }
}
