package dev.ardoise.account.api;

import dev.ardoise.account.domain.AccountStatus;
import dev.ardoise.account.domain.Commands;
import dev.ardoise.account.domain.InputRules;
import dev.ardoise.events.AdjustmentDirection;
import dev.ardoise.http.InvalidRequestException;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/** The bodies of the account's command endpoints, each checked field by field (a 400 names the field). */
public final class Requests {
    private static final Set<String> PAYMENT_METHODS = Set.of("CASH", "CARD", "CHEQUE", "TRANSFER", "ONLINE", "OTHER");
    private static final Set<String> RETURN_METHODS = Set.of("CASH", "CARD", "CHEQUE", "TRANSFER", "OTHER");

    private Requests() {
    }

    /** {@code PUT /accounts/{accountId}/customer}. */
    public record CustomerRequest(String name, String email, String language) {
        Commands.ChangeCustomerDetails toCommand() {
            return new Commands.ChangeCustomerDetails(Fields.requiredText(name, "name"),
                    Fields.optionalEmail(email, "email"), Requests.language(language));
        }
    }

    /** {@code PUT /accounts/{accountId}/email-consent}. */
    public record EmailConsentRequest(Boolean consent) {
        Commands.SetEmailConsent toCommand() {
            return new Commands.SetEmailConsent(Fields.required(consent, "consent"));
        }
    }

    /** {@code PUT /accounts/{accountId}/credit-limit}. */
    public record CreditLimitRequest(BigDecimal creditLimit) {
        BigDecimal toLimit() {
            return Fields.required(creditLimit, "creditLimit");
        }
    }

    /** {@code POST /accounts/{accountId}/holds}; the hold lives {@code expiresInSeconds} (default configured). */
    public record HoldRequest(String holdId, BigDecimal amount, Long expiresInSeconds) {
        String key() {
            return Fields.key(holdId, "holdId");
        }

        BigDecimal requiredAmount() {
            return Fields.required(amount, "amount");
        }
    }

    /** {@code POST /accounts/{accountId}/holds/{holdId}/void}. */
    public record VoidHoldRequest(String reason) {
        Commands.VoidHold toCommand(String holdId) {
            return new Commands.VoidHold(Fields.key(holdId, "holdId"), Fields.optionalText(reason, "reason"));
        }
    }

    /** {@code POST /accounts/{accountId}/deposit-applications}. */
    public record DepositApplicationRequest(String applicationId, BigDecimal amount, String invoiceId) {
        Commands.ApplyDeposit toCommand() {
            return new Commands.ApplyDeposit(Fields.key(applicationId, "applicationId"),
                    Fields.required(amount, "amount"), Fields.optionalKey(invoiceId, "invoiceId"));
        }
    }

    /** {@code POST /accounts/{accountId}/deposit-returns}. */
    public record DepositReturnRequest(String returnId, BigDecimal amount, String method, String reason) {
        Commands.ReturnDeposit toCommand() {
            return new Commands.ReturnDeposit(Fields.key(returnId, "returnId"), Fields.required(amount, "amount"),
                    oneOf(method, "method", RETURN_METHODS), Fields.optionalText(reason, "reason"));
        }
    }

    /** {@code POST /accounts/{accountId}/payments}. */
    public record PaymentRequest(String paymentId, BigDecimal amount, String method, String reference,
                                 String invoiceId) {
        Commands.ReceivePayment toCommand() {
            return new Commands.ReceivePayment(Fields.key(paymentId, "paymentId"), Fields.required(amount, "amount"),
                    oneOf(method, "method", PAYMENT_METHODS), Fields.optionalText(reference, "reference"),
                    Fields.optionalKey(invoiceId, "invoiceId"));
        }
    }

    /** {@code POST /accounts/{accountId}/refunds} (manager). */
    public record RefundRequest(String refundId, String invoiceId, BigDecimal amount, String reasonCode) {
        Commands.RefundSale toCommand() {
            return new Commands.RefundSale(Fields.key(refundId, "refundId"), Fields.key(invoiceId, "invoiceId"),
                    Fields.required(amount, "amount"), Fields.optionalText(reasonCode, "reasonCode"));
        }
    }

    /** {@code POST /accounts/{accountId}/adjustments} (manager). */
    public record AdjustmentRequest(String adjustmentId, AdjustmentDirection direction, BigDecimal amount,
                                    String reasonCode, String note, String invoiceId) {
        Commands.AdjustBalance toCommand() {
            return new Commands.AdjustBalance(Fields.key(adjustmentId, "adjustmentId"),
                    Fields.required(direction, "direction"), Fields.required(amount, "amount"),
                    Fields.requiredText(reasonCode, "reasonCode"), Fields.optionalText(note, "note"),
                    Fields.optionalKey(invoiceId, "invoiceId"));
        }
    }

    /** {@code POST /accounts/{accountId}/write-offs} (manager). */
    public record WriteOffRequest(String writeOffId, String invoiceId, String reasonCode, String note) {
        Commands.WriteOffDebt toCommand() {
            return new Commands.WriteOffDebt(Fields.key(writeOffId, "writeOffId"), Fields.key(invoiceId, "invoiceId"),
                    Fields.requiredText(reasonCode, "reasonCode"), Fields.optionalText(note, "note"));
        }
    }

    /** {@code POST /accounts/{accountId}/overrides} (manager). */
    public record OverrideRequest(String overrideId, BigDecimal amount, String reasonCode, String note,
                                  Long expiresInSeconds) {
        void check() {
            Fields.key(overrideId, "overrideId");
            Fields.required(amount, "amount");
            Fields.requiredText(reasonCode, "reasonCode");
            Fields.optionalText(note, "note");
        }
    }

    /** The body of suspension, reactivation and closure; may be absent. */
    public record StatusRequest(String reason) {
        static Commands.ChangeStatus toCommand(StatusRequest request, AccountStatus to) {
            String reason = request == null ? null : Fields.optionalText(request.reason, "reason");
            return new Commands.ChangeStatus(to, reason);
        }
    }

    static String language(String value) {
        return InputRules.language("language", value);
    }

    private static String oneOf(String value, String field, Set<String> allowed) {
        String given = Fields.requiredText(value, field).toUpperCase(Locale.ROOT);
        if (!allowed.contains(given)) {
            throw new InvalidRequestException(field, "must be one of " + String.join(", ", allowed.stream().sorted()
                    .toList()));
        }
        return given;
    }
}
