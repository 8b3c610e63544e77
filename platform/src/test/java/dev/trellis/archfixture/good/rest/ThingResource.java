package dev.trellis.archfixture.good.rest;

import dev.trellis.archfixture.good.domain.Thing;
import dev.trellis.archfixture.good.service.ThingService;
import jakarta.ws.rs.core.Response;

public class ThingResource {
    public Response rename(String name) {
        Thing thing = new ThingService().rename(new ThingService.Rename(name));
        return Response.ok(thing).build();
    }
}
