package dev.ardoise.account.api;

import dev.ardoise.account.AtOnce;
import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import dev.ardoise.account.Register;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static dev.ardoise.account.Register.cashier;
import static dev.ardoise.account.Register.charge;
import static dev.ardoise.account.Register.openAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Registers charging one account at the same instant never take it past its limit, nor charge a sale twice. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ConcurrentChargesTest {

    @Test
    void fifty_registers_charging_at_once_never_pass_the_limit_and_leave_no_gap() throws Exception {
        String accountId = openAccount("1000.00");
        // 50 sales of 10.00 to 59.00: 1,725.00 asked of a 1,000.00 limit
        List<Callable<ExtractableResponse<Response>>> registers = IntStream.range(0, 50)
                .<Callable<ExtractableResponse<Response>>>mapToObj(i -> () ->
                        charge(accountId, "sale-" + i, (10 + i) + ".00").extract())
                .toList();

        List<ExtractableResponse<Response>> answers = AtOnce.run(registers);

        List<Integer> statuses = answers.stream().map(ExtractableResponse::statusCode).toList();
        assertTrue(statuses.stream().allMatch(status -> status == 201 || status == 422), statuses.toString());
        BigDecimal accepted = answers.stream().filter(answer -> answer.statusCode() == 201)
                .map(answer -> new BigDecimal(answer.<String>path("amount"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        long charged = statuses.stream().filter(status -> status == 201).count();
        assertTrue(accepted.compareTo(new BigDecimal("1000.00")) <= 0, accepted.toString());
        assertTrue(accepted.compareTo(new BigDecimal("941.00")) > 0,
                "a decline leaves less available than the smallest sale that could still fit: " + accepted);
        answers.stream().filter(answer -> answer.statusCode() == 422).forEach(declined -> assertTrue(
                new BigDecimal(declined.<String>path("available")).compareTo(new BigDecimal("59.00")) < 0));
        var account = cashier().get("/accounts/{id}", accountId).then().extract();
        assertEquals(accepted.negate().setScale(2), new BigDecimal(account.<String>path("balance")));
        List<Long> versions = cashier().get("/accounts/{id}/events", accountId).then().extract().jsonPath()
                .getList("version", Long.class);
        assertEquals(LongStream.rangeClosed(1, 2 + charged).boxed().toList(), versions);
    }

    @Test
    void the_same_sale_sent_twenty_times_at_once_is_charged_once() throws Exception {
        String accountId = openAccount("1000.00");
        List<Callable<String>> retries = IntStream.range(0, 20)
                .<Callable<String>>mapToObj(i -> () -> charge(accountId, "sale-1", "100.00")
                        .statusCode(201).extract().path("invoiceId"))
                .toList();

        List<String> invoiceIds = AtOnce.run(retries);

        assertEquals(1, invoiceIds.stream().distinct().count(), invoiceIds.toString());
        cashier().get("/accounts/{id}", accountId).then()
                .body("balance", org.hamcrest.Matchers.equalTo("-100.00"))
                .body("version", org.hamcrest.Matchers.equalTo(3));
    }

    @Test
    void thirty_registers_placing_holds_at_once_hold_no_more_than_the_limit() throws Exception {
        String accountId = openAccount("1000.00");
        List<Callable<Integer>> registers = IntStream.range(0, 30)
                .<Callable<Integer>>mapToObj(i -> () -> Register.post(Register.cashier(), accountId, "holds",
                        java.util.Map.of("holdId", "hold-" + i, "amount", "50.00")).extract().statusCode())
                .toList();

        List<Integer> statuses = AtOnce.run(registers);

        assertEquals(20, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
        assertEquals(10, statuses.stream().filter(status -> status == 422).count(), statuses.toString());
        cashier().get("/accounts/{id}", accountId).then()
                .body("held", org.hamcrest.Matchers.equalTo("1000.00"))
                .body("available", org.hamcrest.Matchers.equalTo("0.00"))
                .body("version", org.hamcrest.Matchers.equalTo(22));
        List<Long> versions = cashier().get("/accounts/{id}/events", accountId).then().extract().jsonPath()
                .getList("version", Long.class);
        assertEquals(LongStream.rangeClosed(1, 22).boxed().toList(), versions);
    }
}
