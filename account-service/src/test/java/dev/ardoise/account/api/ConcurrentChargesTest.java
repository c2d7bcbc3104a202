package dev.ardoise.account.api;

import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static dev.ardoise.account.Register.charge;
import static dev.ardoise.account.Register.openAccount;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Registers charging one account at the same instant never take it past its limit. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ConcurrentChargesTest {

    @Test
    void twenty_registers_charging_at_once_stop_exactly_at_the_limit() throws Exception {
        String accountId = openAccount("1000.00");
        List<Callable<Integer>> registers = IntStream.range(0, 20)
                .<Callable<Integer>>mapToObj(i -> () -> charge(accountId, "sale-" + i, "100.00")
                        .extract().statusCode())
                .toList();

        List<Integer> statuses = runAtOnce(registers);

        assertEquals(10, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
        assertEquals(10, statuses.stream().filter(status -> status == 422).count(), statuses.toString());
        given().get("/accounts/{id}", accountId).then()
                .body("balance", equalTo("-1000.00"))
                .body("available", equalTo("0.00"));
        List<Long> versions = given().get("/accounts/{id}/events", accountId).then().extract().jsonPath()
                .getList("version", Long.class);
        assertEquals(LongStream.rangeClosed(1, 12).boxed().toList(), versions);
    }

    @Test
    void the_same_sale_sent_ten_times_at_once_is_charged_once() throws Exception {
        String accountId = openAccount("1000.00");
        List<Callable<String>> retries = IntStream.range(0, 10)
                .<Callable<String>>mapToObj(i -> () -> charge(accountId, "sale-1", "100.00")
                        .statusCode(201).extract().path("invoiceId"))
                .toList();

        List<String> invoiceIds = runAtOnce(retries);

        assertEquals(1, invoiceIds.stream().distinct().count(), invoiceIds.toString());
        given().get("/accounts/{id}", accountId).then().body("balance", equalTo("-100.00"));
    }

    private static <T> List<T> runAtOnce(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<T> results = new java.util.ArrayList<>();
            for (Future<T> future : pool.invokeAll(tasks)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
