package dev.trellis.event.domain;

import dev.trellis.platform.persistence.Timestamped;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** A user group (chapter) that holds meetups. */
@Entity
@Table(name = "user_group")
public class UserGroup extends Timestamped {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String name;
    @Column(nullable = false)
    public String city;
    /** ISO 3166-1 alpha-2. */
    @Column(nullable = false, length = 2)
    public String country;
    /** Contact ids (partner-service) of the people who run it. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_group_organiser", joinColumns = @JoinColumn(name = "user_group_id"))
    @Column(name = "contact_id", nullable = false)
    public Set<UUID> organiserIds = new LinkedHashSet<>();
    @Version
    public long version;
}
