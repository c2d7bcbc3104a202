package dev.ardoise.console.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ardoise.console.services.ServiceAnswer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A service's problem as the page words it: the kind of refusal, its detail as given, field and available. */
class RefusalTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_declined_charge_shows_its_detail_and_the_amount_available() throws Exception {
        // the problem account-service answers (AccountProblems.declined)
        Refusal refusal = Refusal.of(new ServiceAnswer(422, JSON.readTree("""
                {"type":"https://ardoise.dev/problems/charge-declined","title":"Charge declined","status":422,
                 "detail":"the sale is over the available credit","reason":"OVER_AVAILABLE","available":"300.00"}
                """)));

        assertEquals("refusal_charge_declined", refusal.typeKey());
        assertEquals("the sale is over the available credit", refusal.detail());
        assertEquals("300.00", refusal.available());
        assertEquals(422, refusal.status());
    }

    @Test
    void an_invalid_request_names_its_field_and_an_unknown_problem_is_a_plain_refusal() throws Exception {
        Refusal invalid = Refusal.of(new ServiceAnswer(400, JSON.readTree("""
                {"type":"https://ardoise.dev/problems/invalid-request","title":"Invalid request","status":400,
                 "detail":"amount: has more than 0 decimals for JPY","field":"amount","reason":"has more than 0"}
                """)));
        Refusal unknown = Refusal.of(new ServiceAnswer(409, JSON.readTree("""
                {"type":"https://ardoise.dev/problems/something-new","status":409,"detail":"why"}""")));
        Refusal unreadable = Refusal.of(new ServiceAnswer(503, null));

        assertEquals("refusal_invalid_request", invalid.typeKey());
        assertEquals("amount", invalid.field());
        assertNull(invalid.available());
        assertEquals("refusal_other", unknown.typeKey());
        assertEquals("why", unknown.detail());
        assertEquals("refusal_other", unreadable.typeKey());
        assertEquals(502, unreadable.status(), "a service's failure is a bad gateway, never the console's 500");
    }
}
