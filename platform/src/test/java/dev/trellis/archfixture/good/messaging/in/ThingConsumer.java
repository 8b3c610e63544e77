package dev.trellis.archfixture.good.messaging.in;

import dev.trellis.archfixture.good.service.ThingService;

public class ThingConsumer {
    public void on(String name) {
        new ThingService().rename(new ThingService.Rename(name));
    }
}
