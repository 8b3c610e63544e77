package dev.trellis.partner.persistence;

import dev.trellis.partner.domain.LifecycleStatus;
import dev.trellis.partner.domain.Partner;
import dev.trellis.platform.paging.Cursor;
import dev.trellis.platform.paging.PageRequest;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The partner list (keyset-paged, searched by trigram) and the email-domain check; joins the caller's transaction. */
@ApplicationScoped
public class PartnerQueries {
    private static final int FEW_SEARCH_MATCHES = 2000;
    private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\":\\s*(\\d+)");

    private final EntityManager em;

    public PartnerQueries(EntityManager em) {
        this.em = em;
    }

    /**
     * One page in (lower(name), id) order; fetches one extra row to tell whether there is a next page.
     * Null criteria do not filter.
     *
     * @param text        searched in names and email domains (case-insensitive, substring)
     * @param tier        the tier in effect on {@code today}: a pending tier change counts from its effective date
     * @param onlyPartner set for partner users: the list never leaves their own organisation
     */
    public List<Partner> page(String text, LifecycleStatus status, String country, String tier, UUID onlyPartner,
            LocalDate today, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (onlyPartner != null) {
            where.add("p.id = :only");
            params.and("only", onlyPartner);
        }
        boolean fewMatches = false;
        if (text != null && !text.isBlank()) {
            String pattern = "%" + likeEscape(text.strip().toLowerCase(Locale.ROOT)) + "%";
            where.add("p.searchText like :q escape '\\'");
            params.and("q", pattern);
            fewMatches = text.strip().length() >= 3 && fewSearchMatches(pattern);
        }
        if (status != null) {
            where.add("p.lifecycleStatus = :status");
            params.and("status", status);
        }
        if (country != null) {
            where.add("p.country = :country");
            params.and("country", country);
        }
        if (tier != null) {
            where.add("""
                    exists (select 1 from Membership m where m.partnerId = p.id
                      and (case when m.pendingTierEffective <= :today then m.pendingTier else m.tier end) = :tier)""");
            params.and("tier", tier).and("today", today);
        }
        Cursor after = page.decodedCursor(2);
        if (after != null) {
            // A row comparison, so PostgreSQL walks the (lower(name), id) index from the cursor on.
            where.add("(lower(p.name), p.id) > (:afterName, :afterId)");
            params.and("afterName", after.key(0)).and("afterId", after.uuid(1));
        }
        // Few matches: sort by an expression the name index cannot provide, so PostgreSQL collects them through
        // the trigram index and top-N sorts them. Walking the name index and filtering (its choice otherwise) reads
        // most of the table when the matches sit late in name order (docs/benchmarks.md, partner list).
        String order = fewMatches ? " order by lower(p.name) || '', p.id" : " order by lower(p.name), p.id";
        String query = "from Partner p" + (where.isEmpty() ? "" : " where " + String.join(" and ", where)) + order;
        return Partner.find(query, params).page(0, page.fetchSize()).list();
    }

    public static Cursor cursorOf(Partner partner) {
        return Cursor.of(partner.name.toLowerCase(Locale.ROOT), partner.id);
    }

    /** Which of {@code domains} belong to a partner other than {@code partnerId} already. */
    public List<?> domainsOfOthers(Collection<String> domains, UUID partnerId) {
        if (domains.isEmpty()) {
            return List.of();
        }
        return em.createNativeQuery("select domain from partner_domain where domain in (:domains) and partner_id <> :id")
                .setParameter("domains", domains).setParameter("id", partnerId).getResultList();
    }

    /**
     * Whether fewer than {@value #FEW_SEARCH_MATCHES} partners are expected to match, by the planner's own
     * estimate from the trigram statistics (EXPLAIN plans, it does not run the query: well under a
     * millisecond, where counting the matches cost 15 ms when every partner matched).
     */
    private boolean fewSearchMatches(String likePattern) {
        Object plan = em.createNativeQuery(
                        "explain (format json) select 1 from partner where search_text like :q escape '\\'")
                .setParameter("q", likePattern).getSingleResult();
        Matcher rows = PLAN_ROWS.matcher(String.valueOf(plan));
        return rows.find() && Long.parseLong(rows.group(1)) < FEW_SEARCH_MATCHES;
    }

    private static String likeEscape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
