package dev.trellis.archfixture.bad.rest;

import dev.trellis.archfixture.bad.domain.Thing;
import dev.trellis.archfixture.bad.rest.dto.ThingRequest;
import dev.trellis.archfixture.bad.service.ThingService;

public class ThingResource {
    public Thing rename(String name) {
        return new ThingService().rename(new ThingRequest(name));
    }
}
