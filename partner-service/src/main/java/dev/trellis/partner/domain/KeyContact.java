package dev.trellis.partner.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A contact named for a role on a membership (primary, voting, billing, marketing, technical). */
@Entity
@Table(name = "key_contact")
public class KeyContact extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    @Column(name = "contact_id", nullable = false)
    public UUID contactId;
    @Column(name = "assigned_at", nullable = false)
    public Instant assignedAt;

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "membership_id")
        public UUID membershipId;
        @Enumerated(EnumType.STRING)
        @Column(name = "role")
        public KeyContactRole role;

        protected Key() {
        }

        public Key(UUID membershipId, KeyContactRole role) {
            this.membershipId = membershipId;
            this.role = role;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(membershipId, k.membershipId) && role == k.role;
        }

        @Override
        public int hashCode() {
            return Objects.hash(membershipId, role);
        }

        /** {@code <membershipId>/<role>}: the key's audit entity id (docs/audit.md). */
        @Override
        public String toString() {
            return membershipId + "/" + role;
        }
    }
}
