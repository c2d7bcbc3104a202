package dev.ardoise.console.services;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The account events in words, one name per type for the whole console (the back office's history and the
 * operators' feed), in English here and in French in {@code messages/ev_fr-CA.properties}; templates read them as
 * {@code ev:message(type.key)}. One per type of {@link EventTypes#ALL}.
 */
@MessageBundle("ev")
public interface EventWords {
    @Message("Account opened")
    String event_AccountOpened();

    @Message("Customer details changed")
    String event_CustomerDetailsChanged();

    @Message("Email consent given")
    String event_EmailConsentGiven();

    @Message("Email consent withdrawn")
    String event_EmailConsentWithdrawn();

    @Message("Credit limit set")
    String event_CreditLimitSet();

    @Message("Charge override granted")
    String event_ChargeOverrideGranted();

    @Message("Sale charged")
    String event_SaleCharged();

    @Message("Credit hold placed")
    String event_CreditHoldPlaced();

    @Message("Credit hold voided")
    String event_CreditHoldVoided();

    @Message("Credit hold expired")
    String event_CreditHoldExpired();

    @Message("Deposit added")
    String event_DepositAdded();

    @Message("Deposit applied")
    String event_DepositApplied();

    @Message("Deposit returned")
    String event_DepositReturned();

    @Message("Payment received")
    String event_PaymentReceived();

    @Message("Credit note issued")
    String event_CreditNoteIssued();

    @Message("Sale refunded")
    String event_SaleRefunded();

    @Message("Balance adjusted")
    String event_BalanceAdjusted();

    @Message("Debt written off")
    String event_DebtWrittenOff();

    @Message("Account suspended")
    String event_AccountSuspended();

    @Message("Account reactivated")
    String event_AccountReactivated();

    @Message("Account closed")
    String event_AccountClosed();
}
