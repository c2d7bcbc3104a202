package dev.ardoise.invoice.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ardoise.events.InvoiceLine;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.UncheckedIOException;
import java.util.List;

/** An invoice's lines as stored: the JSON array of the SaleCharged event, amounts as strings. */
@ApplicationScoped
public class InvoiceLinesJson {
    private static final TypeReference<List<InvoiceLine>> LINES = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    public InvoiceLinesJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(List<InvoiceLine> lines) {
        try {
            return mapper.writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<InvoiceLine> read(String json) {
        try {
            return mapper.readValue(json, LINES);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
