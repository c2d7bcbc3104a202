package dev.ardoise.console.services;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * notification-service's emails in words, one name per kind and status for the whole console (the account page's
 * emails and the operators' failed emails), in English here and in French in {@code messages/mail_fr-CA.properties};
 * templates read them as {@code mail:message("email_status_" + status)}.
 */
@MessageBundle("mail")
public interface EmailWords {
    @Message("Invoice")
    String email_kind_INVOICE();

    @Message("Reminder")
    String email_kind_REMINDER();

    @Message("Statement")
    String email_kind_STATEMENT();

    @Message("Waiting to be sent")
    String email_status_PENDING();

    @Message("Being sent")
    String email_status_SENDING();

    @Message("Sent")
    String email_status_SENT();

    @Message("Not sent")
    String email_status_SKIPPED();

    @Message("Failed")
    String email_status_FAILED();
}
