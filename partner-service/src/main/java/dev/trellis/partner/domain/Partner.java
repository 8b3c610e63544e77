package dev.trellis.partner.domain;

import dev.trellis.platform.persistence.Timestamped;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A partner organisation: a member company, a sponsor, or one being recruited. */
@Entity
@Table(name = "partner")
public class Partner extends Timestamped {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String name;
    @Column(name = "legal_name")
    public String legalName;
    public String website;
    public String description;
    @Column(name = "logo_url")
    public String logoUrl;
    public String country;
    /** Parent of the related-company group (common >50% control); null if none. */
    @Column(name = "parent_partner_id")
    public UUID parentPartnerId;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "partner_domain", joinColumns = @JoinColumn(name = "partner_id"))
    @Column(name = "domain")
    public Set<String> emailDomains = new TreeSet<>();
    @Enumerated(EnumType.STRING)
    @Column(name = "lifecycle_status", nullable = false)
    public LifecycleStatus lifecycleStatus;
    /** When the partner left (became LAPSED or FORMER); null while it is a prospect or active. Retention counts from it. */
    @Column(name = "left_on")
    public LocalDate leftOn;
    @Column(name = "search_text", nullable = false)
    public String searchText = "";
    /** The partner's id in the system an import came from; unique when set (the import's natural key). */
    @Column(name = "external_id")
    public String externalId;
    /**
     * Who last wrote each field an import may write (migration V14), null when never written: an import writes a
     * field only when its source yields to an import ({@link AffiliationSource#yieldsTo}), so a manual edit wins.
     */
    @Enumerated(EnumType.STRING)
    @Column(name = "name_source")
    public AffiliationSource nameSource;
    @Enumerated(EnumType.STRING)
    @Column(name = "legal_name_source")
    public AffiliationSource legalNameSource;
    @Enumerated(EnumType.STRING)
    @Column(name = "website_source")
    public AffiliationSource websiteSource;
    @Enumerated(EnumType.STRING)
    @Column(name = "country_source")
    public AffiliationSource countrySource;
    /** Of {@link #parentPartnerId}, the company group. */
    @Enumerated(EnumType.STRING)
    @Column(name = "parent_source")
    public AffiliationSource parentSource;
    @Version
    public long version;

    /**
     * Moves the partner to {@code next} on {@code effective}: leaving (to LAPSED or FORMER from a prospect or an
     * active partner) sets {@link #leftOn}, a lapsed partner becoming FORMER keeps the day it left, coming back clears it.
     */
    public void moveTo(LifecycleStatus next, LocalDate effective) {
        boolean gone = next == LifecycleStatus.LAPSED || next == LifecycleStatus.FORMER;
        if (!gone) {
            leftOn = null;
        } else if (leftOn == null) {
            leftOn = effective;
        }
        lifecycleStatus = next;
    }

    /** Keeps {@link #searchText} (what ?q= searches) in step with the name and domains; call after changing either. */
    public void reindex() {
        StringBuilder text = new StringBuilder(name.toLowerCase(Locale.ROOT));
        emailDomains.forEach(d -> text.append(' ').append(d));
        searchText = text.toString();
    }

    @Override
    protected void beforeCreate() {
        reindex();
    }
}
