package dev.ardoise.events;

/** The topic's name and the CloudEvents 1.0 binary-mode headers every record carries. */
public final class AccountEventsTopic {
    public static final String NAME = "account-events";
    public static final String SOURCE = "/ardoise/account-service";
    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    public static final String HEADER_ID = "ce_id";
    public static final String HEADER_TYPE = "ce_type";
    public static final String HEADER_SOURCE = "ce_source";
    public static final String HEADER_SUBJECT = "ce_subject";
    public static final String HEADER_TIME = "ce_time";
    public static final String HEADER_SPEC_VERSION = "ce_specversion";
    public static final String HEADER_CONTENT_TYPE = "content-type";

    private AccountEventsTopic() {
    }
}
