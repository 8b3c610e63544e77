package dev.trellis.event.service;

import dev.trellis.event.domain.Event;
import dev.trellis.event.domain.EventStatus;
import dev.trellis.event.domain.UserGroup;
import dev.trellis.event.domain.UserGroupHealth;
import dev.trellis.event.rest.dto.UserGroupPatch;
import dev.trellis.event.rest.dto.UserGroupRequest;
import dev.trellis.platform.http.Cursor;
import dev.trellis.platform.http.EntityTags;
import dev.trellis.platform.http.MergePatch;
import dev.trellis.platform.http.PageRequest;
import dev.trellis.platform.http.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** User groups, and their health and eligibility from the meetups they have held. */
@ApplicationScoped
public class UserGroupService {
    /** The meetups that count as held: published or completed (not cancelled), and started. */
    private static final List<EventStatus> HELD = List.of(EventStatus.PUBLISHED, EventStatus.COMPLETED);

    /** A group with what its meetups say about it. */
    public record Summary(UserGroup group, long meetupsHeld, Instant lastMeetupAt, UserGroupHealth.Health health,
            boolean eligible) {
    }

    @Transactional
    public List<Summary> list(PageRequest page) {
        Cursor after = page.decodedCursor(2);
        List<UserGroup> groups = after == null
                ? UserGroup.find("order by name, id").page(0, page.fetchSize()).list()
                : UserGroup.find("(name, id) > (?1, ?2) order by name, id", after.key(0), after.uuid(1))
                        .page(0, page.fetchSize()).list();
        return summaries(groups, Instant.now());
    }

    public static Cursor cursorOf(Summary s) {
        return Cursor.of(s.group().name, s.group().id);
    }

    @Transactional
    public Summary get(UUID id) {
        return summaries(List.of(find(id)), Instant.now()).get(0);
    }

    /** The group's meetups that anyone may see (not drafts), newest first; at most {@code limit}. */
    @Transactional
    public List<Event> meetups(UUID id, int limit) {
        return Event.find("userGroupId = ?1 and status <> ?2 order by startsAt desc, id", id, EventStatus.DRAFT)
                .page(0, limit).list();
    }

    @Transactional
    public UserGroup create(UUID id, UserGroupRequest request) {
        UserGroup g = new UserGroup();
        g.id = id;
        g.name = request.name().strip();
        g.city = request.city().strip();
        g.country = request.country();
        g.organiserIds = new LinkedHashSet<>(request.organiserIds() == null ? List.of() : request.organiserIds());
        g.persist();
        return g;
    }

    @Transactional
    public UserGroup createIfAbsent(UUID id, UserGroupRequest request) {
        UserGroup existing = UserGroup.findById(id);
        return existing != null ? existing : create(id, request);
    }

    @Transactional
    public UserGroup update(UUID id, String ifMatch, MergePatch<UserGroupPatch> patch) {
        UserGroup g = find(id);
        EntityTags.requireMatch(ifMatch, g.version);
        UserGroupPatch p = patch.value();
        if (patch.has("name")) {
            g.name = Patches.required("name", p.name()).strip();
        }
        if (patch.has("city")) {
            g.city = Patches.required("city", p.city()).strip();
        }
        if (patch.has("country")) {
            g.country = Patches.required("country", p.country());
        }
        if (patch.has("organiserIds")) {
            g.organiserIds.clear();
            g.organiserIds.addAll(p.organiserIds() == null ? List.of() : p.organiserIds());
            g.version++; // a change of the collection alone would not bump the version
        }
        UserGroup.flush();
        return g;
    }

    private static UserGroup find(UUID id) {
        return UserGroup.<UserGroup>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("User group", id));
    }

    private static List<Summary> summaries(List<UserGroup> groups, Instant now) {
        if (groups.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Instant>> held = new HashMap<>();
        List<Object[]> rows = Event.getEntityManager().createQuery(
                "select e.userGroupId, e.startsAt from Event e where e.userGroupId in :ids and e.status in :held"
                        + " and e.startsAt <= :now", Object[].class)
                .setParameter("ids", groups.stream().map(g -> g.id).toList())
                .setParameter("held", HELD).setParameter("now", now).getResultList();
        for (Object[] row : rows) {
            held.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add((Instant) row[1]);
        }
        List<Summary> result = new ArrayList<>();
        for (UserGroup g : groups) {
            Collection<Instant> meetups = held.getOrDefault(g.id, List.of());
            Instant last = meetups.stream().max(Instant::compareTo).orElse(null);
            result.add(new Summary(g, meetups.size(), last, UserGroupHealth.health(meetups, now),
                    UserGroupHealth.eligible(meetups, now)));
        }
        return result;
    }
}
