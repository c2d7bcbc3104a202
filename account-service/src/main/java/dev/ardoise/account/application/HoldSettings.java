package dev.ardoise.account.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Credit holds: how long an unclaimed hold lives, and how often lapsed ones are ended. */
@ConfigMapping(prefix = "ardoise.holds")
public interface HoldSettings {
    @WithDefault("PT15M")
    Duration defaultExpiry();

    @WithDefault("30s")
    Duration expiryCheckInterval();
}
