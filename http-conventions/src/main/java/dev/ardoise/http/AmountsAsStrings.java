package dev.ardoise.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * Money crosses HTTP as a JSON string with the currency's decimals ({@code "700.00"}), never as a JSON
 * number that a client might read into a floating-point type. Requests may send either form.
 */
@Singleton
public class AmountsAsStrings implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("amounts-as-strings")
                .addSerializer(BigDecimal.class, new StdSerializer<>(BigDecimal.class) {
                    @Override
                    public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider)
                            throws IOException {
                        gen.writeString(value.toPlainString());
                    }
                }));
    }
}
