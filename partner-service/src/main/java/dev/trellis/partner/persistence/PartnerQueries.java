package dev.trellis.partner.persistence;

import dev.trellis.partner.domain.LifecycleStatus;
import dev.trellis.partner.domain.MembershipStatus;
import dev.trellis.partner.domain.Partner;
import dev.trellis.platform.paging.Cursor;
import dev.trellis.platform.paging.PageRequest;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
     * What a page of partners is filtered by; a null (or empty) criterion does not filter.
     *
     * @param text              searched in names and email domains (case-insensitive, substring)
     * @param tier              the tier in effect on {@code today}: a pending tier change counts from its effective date
     * @param onlyPartner       set for partner users: the list never leaves their own organisation
     * @param group             only these partners (a related-company group)
     * @param membershipStatuses only partners whose membership has one of these statuses on {@code today}
     * @param withoutMembership  also (or, with no statuses, only) partners that have no membership
     * @param firstNewStart     from {@code MembershipRules.firstNewStart(today)}: a term started on or after it is NEW today
     */
    public record Criteria(String text, LifecycleStatus status, String country, String tier, UUID onlyPartner,
            Set<UUID> group, Set<MembershipStatus> membershipStatuses, boolean withoutMembership, LocalDate today,
            LocalDate firstNewStart) {
    }

    /** One page in (lower(name), id) order; fetches one extra row to tell whether there is a next page. */
    public List<Partner> page(Criteria criteria, PageRequest page) {
        String text = criteria.text();
        LifecycleStatus status = criteria.status();
        String country = criteria.country();
        String tier = criteria.tier();
        UUID onlyPartner = criteria.onlyPartner();
        LocalDate today = criteria.today();
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
        if (criteria.group() != null) {
            where.add("p.id in :group");
            params.and("group", criteria.group());
        }
        Set<MembershipStatus> statuses = criteria.membershipStatuses() == null ? Set.of() : criteria.membershipStatuses();
        if (!statuses.isEmpty() || criteria.withoutMembership()) {
            List<String> any = new ArrayList<>();
            if (!statuses.isEmpty()) {
                any.add("exists (select 1 from Membership m where m.partnerId = p.id and ("
                        + String.join(" or ", statuses.stream().sorted().map(PartnerQueries::statusCondition).toList())
                        + "))");
                params.and("today", today);
                if (statuses.contains(MembershipStatus.NEW) || statuses.contains(MembershipStatus.CURRENT)) {
                    params.and("firstNewStart", criteria.firstNewStart());
                }
            }
            if (criteria.withoutMembership()) {
                any.add("not exists (select 1 from Membership m where m.partnerId = p.id)");
            }
            where.add("(" + String.join(" or ", any) + ")");
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

    /**
     * A membership's status on {@code :today} as {@code MembershipRules.status} derives it, in JPQL over
     * {@code m}: an auto-renewing membership has rolled into its next term, so it is never in grace or expired.
     */
    private static String statusCondition(MembershipStatus status) {
        String live = "m.termStart <= :today and (m.termEnd >= :today or m.autoRenew = true)";
        String lapsing = "m.autoRenew = false and m.termEnd < :today";
        return switch (status) {
            case PENDING -> "(:today < m.termStart)";
            case NEW -> "(" + live + " and m.termStart >= :firstNewStart)";
            case CURRENT -> "(" + live + " and m.termStart < :firstNewStart)";
            case GRACE -> "(" + lapsing + " and m.termEnd + (m.graceDays) day >= :today)";
            case EXPIRED -> "(" + lapsing + " and m.termEnd + (m.graceDays) day < :today)";
        };
    }

    public static Cursor cursorOf(Partner partner) {
        return Cursor.of(partner.name.toLowerCase(Locale.ROOT), partner.id);
    }

    /** The names of these partners, by id (unknown ids are left out). */
    public Map<UUID, String> names(Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        em.createQuery("select p.id, p.name from Partner p where p.id in :ids", Object[].class)
                .setParameter("ids", Set.copyOf(ids)).getResultList()
                .forEach(row -> names.put((UUID) row[0], (String) row[1]));
        return names;
    }

    /** A member of a related-company group. */
    public record GroupMember(UUID id, String name) {
    }

    /**
     * The related-company group of a partner, in one round trip: the top of its parent chain and every
     * partner below it, the partner itself included, in (lower(name), id) order. Empty if there is no such
     * partner. ("union", not "union all": a circle, which PartnerService refuses, could not loop forever.)
     */
    public List<GroupMember> companyGroup(UUID partnerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        with recursive up(id, parent) as (
                            select id, parent_partner_id from partner where id = :id
                            union select p.id, p.parent_partner_id from partner p join up on p.id = up.parent),
                        grp(id) as (
                            select id from up where parent is null
                            union select p.id from partner p join grp on p.parent_partner_id = grp.id)
                        select p.id, p.name from grp join partner p on p.id = grp.id order by lower(p.name), p.id""")
                .setParameter("id", partnerId).getResultList();
        return rows.stream().map(row -> new GroupMember((UUID) row[0], (String) row[1])).toList();
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
