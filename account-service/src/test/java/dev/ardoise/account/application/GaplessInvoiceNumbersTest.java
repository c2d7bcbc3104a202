package dev.ardoise.account.application;

import dev.ardoise.account.AtOnce;
import dev.ardoise.account.RecordsOnTopic;
import dev.ardoise.account.domain.InvoiceIdentity;
import dev.ardoise.events.AccountEventsTopic;
import dev.ardoise.testing.InjectKafka;
import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static dev.ardoise.account.Register.as;
import static dev.ardoise.account.Register.openAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Invoice numbers are taken last, just before a charge is recorded: many registers of one store charging at once,
 * with declines, a sale sent again and again, and races on one account, leave the store's numbers 1..N, each once.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class GaplessInvoiceNumbersTest {
    private static final String STORE = "GAPLESS";
    private final String cashier = Tokens.of("CASHIER").stores(STORE).register("R7").sign();

    @InjectKafka
    KafkaCompanion kafka;

    @Test
    void concurrent_charges_of_one_store_take_numbers_one_to_n_and_a_decline_takes_none() throws Exception {
        String manager = Tokens.of("MANAGER").stores(STORE).sign();
        String tight = openAccount(manager, "100.00");
        String tighter = openAccount(manager, "100.00");
        String retried = openAccount(manager, "100.00");
        String roomy = openAccount(manager, "1000.00");
        List<Callable<ExtractableResponse<Response>>> registers = Stream.of(
                        sales(tight, "a", 15, "10.00"),      // 10 fit, 5 declined, all racing on one account
                        sales(tighter, "b", 15, "30.00"),    // 3 fit, 12 declined
                        IntStream.range(0, 10).mapToObj(i -> sale(retried, "c-same", "50.00")), // 1 charge, 9 replays
                        sales(roomy, "d", 15, "20.00"))      // all 15 fit
                .flatMap(sales -> sales).toList();

        List<ExtractableResponse<Response>> answers = AtOnce.run(registers);

        long charged = answers.stream().filter(answer -> answer.statusCode() == 201
                && !"true".equals(answer.header("Idempotent-Replayed"))).count();
        long declined = answers.stream().filter(answer -> answer.statusCode() == 422).count();
        assertEquals(29, charged, () -> answers.stream().map(ExtractableResponse::statusCode).toList().toString());
        assertEquals(17, declined);
        List<String> numbers = Stream.of(tight, tighter, retried, roomy).flatMap(this::invoiceNumbers).sorted().toList();
        assertEquals(IntStream.rangeClosed(1, 29).mapToObj(GaplessInvoiceNumbersTest::number).toList(), numbers);

        ExtractableResponse<Response> next = sale(roomy, "d-after", "1.00").call();
        assertEquals(201, next.statusCode());
        assertEquals(number(30), next.path("invoiceNumber"));
    }

    @Test
    void the_number_taken_with_the_sale_is_the_one_answered_stored_and_published_in_the_sale_and_its_deposit() {
        // a store of its own: the other test counts every number of its store
        String store = "PUBLISHED";
        String cashier = Tokens.of("CASHIER").stores(store).register("R7").sign();
        String accountId = openAccount(Tokens.of("MANAGER").stores(store).sign(), "1000.00");
        as(cashier).body(Map.of("depositId", "d1", "amount", "30.00")).post("/accounts/{id}/deposits", accountId)
                .then().statusCode(201);
        try (RecordsOnTopic published = RecordsOnTopic.of(kafka.getBootstrapServers(), AccountEventsTopic.NAME,
                accountId)) {
            String number = as(cashier).body(Map.of("saleId", "s1", "amount", "100.00", "depositToApply", "30.00"))
                    .post("/accounts/{id}/charges", accountId).then().statusCode(201).extract().path("invoiceNumber");

            assertEquals(store + "-000001", number);
            assertEquals(List.of(number), as(cashier).get("/accounts/{id}/events", accountId).then().extract()
                    .jsonPath().<String>getList("findAll { it.type == 'SaleCharged' }.data.invoiceNumber"));
            List<String> records = published.await(5, Duration.ofSeconds(30)).stream()
                    .map(ConsumerRecord::value).toList();
            assertTrue(records.get(3).contains("\"type\":\"SaleCharged\""), records.get(3));
            assertTrue(records.get(3).contains("\"invoiceNumber\":\"" + number + "\""), records.get(3));
            assertTrue(records.get(4).contains("\"type\":\"DepositApplied\""), records.get(4));
            assertTrue(records.get(4).contains("\"invoiceNumber\":\"" + number + "\""), records.get(4));
            assertTrue(records.stream().noneMatch(record -> record.contains(InvoiceIdentity.UNNUMBERED)));
        }
    }

    private Stream<Callable<ExtractableResponse<Response>>> sales(String accountId, String prefix, int count,
                                                                  String amount) {
        return IntStream.range(0, count).mapToObj(i -> sale(accountId, prefix + "-" + i, amount));
    }

    private Callable<ExtractableResponse<Response>> sale(String accountId, String saleId, String amount) {
        return () -> as(cashier).body(Map.of("saleId", saleId, "amount", amount))
                .post("/accounts/{id}/charges", accountId).then().extract();
    }

    private Stream<String> invoiceNumbers(String accountId) {
        return as(cashier).get("/accounts/{id}/events?limit=1000", accountId).then().statusCode(200).extract()
                .jsonPath().<String>getList("findAll { it.type == 'SaleCharged' }.data.invoiceNumber").stream();
    }

    private static String number(int n) {
        return "%s-%06d".formatted(STORE, n);
    }
}
