package dev.trellis.insights.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** One of a partner's email domains, as partner-service's partner events list them (lower-cased). */
@Entity
@Table(name = "partner_domain")
public class PartnerDomain extends PanacheEntityBase {
    @EmbeddedId
    public Key key;

    @Embeddable
    public record Key(@Column(name = "partner_id") UUID partnerId, @Column(name = "domain") String domain) implements Serializable {
    }
}
