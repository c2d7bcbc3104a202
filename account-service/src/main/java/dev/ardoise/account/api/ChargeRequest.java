package dev.ardoise.account.api;

import dev.ardoise.account.domain.ChargeSale;
import dev.ardoise.account.domain.InputRules;
import dev.ardoise.events.PaymentTerms;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

/**
 * {@code POST /accounts/{accountId}/charges}: terms default to the store's; dueDate only with CUSTOM terms;
 * holdId captures a hold, overrideId uses a manager's override, depositToApply pays part from the deposit balance.
 * The register and the store are not the body's to say: the token's register, the account's store.
 */
public record ChargeRequest(String saleId, BigDecimal amount,
                            @Schema(maxItems = InputRules.MAX_LINES) List<Line> lines, PaymentTerms terms, LocalDate dueDate,
                            String holdId, String overrideId, BigDecimal depositToApply) {

    /** One line of the sale; tax is optional (none). */
    public record Line(String description,
                       @Schema(type = SchemaType.STRING, pattern = "^\\d+(\\.\\d{1,3})?$", examples = "2",
                               description = "above 0, at most 1000000, up to 3 decimals")
                       BigDecimal quantity,
                       BigDecimal unitPrice, BigDecimal tax) {
    }

    /** The command, for the register named in the caller's token (none from the back office). */
    ChargeSale toCommand(String tokenRegisterId) {
        List<Line> given = lines == null ? List.of() : lines;
        InputRules.lineCount(given.size());
        List<ChargeSale.SaleLine> saleLines = IntStream.range(0, given.size()).mapToObj(i -> saleLine(given.get(i), i))
                .toList();
        return new ChargeSale(Fields.key(saleId, "saleId"), Fields.required(amount, "amount"), saleLines, terms,
                dueDate, null, tokenRegisterId, Fields.optionalKey(holdId, "holdId"),
                Fields.optionalKey(overrideId, "overrideId"), depositToApply);
    }

    /** The line as sent; its fields are the domain's to check (InputRules), as for a sale on pos-sales. */
    private static ChargeSale.SaleLine saleLine(Line line, int index) {
        Fields.required(line, "lines[" + index + "]");
        return new ChargeSale.SaleLine(line.description(), line.quantity(), line.unitPrice(), line.tax());
    }
}
