package dev.trellis.advisory.domain;

import dev.trellis.platform.audit.NotAudited;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The board composition last published for a board, as a fingerprint of its groups' seats and caps. */
@NotAudited
@Entity
@Table(name = "published_composition")
public class PublishedComposition extends PanacheEntityBase {
    @Id
    @Column(name = "board_id")
    public UUID boardId;
    @Column(nullable = false)
    public String fingerprint;
    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;
}
