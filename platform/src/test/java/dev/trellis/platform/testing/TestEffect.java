package dev.trellis.platform.testing;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The visible effect of {@link TestEffectConsumer}. */
@Entity
@Table(name = "test_effect")
public class TestEffect extends PanacheEntity {
    @Column(name = "event_id")
    public String eventId;
    public String payload;
}
