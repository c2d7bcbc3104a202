package dev.ardoise.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Monthly statements ({@code ardoise.statements.*}): the day of the month they go out; none = off. */
@ConfigMapping(prefix = "ardoise.statements")
public interface StatementsConfig {
    Optional<Integer> monthlyDay();

    /** How often the job looks for monthly statements due. */
    @WithDefault("15m")
    Duration interval();
}
