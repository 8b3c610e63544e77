package dev.trellis.insights.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The last composition of a board published in a month (the month's first day): the report's trend is made of these. */
@Entity
@Table(name = "board_composition_month")
public class BoardCompositionMonth extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    @Column(name = "seats_held", nullable = false)
    public int seatsHeld;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String groups;

    @Embeddable
    public record Key(@Column(name = "board_id") UUID boardId, @Column(name = "month") LocalDate month) implements Serializable {
    }
}
