package dev.trellis.console;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/** The gateway's API as the tests need it, served by the console under test itself (see %test rest-client url). */
@Path("/api")
@PermitAll
@Produces("application/json")
public class FakeApi {

    @GET
    @Path("/partners/{id}")
    public String partner(@PathParam("id") String id) {
        return "{\"id\":\"" + id + "\",\"name\":\"Acme Cloud\",\"lifecycleStatus\":\"ACTIVE\",\"emailDomains\":[],\"companyGroup\":[]}";
    }

    @GET
    @Path("/partners/{id}/affiliations")
    public String affiliations(@PathParam("id") String id) {
        return "{\"items\":[{\"id\":\"5e42c502-077d-4bcf-9454-b627750b3f74\",\"contactId\":\"d0f821f7-3032-35f2-a639-4a68e3ce3201\","
                + "\"contactName\":\"Dmitri Tanaka\",\"partnerId\":\"" + id + "\",\"role\":\"DEVELOPER\",\"startDate\":\"2026-06-01\"}],\"next\":null}";
    }

    @POST
    @Path("/partners/{id}/touchpoints")
    public Response logTouchpoint(String body) {
        return Response.status(400).type("application/problem+json").entity("""
                {"type":"https://trellis.dev/problems/validation","title":"Validation failed","status":400,
                 "detail":"nextSteps[0].owner: must be a staff username","errors":[{"field":"nextSteps[0].owner",
                 "message":"must be a staff username (letters, digits, '.', '_', '@', '-'; at most 100)"}]}""").build();
    }
}
