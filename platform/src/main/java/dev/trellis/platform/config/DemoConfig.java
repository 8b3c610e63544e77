package dev.trellis.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "trellis.demo")
public interface DemoConfig {
    /** Load each service's demo data at startup: the local stack only, never production. */
    @WithDefault("false")
    boolean enabled();
}
