package dev.trellis.partner.domain;

import dev.trellis.platform.persistence.Timestamped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
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
    /** Also bumped by affiliation and consent changes, which are part of the contact's representation. */
    @Version
    public long version;
}
