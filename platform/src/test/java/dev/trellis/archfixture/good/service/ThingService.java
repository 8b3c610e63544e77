package dev.trellis.archfixture.good.service;

import dev.trellis.archfixture.good.domain.Thing;
import dev.trellis.archfixture.good.messaging.out.ThingEvents;
import dev.trellis.platform.domain.NotFound;

public class ThingService {
    public record Rename(String name) {
    }

    private final ThingEvents events = new ThingEvents();

    public Thing rename(Rename command) {
        if (command.name() == null) {
            throw NotFound.of("Thing", "?");
        }
        Thing thing = new Thing(command.name());
        events.changed(thing);
        return thing;
    }
}
