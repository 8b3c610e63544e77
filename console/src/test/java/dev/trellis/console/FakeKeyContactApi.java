package dev.trellis.console;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * partner-service's side of one partner's membership as {@link KeyContactPagesTest} needs it: Ana holds the voting
 * role, Ana and Ben work for the partner today, and naming anyone else is refused at {@code contactId}.
 */
@Path("/api/partners/" + FakeKeyContactApi.PARTNER)
@PermitAll
@Produces("application/json")
public class FakeKeyContactApi {

    static final String PARTNER = "ca11ab1e-0000-4000-8000-000000000001";
    static final String ANA = "ca11ab1e-0000-4000-8000-0000000000a1";
    static final String BEN = "ca11ab1e-0000-4000-8000-0000000000b1";
    static final String STRANGER = "ca11ab1e-0000-4000-8000-0000000000c1";
    private static final Map<String, String> NAMES = Map.of(ANA, "Ana Lima", BEN, "Ben Okoro", STRANGER, "Sam Stranger");

    /** role → contact id, as the API holds them now; {@link #reset()} before each test. */
    static final Map<String, String> HELD = new ConcurrentSkipListMap<>();
    /** What the console sent: "PUT VOTING {body}", "DELETE VOTING". */
    static final List<String> RECEIVED = new CopyOnWriteArrayList<>();

    static void reset() {
        HELD.clear();
        HELD.put("VOTING", ANA);
        RECEIVED.clear();
    }

    @GET
    public String partner() {
        return "{\"id\":\"" + PARTNER + "\",\"name\":\"Calliope Labs\",\"lifecycleStatus\":\"ACTIVE\",\"emailDomains\":[],\"companyGroup\":[]}";
    }

    @GET
    @Path("/membership")
    public Response membership() {
        LocalDate today = LocalDate.now();
        return Response.ok("{\"id\":\"ca11ab1e-0000-4000-8000-0000000000ff\",\"partnerId\":\"" + PARTNER + "\",\"tier\":\"GOLD\","
                + "\"termStart\":\"" + today.minusDays(100) + "\",\"termEnd\":\"" + today.plusDays(265) + "\",\"autoRenew\":true,"
                + "\"graceDays\":30,\"status\":\"CURRENT\",\"asOf\":\"" + today + "\"}").tag("2").build();
    }

    @GET
    @Path("/membership/history")
    public String history() {
        return "{\"items\":[],\"next\":null}";
    }

    @GET
    @Path("/affiliations")
    public String affiliations(@QueryParam("current") String current) {
        return "{\"items\":[" + affiliation("01", ANA, "EXECUTIVE_SPONSOR", null) + "," + affiliation("02", BEN, "DEVELOPER", null)
                + "," + affiliation("03", ANA, "TECHNICAL_LEAD", null) + "],\"next\":null}";
    }

    private static String affiliation(String n, String contact, String role, String end) {
        return "{\"id\":\"ca11ab1e-0000-4000-8000-0000000000" + n + "\",\"contactId\":\"" + contact + "\",\"contactName\":\""
                + NAMES.get(contact) + "\",\"partnerId\":\"" + PARTNER + "\",\"role\":\"" + role + "\",\"startDate\":\"2025-01-01\""
                + (end == null ? "" : ",\"endDate\":\"" + end + "\"") + "}";
    }

    @GET
    @Path("/membership/key-contacts")
    public String keyContacts() {
        StringBuilder items = new StringBuilder();
        HELD.forEach((role, contact) -> items.append(items.length() == 0 ? "" : ",").append(keyContact(role, contact)));
        return "{\"items\":[" + items + "],\"next\":null}";
    }

    private static String keyContact(String role, String contact) {
        return "{\"role\":\"" + role + "\",\"contactId\":\"" + contact + "\",\"contactName\":\"" + NAMES.get(contact)
                + "\",\"email\":\"" + NAMES.get(contact).split(" ")[0].toLowerCase() + "@calliope.example\"}";
    }

    @PUT
    @Path("/membership/key-contacts/{role}")
    public Response assign(@PathParam("role") String role, String body) {
        RECEIVED.add("PUT " + role + " " + body);
        if (body.contains(STRANGER)) {
            return Response.status(400).type("application/problem+json").entity("{\"type\":\"https://trellis.dev/problems/validation\","
                    + "\"title\":\"Invalid input\",\"status\":400,\"detail\":\"contactId: is not currently affiliated with this partner\","
                    + "\"errors\":[{\"field\":\"contactId\",\"message\":\"is not currently affiliated with this partner\"}]}").build();
        }
        String contact = body.replaceAll(".*\"contactId\":\"([^\"]+)\".*", "$1");
        HELD.put(role, contact);
        return Response.ok(keyContact(role, contact)).build();
    }

    @DELETE
    @Path("/membership/key-contacts/{role}")
    public Response remove(@PathParam("role") String role) {
        RECEIVED.add("DELETE " + role);
        if (HELD.remove(role) == null) {
            return Response.status(404).type("application/problem+json").entity("{\"type\":\"https://trellis.dev/problems/not-found\","
                    + "\"title\":\"Not found\",\"status\":404,\"detail\":\"Key contact " + role + " not found\"}").build();
        }
        return Response.noContent().build();
    }
}
