package dev.ardoise.console.operations;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;

/** What the operators' dashboard reads: the topics, the readers whose lag it shows, and its bounds. */
@ConfigMapping(prefix = "ardoise.console.operations")
public interface OperationsSettings {

    /** The topic of account events, followed live and read back an hour at start. */
    @WithDefault("account-events")
    String accountEventsTopic();

    /** The registers' answers, whose DECLINED ones are the declines per minute. */
    @WithDefault("pos-sale-results")
    String posSaleResultsTopic();

    /** The POS sales' dead-letter topic: its records cannot be sent again from the console (no token kept). */
    @WithDefault("pos-sales.dlq")
    String posSalesDeadLetterTopic();

    /** Every dead-letter topic the dashboard shows, the POS sales' among them. */
    List<String> deadLetterTopics();

    /** The compacted topic where operators' "handled" marks are kept, one per dead letter. */
    @WithDefault("dead-letters.handled")
    String handledTopic();

    /** The consumer groups of account-events whose lag is shown. */
    List<String> readerGroups();

    /** Most events waiting for one slow browser; older ones are dropped for newer. */
    @WithDefault("100")
    int feedSubscriberBuffer();

    /** Most browsers following the feed at once, per console instance. */
    @WithDefault("50")
    int feedMostSubscribers();

    /** Most records shown per dead-letter topic (the newest). */
    @WithDefault("100")
    int deadLettersShown();
}
