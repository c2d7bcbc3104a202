package dev.ardoise.events;

/** Why the customer left a deposit. */
public enum DepositPurpose {
    SPECIAL_ORDER, LAYAWAY, WORK_ORDER, OTHER
}
