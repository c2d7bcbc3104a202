package dev.ardoise.console.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of a refusal on every page of the console (the tag {@code refusal}, {@link Refusal}): the kinds of the
 * services' problems ({@code refusal_*}), the console's own reasons for refusing a field ({@code invalid_*}), and who
 * did not do something. In templates {@code refusals:}, by key {@code refusals:message(key)}; French in
 * {@code messages/refusals_fr-CA.properties}.
 */
@MessageBundle("refusals")
public interface RefusalMessages {
    @Message("Field:")
    String refusal_field();

    @Message("Available:")
    String refusal_available();

    @Message("This request cannot be done as written.")
    String refusal_invalid_request();

    @Message("The charge was declined.")
    String refusal_charge_declined();

    @Message("The account cannot be closed yet.")
    String refusal_account_not_closable();

    @Message("The account is closed: it accepts nothing more.")
    String refusal_account_closed();

    @Message("That is more than the customer owes.")
    String refusal_more_than_owed();

    @Message("Nothing is owed on that invoice.")
    String refusal_nothing_owed();

    @Message("That is more than the invoice can still refund.")
    String refusal_refund_over_invoice();

    @Message("That invoice was written off.")
    String refusal_invoice_written_off();

    @Message("The deposit balance is not enough.")
    String refusal_insufficient_deposit_balance();

    @Message("This form was already sent with other values: reload the page and try again.")
    String refusal_idempotency_key_reused();

    @Message("The account is busy: send the form again.")
    String refusal_account_busy();

    @Message("Not found.")
    String refusal_not_found();

    @Message("Your role does not allow this.")
    String refusal_forbidden();

    @Message("Your session is no longer valid: sign in again.")
    String refusal_unauthenticated();

    @Message("The period has not ended: a statement is sent for days that are over. End it yesterday or earlier.")
    String refusal_period_not_ended();

    @Message("The form is too large.")
    String refusal_body_too_large();

    @Message("Refused by the service.")
    String refusal_other();

    @Message("This field is required.")
    String invalid_required();

    @Message("Enter an amount such as 125.50: digits, at most two decimals, no more than 13 digits before them.")
    String invalid_amount();

    @Message("The amount must be greater than zero.")
    String invalid_amount_positive();

    @Message("This text contains control characters.")
    String invalid_characters();

    @Message("Choose one of the values offered.")
    String invalid_choice();

    @Message("This form is out of date: reload the page.")
    String invalid_key();

    @Message("Enter a date such as 2026-11-30.")
    String invalid_day();

    @Message("The start of the period is after its end.")
    String invalid_period();

    @Message("{who} did not do it:")
    String failed(String who);

    // what a form refuses
    @Message("Event type: letters only, as SaleCharged.")
    String invalid_type();

    @Message("Store: a store id of letters, digits, '.', '_' or '-', at most 50.")
    String invalid_store();

    @Message("Account: an account id, a UUID of 36 characters.")
    String invalid_account();

    @Message("Topic: not one of the dead-letter topics.")
    String invalid_topic();

    @Message("Offset: there is no dead letter at this place (a whole number, within the topic).")
    String invalid_offset();

    @Message("Version: a whole number, 1 or more.")
    String invalid_version();

    @Message("A service did not answer. Nothing was changed by the console; try again in a moment.")
    String refusal_service_unreachable();

    @Message("This text is too long (500 characters at most; 100 for an invoice, 200 for a search).")
    String invalid_too_long();

    @Message("Reason: say why, in 1 to 500 characters; it is recorded with your name.")
    String invalid_reason();

    @Message("it did not answer; nothing was changed. Try again in a moment.")
    String not_answered();

    @Message("Enter a whole number, 0 or more.")
    String invalid_number();
}
