package dev.trellis.insights.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** A member's own tier-appointed seats on a board, as advisory-service last published them: entitled and filled. */
@Entity
@Table(name = "board_entitlement")
public class BoardEntitlement extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    @Column(nullable = false)
    public String tier;
    @Column(nullable = false)
    public int entitled;
    @Column(nullable = false)
    public int filled;

    @Embeddable
    public record Key(@Column(name = "board_id") UUID boardId, @Column(name = "partner_id") UUID partnerId) implements Serializable {
    }
}
