package dev.ardoise.account.api;

import dev.ardoise.account.domain.ChargeSale;
import dev.ardoise.events.PaymentTerms;
import dev.ardoise.http.InvalidRequestException;
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
public record ChargeRequest(String saleId, BigDecimal amount, List<Line> lines, PaymentTerms terms, LocalDate dueDate,
                            String holdId, String overrideId, BigDecimal depositToApply) {

    /** One line of the sale; tax is optional (none). */
    public record Line(String description,
                       @Schema(type = SchemaType.STRING, pattern = "^\\d+(\\.\\d+)?$", examples = "2")
                       BigDecimal quantity,
                       BigDecimal unitPrice, BigDecimal tax) {
    }

    /** The command, for the register named in the caller's token (none from the back office). */
    ChargeSale toCommand(String tokenRegisterId) {
        List<Line> given = lines == null ? List.of() : lines;
        List<ChargeSale.SaleLine> saleLines = IntStream.range(0, given.size()).mapToObj(i -> saleLine(given.get(i), i))
                .toList();
        return new ChargeSale(Fields.key(saleId, "saleId"), Fields.required(amount, "amount"), saleLines, terms,
                dueDate, null, tokenRegisterId, Fields.optionalKey(holdId, "holdId"),
                Fields.optionalKey(overrideId, "overrideId"), depositToApply);
    }

    private static ChargeSale.SaleLine saleLine(Line line, int index) {
        String prefix = "lines[" + index + "].";
        Fields.required(line, "lines[" + index + "]");
        BigDecimal quantity = Fields.required(line.quantity(), prefix + "quantity");
        if (quantity.signum() <= 0) {
            throw new InvalidRequestException(prefix + "quantity", "must be greater than zero");
        }
        return new ChargeSale.SaleLine(Fields.requiredText(line.description(), prefix + "description"), quantity,
                Fields.required(line.unitPrice(), prefix + "unitPrice"), line.tax());
    }
}
