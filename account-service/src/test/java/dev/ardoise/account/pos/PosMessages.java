package dev.ardoise.account.pos;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ardoise.account.Hostile;
import dev.ardoise.account.domain.InputRules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Generated POS messages, as a register (or a broken one) may put them on {@code pos-sales}: JSON near and past each
 * bound, wrong types, missing and null members, 501 lines, and one in ten not a sale at all (garbage, cut JSON,
 * 5,000 nested arrays, a 2,000-digit amount).
 */
public final class PosMessages {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> GARBAGE = List.of("", "null", "[]", "{", "{\"saleId\":", "\u0000\u0001",
            "{\"saleId\":{}}", "[".repeat(5000), "{\"saleId\":\"s\",\"amount\":" + "9".repeat(2000) + "}");
    private static final List<Object> WRONG_TYPES = List.of(List.of(1, 2), Map.of("x", 1), true, 42, -1.5e300);
    private static final Object TOO_MANY_LINES = Collections.nCopies(InputRules.MAX_LINES + 1,
            Map.of("description", "Vis", "quantity", "1", "unitPrice", "0.01"));

    private final Hostile hostile;
    private final LocalDate today;

    public PosMessages(Hostile hostile, LocalDate today) {
        this.hostile = hostile;
        this.today = today;
    }

    public String next() {
        if (hostile.pick(9, 1) == 1) {
            return hostile.pick(1, 1) == 0 ? hostile.anyText(40) : hostile.oneOf(GARBAGE);
        }
        Map<String, Object> sale = new HashMap<>();
        sale.put("saleId", member(hostile.text(InputRules.MAX_KEY_LENGTH)));
        sale.put("amount", member(text(hostile.amount())));
        sale.put("lines", lines());
        sale.put("terms", member(hostile.oneOf("NET_30", "CUSTOM", "net_30", "FOREVER")));
        sale.put("dueDate", hostile.pick(1, 3) == 0 ? member(text(hostile.date(today))) : null);
        sale.put("holdId", hostile.pick(1, 6) == 0 ? member(hostile.text(InputRules.MAX_KEY_LENGTH)) : null);
        try {
            return MAPPER.writeValueAsString(sale);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object lines() {
        return switch (hostile.pick(3, 1, 8)) {
            case 0 -> {
                List<Map<String, Object>> lines = new ArrayList<>();
                for (int i = hostile.between(0, 3); i > 0; i--) {
                    Map<String, Object> line = new HashMap<>();
                    line.put("description", member(hostile.text(InputRules.MAX_TEXT_LENGTH)));
                    line.put("quantity", member(text(hostile.quantity())));
                    line.put("unitPrice", member(text(hostile.amount())));
                    lines.add(line);
                }
                yield lines;
            }
            case 1 -> TOO_MANY_LINES;
            default -> null;
        };
    }

    /** A member's value as generated, or one of the wrong type, or null. */
    private Object member(Object good) {
        return switch (hostile.pick(8, 1, 1)) {
            case 0 -> good;
            case 1 -> hostile.oneOf(WRONG_TYPES);
            default -> null;
        };
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
