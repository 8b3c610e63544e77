package dev.trellis.insights.service;

import dev.trellis.contracts.partner.MembershipTerms;
import dev.trellis.insights.config.GrowthConfig;
import dev.trellis.insights.domain.PartnerDomain;
import dev.trellis.insights.domain.PartnerProfile;
import dev.trellis.insights.domain.RegistrationView;
import dev.trellis.insights.domain.TimelineKind;
import dev.trellis.insights.persistence.InsightsQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Growth leads (docs/insights.md): organisations that are not members but whose people come to events (prospects, by
 * the registrations' email domain), and members whose participation is that of the tier above (upgrade leads). Read
 * from the read model on each call; nothing is stored.
 */
@ApplicationScoped
public class GrowthLeadsService {
    private final GrowthConfig config;
    private final InsightsQueries queries;
    private final Clock clock;

    public GrowthLeadsService(GrowthConfig config, InsightsQueries queries, Clock clock) {
        this.config = config;
        this.queries = queries;
        this.clock = clock;
    }

    /**
     * A domain whose people registered: registrations not cancelled, those attended, the distinct people (known contacts,
     * plus the most guests at any one event: guests cannot be followed across events without their address, which never
     * reaches insights, so this is a lower bound), when last heard of, and the non-member partner the domain belongs to,
     * if any.
     */
    public record Prospect(String domain, int registrations, int attendances, int people, Instant lastSeen,
            UUID knownPartnerId, String knownPartnerName, String knownPartnerStatus, String nextAction) {
    }

    /** A member whose participation is at or above the median of the tier above. */
    public record Upgrade(UUID partnerId, String partnerName, String tier, String nextTier, int attended, int sponsorships,
            int participation, double nextTierMedian, int nextTierMembers, int windowDays, String nextAction) {
    }

    public record Report(LocalDate asOf, List<Prospect> prospects, List<Upgrade> upgrades) {
    }

    @Transactional
    public Report report(int limit) {
        LocalDate today = LocalDate.now(clock);
        Map<UUID, PartnerProfile> partners = PartnerProfile.<PartnerProfile>listAll().stream()
                .collect(Collectors.toMap(p -> p.partnerId, p -> p));
        Map<UUID, String> memberTiers = new HashMap<>();
        partners.values().forEach(p -> tierOfMember(p, today).ifPresent(t -> memberTiers.put(p.partnerId, t)));
        List<Prospect> prospects = prospects(today, partners, memberTiers);
        List<Upgrade> upgrades = upgrades(today, partners, memberTiers);
        return new Report(today, prospects.stream().limit(limit).toList(), upgrades.stream().limit(limit).toList());
    }

    /** The partner's tier today if it is a member today (neither lapsed nor former, its membership new, current or in grace). */
    private static Optional<String> tierOfMember(PartnerProfile p, LocalDate today) {
        Optional<MembershipTerms> terms = p.terms();
        if (!p.lifecycleActive() || terms.isEmpty() || !terms.get().memberOn(today)) {
            return Optional.empty();
        }
        return Optional.ofNullable(terms.get().tierOn(today));
    }

    private List<Prospect> prospects(LocalDate today, Map<UUID, PartnerProfile> partners, Map<UUID, String> memberTiers) {
        Set<String> freeMail = config.freeMailDomains().stream().map(d -> d.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Map<String, UUID> owners = new HashMap<>();
        Set<String> memberDomains = new HashSet<>();
        for (PartnerDomain d : PartnerDomain.<PartnerDomain>listAll()) {
            if (memberTiers.containsKey(d.key.partnerId())) {
                memberDomains.add(d.key.domain());
            } else {
                owners.merge(d.key.domain(), d.key.partnerId(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        Instant from = today.minusDays(config.prospectWindowDays()).atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<String, List<RegistrationView>> byDomain = RegistrationView.<RegistrationView>list(
                "emailDomain is not null and lastSeenAt >= ?1", from).stream()
                // a registration under a member's company snapshot is the member's, whatever the address
                .filter(r -> r.partnerId == null || !memberTiers.containsKey(r.partnerId))
                .filter(r -> !freeMail.contains(r.emailDomain) && !memberDomains.contains(r.emailDomain))
                .collect(Collectors.groupingBy(r -> r.emailDomain));
        List<Prospect> out = new ArrayList<>();
        byDomain.forEach((domain, regs) -> {
            List<RegistrationView> live = regs.stream().filter(r -> !"CANCELLED".equals(r.status) || r.attended).toList();
            if (live.size() < config.prospectMinRegistrations()) {
                return;
            }
            int attendances = (int) live.stream().filter(r -> r.attended).count();
            long contacts = live.stream().map(r -> r.contactId).filter(c -> c != null).distinct().count();
            long guests = live.stream().filter(r -> r.contactId == null).collect(Collectors.groupingBy(r -> r.eventId, Collectors.counting()))
                    .values().stream().mapToLong(Long::longValue).max().orElse(0);
            Instant lastSeen = live.stream().map(r -> r.lastSeenAt).max(Instant::compareTo).orElseThrow();
            UUID owner = owners.get(domain);
            PartnerProfile known = owner == null ? null : partners.get(owner);
            String who = known != null && known.name != null ? known.name : domain;
            String action = attendances == 0
                    ? "Follow up with the " + live.size() + " registrants from " + domain + " after their next event"
                    : "Find the decision maker at " + who + " and introduce the membership tiers: " + attendances
                            + " attendance(s) at our events";
            out.add(new Prospect(domain, live.size(), attendances, (int) (contacts + guests), lastSeen,
                    known == null ? null : known.partnerId, known == null ? null : known.name,
                    known == null ? null : known.lifecycleStatus, action));
        });
        out.sort(Comparator.comparingInt(Prospect::attendances).reversed()
                .thenComparing(Comparator.comparingInt(Prospect::people).reversed())
                .thenComparing(Comparator.comparingInt(Prospect::registrations).reversed())
                .thenComparing(Prospect::lastSeen, Comparator.reverseOrder())
                .thenComparing(Prospect::domain));
        return out;
    }

    private List<Upgrade> upgrades(LocalDate today, Map<UUID, PartnerProfile> partners, Map<UUID, String> memberTiers) {
        List<String> ladder = config.tierLadder().stream().map(String::strip).toList();
        Instant to = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant from = to.minus(config.upgradeWindowDays(), ChronoUnit.DAYS);
        Map<UUID, int[]> counts = new HashMap<>();
        for (Object[] row : queries.countsByPartner(Set.of(TimelineKind.ATTENDED, TimelineKind.SPONSORED), from, to)) {
            int[] c = counts.computeIfAbsent((UUID) row[0], p -> new int[2]);
            c[row[1] == TimelineKind.ATTENDED ? 0 : 1] += ((Number) row[2]).intValue();
        }
        List<Upgrade> out = new ArrayList<>();
        for (int i = 0; i + 1 < ladder.size(); i++) {
            String tier = ladder.get(i);
            String next = ladder.get(i + 1);
            List<Integer> peers = memberTiers.entrySet().stream().filter(e -> next.equals(e.getValue()))
                    .map(e -> participation(counts.get(e.getKey()))).sorted().toList();
            if (peers.size() < Math.max(1, config.upgradeMinPeers())) {
                continue;
            }
            double median = peers.size() % 2 == 1 ? peers.get(peers.size() / 2)
                    : (peers.get(peers.size() / 2 - 1) + peers.get(peers.size() / 2)) / 2.0;
            memberTiers.forEach((partner, t) -> {
                if (!tier.equals(t)) {
                    return;
                }
                int[] c = counts.getOrDefault(partner, new int[2]);
                int participation = c[0] + c[1];
                if (participation < config.upgradeMinParticipation() || participation < median) {
                    return;
                }
                PartnerProfile p = partners.get(partner);
                String name = p == null || p.name == null ? partner.toString() : p.name;
                out.add(new Upgrade(partner, p == null ? null : p.name, tier, next, c[0], c[1], participation, median, peers.size(),
                        config.upgradeWindowDays(), "Open an upgrade conversation with " + name + " about " + next + ": "
                                + participation + " events attended or sponsored in the last " + config.upgradeWindowDays()
                                + " days, against a " + next + " median of " + format(median)));
            });
        }
        out.sort(Comparator.comparingDouble((Upgrade u) -> u.participation() - u.nextTierMedian()).reversed()
                .thenComparing(Comparator.comparingInt(Upgrade::participation).reversed())
                .thenComparing(u -> u.partnerId().toString()));
        return out;
    }

    private static int participation(int[] c) {
        return c == null ? 0 : c[0] + c[1];
    }

    private static String format(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
