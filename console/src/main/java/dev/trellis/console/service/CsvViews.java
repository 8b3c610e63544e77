package dev.trellis.console.service;

import dev.trellis.console.api.CsvApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * CSV downloads of the lists the console shows: console {@code /csv/<route>} is the API's {@code /api/<route>} asked with
 * {@code Accept: text/csv}, its answer passed on as it came (the services neutralise formula cells and name the file).
 * Only the list routes below are asked, each with only its own filters (the page's), never {@code limit} or
 * {@code cursor}: a download is the whole filtered list. Who may download what is the API's to decide, with the
 * user's token; the roles here only keep people off lists the console does not show them.
 */
@ApplicationScoped
@Named("downloads")
public class CsvViews {

    /**
     * A list route that offers {@code text/csv}: its path under {@code /api} ({@code {id}} is a UUID), the filters the
     * console passes on, and the roles whose pages show the list.
     */
    public record CsvList(String route, Set<String> filters, Set<String> roles) {

        /** The route's segments with the ids filled in, when {@code segments} is this route. */
        Optional<String[]> match(String[] segments) {
            String[] template = route.split("/");
            if (template.length != segments.length) {
                return Optional.empty();
            }
            for (int i = 0; i < template.length; i++) {
                if ("{id}".equals(template[i])) {
                    try {
                        segments[i] = UUID.fromString(segments[i]).toString();
                    } catch (IllegalArgumentException notAnId) {
                        return Optional.empty();
                    }
                } else if (!template[i].equals(segments[i])) {
                    return Optional.empty();
                }
            }
            return Optional.of(segments);
        }
    }

    private static final Set<String> INTERNAL = Set.of(Viewer.TEAM, Viewer.STAFF);
    private static final Set<String> ANYONE = Set.of(Viewer.TEAM, Viewer.STAFF, Viewer.PARTNER);

    /** partner-service, advisory-service and event-service list routes with {@code CsvExports} (their READMEs). */
    public static final List<CsvList> LISTS = List.of(
            new CsvList("partners", Set.of("q", "status", "country", "tier", "companyGroup", "membershipStatus"), INTERNAL),
            new CsvList("partners/me/contacts", Set.of(), Set.of(Viewer.PARTNER)),
            new CsvList("partners/{id}/affiliations", Set.of("current"), INTERNAL),
            new CsvList("partners/{id}/touchpoints", Set.of("type", "executive", "from", "to"), INTERNAL),
            new CsvList("partners/{id}/membership/history", Set.of(), INTERNAL),
            new CsvList("contacts", Set.of("q", "partnerId", "consent"), INTERNAL),
            new CsvList("touchpoints/next-steps", Set.of("owner", "due"), INTERNAL),
            new CsvList("boards", Set.of(), INTERNAL),
            new CsvList("boards/{id}/seats", Set.of("status"), INTERNAL),
            new CsvList("events", Set.of("status", "kind", "from", "to", "userGroupId"), INTERNAL),
            new CsvList("events/{id}/registrations", Set.of("status"), ANYONE));

    /** The {@code from} of the events page's list ({@link EventViews#upcoming}: 30 days back), for its download link. */
    public String upcomingEventsFrom() {
        return Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    /** What the API answered, to pass on: its status, body, media type and file name. */
    public record Download(int status, byte[] body, String contentType, String disposition) {
    }

    /** No list the console offers as CSV at this address, or not to this role. */
    public static final class NotOffered extends RuntimeException {
        private final boolean forbidden;

        NotOffered(boolean forbidden) {
            super(forbidden ? "not this role's list" : "no such list", null, false, false);
            this.forbidden = forbidden;
        }

        public boolean forbidden() {
            return forbidden;
        }
    }

    private final CsvApi api;
    private final Viewer viewer;

    CsvViews(@RestClient CsvApi api, Viewer viewer) {
        this.api = api;
        this.viewer = viewer;
    }

    /**
     * @param route   the list's path under {@code /api}, such as {@code events/<id>/registrations}
     * @param filters the query of the console's address; only the list's own filters with a value are passed on
     * @throws NotOffered for a route not in {@link #LISTS}, or one the viewer's pages do not show
     */
    public Download download(String route, Map<String, List<String>> filters) {
        String[] segments = route == null ? new String[0] : route.split("/");
        for (CsvList list : LISTS) {
            Optional<String[]> path = list.match(Arrays.copyOf(segments, segments.length));
            if (path.isPresent()) {
                if (!shownTo(list.roles())) {
                    throw new NotOffered(true);
                }
                return fetch(path.get(), filtersOf(list, filters), fallbackName(list));
            }
        }
        throw new NotOffered(false);
    }

    private boolean shownTo(Set<String> roles) {
        return roles.contains(Viewer.TEAM) && viewer.team() || roles.contains(Viewer.STAFF) && viewer.staff()
                || roles.contains(Viewer.PARTNER) && viewer.partner();
    }

    private static MultivaluedMap<String, String> filtersOf(CsvList list, Map<String, List<String>> given) {
        MultivaluedMap<String, String> sent = new MultivaluedHashMap<>();
        given.forEach((name, values) -> {
            if (list.filters().contains(name)) {
                values.stream().map(Forms::blankToNull).filter(v -> v != null).forEach(v -> sent.add(name, v));
            }
        });
        return sent;
    }

    private Download fetch(String[] p, MultivaluedMap<String, String> filters, String fallbackName) {
        RestResponse<byte[]> answer = switch (p.length) {
            case 1 -> api.list(p[0], filters);
            case 2 -> api.list(p[0], p[1], filters);
            case 3 -> api.list(p[0], p[1], p[2], filters);
            default -> api.list(p[0], p[1], p[2], p[3], filters);
        };
        String type = answer.getHeaderString("Content-Type");
        String disposition = answer.getHeaderString("Content-Disposition");
        return new Download(answer.getStatus(), answer.getEntity() == null ? new byte[0] : answer.getEntity(),
                type == null ? "text/csv; charset=UTF-8; header=present" : type,
                disposition == null ? "attachment; filename=\"" + fallbackName + ".csv\"" : disposition);
    }

    private static String fallbackName(CsvList list) {
        String[] parts = list.route().split("/");
        return parts[parts.length - 1];
    }
}
