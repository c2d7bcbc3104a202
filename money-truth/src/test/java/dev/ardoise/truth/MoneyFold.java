package dev.ardoise.truth;

import dev.ardoise.events.RecordedEvent;

/** One service's fold of an account's events, seen only through the figures it ends up with. */
interface MoneyFold {

    /** Which service and class folds, as a reader of a failure needs it. */
    String name();

    /** Folds the next event of the stream (the first one is the account's opening). */
    void apply(RecordedEvent event);

    Figures figures();
}
