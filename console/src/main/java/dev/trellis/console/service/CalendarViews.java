package dev.trellis.console.service;

import dev.trellis.console.api.AdvisoryApi;
import dev.trellis.console.api.ApiProblem;
import dev.trellis.console.api.CalendarApi;
import dev.trellis.console.api.EventsApi;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The calendar subscriptions a user may see: the public event feeds (event-service's, no token: addresses to copy)
 * and, for the foundation's people and for partner users whose organisation holds a seat, private feeds of the
 * boards' meetings (advisory-service: a secret address per user, shown once, revocable).
 */
@ApplicationScoped
public class CalendarViews {

    private final CalendarApi calendars;
    private final EventsApi events;
    private final AdvisoryApi advisory;
    private final Viewer viewer;

    CalendarViews(@RestClient CalendarApi calendars, @RestClient EventsApi events, @RestClient AdvisoryApi advisory,
            Viewer viewer) {
        this.calendars = calendars;
        this.events = events;
        this.advisory = advisory;
        this.viewer = viewer;
    }

    /** A public feed: the https address and the same as webcal:// (which calendar applications open to subscribe). */
    public record PublicFeed(String id, String title, String description, String https, String webcal) {
    }

    public record BoardFeeds(UUID boardId, String name, String kind, List<CalendarApi.Feed> feeds) {
        public List<CalendarApi.Feed> active() {
            return feeds.stream().filter(f -> !f.revoked()).toList();
        }
    }

    /**
     * @param boards the boards whose meetings the user may subscribe to; empty for a partner without a seat
     */
    public record Calendars(List<PublicFeed> publicFeeds, List<BoardFeeds> boards, boolean privateFeedsOffered) {
    }

    /** @param base the address the browser used for the console, which is the gateway's (the feeds are under /api) */
    public Calendars calendars(URI base) {
        List<PublicFeed> feeds = new ArrayList<>();
        feeds.add(feed(base, "all-events", "All public events", "Every published event of the foundation, from a year back; "
                + "a cancelled one stays in the feed, marked cancelled.", "/api/calendar/events.ics"));
        for (EventsApi.UserGroup g : events.userGroups(200).items()) {
            feeds.add(feed(base, "group-" + g.id(), g.name(), "The meetups of the user group in " + g.city() + ".",
                    "/api/user-groups/" + g.id() + "/calendar.ics"));
        }
        List<BoardFeeds> boards = new ArrayList<>();
        boolean offered = viewer.internal() || viewer.partner();
        for (AdvisoryApi.Board b : boards()) {
            try {
                boards.add(new BoardFeeds(b.id(), b.name(), b.kind(), calendars.feeds(b.id(), 50).items()));
            } catch (ApiProblem p) {
                if (p.status() != 403 && p.status() != 404) {
                    throw p;
                }
                // Not readable for this user today (a partner's seat ended): not offered.
            }
        }
        return new Calendars(feeds, boards, offered);
    }

    /**
     * The boards to offer: every board for the foundation's people; for a partner user every board of the public
     * compositions, of which the feed list call keeps those whose meetings the API lets it read (a seat today).
     */
    private List<AdvisoryApi.Board> boards() {
        if (viewer.internal()) {
            return advisory.boards(50).items();
        }
        if (!viewer.partner()) {
            return List.of();
        }
        return advisory.compositions(50).items().stream()
                .map(c -> new AdvisoryApi.Board(c.boardId(), c.name(), c.kind()))
                .toList();
    }

    /** Makes a private feed for the signed-in user; its secret address is in this answer only. */
    public CalendarApi.Feed create(UUID boardId) {
        return calendars.create(boardId, "{}");
    }

    public CalendarApi.Feed revoke(UUID boardId, UUID feedId) {
        return calendars.revoke(boardId, feedId);
    }

    /** webcal:// for an http(s) address, which calendar applications take as "subscribe". */
    public static String webcal(String address) {
        return address == null ? null : address.replaceFirst("^https?://", "webcal://");
    }

    private static PublicFeed feed(URI base, String id, String title, String description, String path) {
        String https = base.resolve(path).toString();
        return new PublicFeed(id, title, description, https, webcal(https));
    }
}
