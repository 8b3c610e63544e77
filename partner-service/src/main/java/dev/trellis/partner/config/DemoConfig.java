package dev.trellis.partner.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "trellis.demo")
public interface DemoConfig {
    /** Load the demo partners at startup (local stack only). */
    @WithDefault("false")
    boolean enabled();
}
