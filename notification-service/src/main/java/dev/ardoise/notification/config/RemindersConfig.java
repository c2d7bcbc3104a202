package dev.ardoise.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Reminders ({@code ardoise.reminders.*}): offsets in days from the due date; none = off. */
@ConfigMapping(prefix = "ardoise.reminders")
public interface RemindersConfig {
    Optional<List<Integer>> offsets();

    /** How often the job looks for reminders due today. */
    @WithDefault("15m")
    Duration interval();
}
