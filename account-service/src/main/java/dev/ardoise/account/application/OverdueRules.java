package dev.ardoise.account.application;

import dev.ardoise.account.domain.OverdueRule;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each store's overdue rule: {@code ardoise.overdue-rule.block-after-days."<storeId>"=N} blocks new charges
 * when an invoice is more than N days overdue; off for a store with no entry. Read once per store: the
 * configuration does not change while the service runs, and a lookup in it cost 4% of a charge's CPU.
 */
@ApplicationScoped
public class OverdueRules {
    private static final String PREFIX = "ardoise.overdue-rule.block-after-days.";

    private final Config config;
    private final Map<String, OverdueRule> byStore = new ConcurrentHashMap<>();

    OverdueRules(Config config) {
        this.config = config;
    }

    public OverdueRule forStore(String storeId) {
        return byStore.computeIfAbsent(storeId, this::configured);
    }

    private OverdueRule configured(String storeId) {
        return config.getOptionalValue(PREFIX + "\"" + storeId + "\"", Integer.class)
                .or(() -> config.getOptionalValue(PREFIX + storeId, Integer.class))
                .map(OverdueRule::new)
                .orElse(OverdueRule.OFF);
    }
}
