package dev.trellis.partner.domain;

import dev.trellis.platform.persistence.Timestamped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A person the foundation deals with. Personal data: never logged. */
@Entity
@Table(name = "contact")
public class Contact extends Timestamped {
    @Id
    public UUID id;
    @Column(name = "first_name", nullable = false)
    public String firstName;
    @Column(name = "last_name", nullable = false)
    public String lastName;
    /** Unique case-insensitively; stored as given. */
    @Column(nullable = false)
    public String email;
    public String phone;
    @Column(name = "job_title")
    public String jobTitle;
    /**
     * Who last wrote each detail (null: never written): an import changes only a detail no person set
     * ({@link AffiliationSource#yieldsTo}), so a manual edit wins over any later import of the same field.
     */
    @Enumerated(EnumType.STRING)
    @Column(name = "first_name_source")
    public AffiliationSource firstNameSource;
    @Enumerated(EnumType.STRING)
    @Column(name = "last_name_source")
    public AffiliationSource lastNameSource;
    @Enumerated(EnumType.STRING)
    @Column(name = "phone_source")
    public AffiliationSource phoneSource;
    @Enumerated(EnumType.STRING)
    @Column(name = "job_title_source")
    public AffiliationSource jobTitleSource;
    /** Set when the contact was erased for privacy: the fields above then hold placeholders. */
    @Column(name = "erased_at")
    public Instant erasedAt;
    /** Also bumped by affiliation and consent changes, which are part of the contact's representation. */
    @Version
    public long version;

    /** First and last name of every erased contact. */
    public static final String ERASED_FIRST_NAME = "Erased";
    public static final String ERASED_LAST_NAME = "contact";

    public boolean erased() {
        return erasedAt != null;
    }

    /**
     * Overwrites the personal data with placeholders. The email stays unique (the index on it) and
     * is in the reserved .invalid domain, so nothing can ever be sent to it.
     */
    public void erase(Instant when) {
        firstName = ERASED_FIRST_NAME;
        lastName = ERASED_LAST_NAME;
        email = "erased-" + id + "@erased.invalid";
        phone = null;
        jobTitle = null;
        erasedAt = when;
    }
}
