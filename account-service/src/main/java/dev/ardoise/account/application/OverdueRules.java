package dev.ardoise.account.application;

import dev.ardoise.account.domain.OverdueRule;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;

/**
 * Each store's overdue rule: {@code ardoise.overdue-rule.block-after-days."<storeId>"=N} blocks new charges
 * when an invoice is more than N days overdue; off for a store with no entry.
 */
@ApplicationScoped
public class OverdueRules {
    private static final String PREFIX = "ardoise.overdue-rule.block-after-days.";

    private final Config config;

    OverdueRules(Config config) {
        this.config = config;
    }

    public OverdueRule forStore(String storeId) {
        return config.getOptionalValue(PREFIX + "\"" + storeId + "\"", Integer.class)
                .or(() -> config.getOptionalValue(PREFIX + storeId, Integer.class))
                .map(OverdueRule::new)
                .orElse(OverdueRule.OFF);
    }
}
