package dev.trellis.archfixture.good.messaging.out;

import dev.trellis.archfixture.good.domain.Thing;

public class ThingEvents {
    public void changed(Thing thing) {
    }
}
