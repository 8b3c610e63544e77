package dev.trellis.event.service;

import dev.trellis.event.domain.Event;
import dev.trellis.event.domain.EventStatus;
import dev.trellis.event.domain.PartnerView;
import dev.trellis.event.domain.UserGroup;
import dev.trellis.event.domain.UserGroupHealth;
import dev.trellis.event.persistence.PartnerDirectory;
import dev.trellis.event.persistence.UserGroupQueries;
import dev.trellis.event.service.command.NewUserGroup;
import dev.trellis.event.service.command.UserGroupChanges;
import dev.trellis.platform.domain.InvalidInput;
import dev.trellis.platform.domain.NotFound;
import dev.trellis.platform.domain.Versions;
import dev.trellis.platform.paging.Page;
import dev.trellis.platform.paging.PageRequest;
import dev.trellis.platform.patch.MergePatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** User groups, and their health and eligibility from the meetups they have held. */
@ApplicationScoped
public class UserGroupService {

    /** A group with what its meetups say about it, and who runs it. */
    public record Summary(UserGroup group, long meetupsHeld, Instant lastMeetupAt, UserGroupHealth.Health health,
            boolean eligible, List<Organiser> organisers) {
    }

    /** An organiser (a partner-service contact) and the partner it works for now, if the read model knows one. */
    public record Organiser(UUID contactId, UUID partnerId, String partnerName) {
    }

    private final UserGroupQueries queries;
    private final PartnerDirectory partners;
    private final Clock clock;

    public UserGroupService(UserGroupQueries queries, PartnerDirectory partners, Clock clock) {
        this.queries = queries;
        this.partners = partners;
        this.clock = clock;
    }

    /** One page by (name, id), each group with its health as of now. */
    @Transactional
    public Page<Summary> list(PageRequest page) {
        Page<UserGroup> groups = queries.page(page);
        return new Page<>(summaries(groups.items(), Instant.now(clock)), groups.next());
    }

    @Transactional
    public Summary get(UUID id) {
        return summaries(List.of(find(id)), Instant.now(clock)).get(0);
    }

    /** The group's meetups that anyone may see (not drafts), newest first; at most {@code limit}. */
    @Transactional
    public List<Event> meetups(UUID id, int limit) {
        return Event.find("userGroupId = ?1 and status <> ?2 order by startsAt desc, id", id, EventStatus.DRAFT)
                .page(0, limit).list();
    }

    @Transactional
    public UserGroup create(UUID id, NewUserGroup group) {
        UserGroup g = new UserGroup();
        g.id = id;
        g.name = group.name().strip();
        g.city = group.city().strip();
        g.country = group.country();
        g.organiserIds = new LinkedHashSet<>(group.organiserIds() == null ? List.of() : group.organiserIds());
        g.persist();
        return g;
    }

    @Transactional
    public UserGroup createIfAbsent(UUID id, NewUserGroup group) {
        UserGroup existing = UserGroup.findById(id);
        return existing != null ? existing : create(id, group);
    }

    @Transactional
    public UserGroup update(UUID id, String ifMatch, MergePatch<UserGroupChanges> patch) {
        UserGroup g = find(id);
        Versions.requireMatch(ifMatch, g.version);
        g.name = required(patch, "name", g.name, c -> strip(c.name()));
        g.city = required(patch, "city", g.city, c -> strip(c.city()));
        g.country = required(patch, "country", g.country, UserGroupChanges::country);
        if (patch.has("organiserIds")) {
            List<UUID> organisers = patch.value().organiserIds();
            g.organiserIds.clear();
            g.organiserIds.addAll(organisers == null ? List.of() : organisers);
            g.version++; // a change of the collection alone would not bump the version
        }
        UserGroup.flush();
        return g;
    }

    /** A field of the patch that may be changed but not cleared: present as null, it is a 400 naming it. */
    private static <V> V required(MergePatch<UserGroupChanges> patch, String field, V current,
            Function<UserGroupChanges, V> value) {
        V changed = patch.apply(field, current, value);
        if (changed == null) {
            throw InvalidInput.field(field, "must not be null");
        }
        return changed;
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static UserGroup find(UUID id) {
        return UserGroup.<UserGroup>findByIdOptional(id).orElseThrow(() -> NotFound.of("User group", id));
    }

    private List<Summary> summaries(List<UserGroup> groups, Instant now) {
        Map<UUID, List<Instant>> held = queries.heldMeetups(groups.stream().map(g -> g.id).toList(), now);
        Map<UUID, PartnerView> employers = partners.employersOf(
                groups.stream().flatMap(g -> g.organiserIds.stream()).collect(Collectors.toSet()));
        List<Summary> result = new ArrayList<>();
        for (UserGroup g : groups) {
            Collection<Instant> meetups = held.getOrDefault(g.id, List.of());
            Instant last = meetups.stream().max(Instant::compareTo).orElse(null);
            List<Organiser> organisers = g.organiserIds.stream().map(contact -> {
                PartnerView employer = employers.get(contact);
                return new Organiser(contact, employer == null ? null : employer.partnerId,
                        employer == null ? null : employer.name);
            }).toList();
            result.add(new Summary(g, meetups.size(), last, UserGroupHealth.health(meetups, now),
                    UserGroupHealth.eligible(meetups, now), organisers));
        }
        return result;
    }
}
