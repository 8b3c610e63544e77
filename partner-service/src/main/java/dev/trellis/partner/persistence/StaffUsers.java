package dev.trellis.partner.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/** The staff members partner-service has seen (table {@code staff_user}); joins the caller's transaction. */
@ApplicationScoped
public class StaffUsers {
    private final EntityManager em;

    public StaffUsers(EntityManager em) {
        this.em = em;
    }

    /** Records a username (lower-case) once; a second sighting changes nothing. */
    public void record(String username, Instant at) {
        em.createNativeQuery("insert into staff_user (username, first_seen_at) values (:u, :at) on conflict do nothing")
                .setParameter("u", username).setParameter("at", at).executeUpdate();
    }

    /**
     * Records a username (lower-case) with the address of its token's {@code email} claim: once, and the address
     * again when it changed (a null address keeps the one recorded).
     */
    public void record(String username, String email, Instant at) {
        if (email == null) {
            record(username, at);
            return;
        }
        em.createNativeQuery("""
                        insert into staff_user (username, first_seen_at, email) values (:u, :at, :e)
                        on conflict (username) do update set email = excluded.email
                        where staff_user.email is distinct from excluded.email""")
                .setParameter("u", username).setParameter("at", at).setParameter("e", email).executeUpdate();
    }

    public boolean known(String username) {
        return !em.createNativeQuery("select 1 from staff_user where username = :u").setParameter("u", username)
                .getResultList().isEmpty();
    }
}
