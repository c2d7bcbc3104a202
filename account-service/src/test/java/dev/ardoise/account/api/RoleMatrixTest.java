package dev.ardoise.account.api;

import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.RoleMatrix;
import dev.ardoise.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.ardoise.account.Register.as;
import static dev.ardoise.account.Register.openAccount;
import static org.hamcrest.Matchers.equalTo;

/**
 * account-service answers every caller as the role matrix of docs/security.md says: a new endpoint cannot ship
 * without being in the matrix and protected as it says.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RoleMatrixTest {
    private static final RoleMatrix MATRIX = RoleMatrix.of("account-service");

    /** Valid bodies, so that a store-wall 404 is not a body's 400 in disguise. */
    private static Map<String, Object> bodies() {
        String invoiceId = UUID.randomUUID().toString();
        return Map.ofEntries(
                Map.entry("POST /accounts", Map.of("customerId", "C-" + UUID.randomUUID(), "name", "Jean Roy",
                        "language", "en", "currency", "CAD")),
                Map.entry("PUT /accounts/{accountId}/customer", Map.of("name", "Jean Roy", "language", "en")),
                Map.entry("PUT /accounts/{accountId}/email-consent", Map.of("consent", true)),
                Map.entry("PUT /accounts/{accountId}/credit-limit", Map.of("creditLimit", "500.00")),
                Map.entry("POST /accounts/{accountId}/charges", Map.of("saleId", "S-1", "amount", "1.00")),
                Map.entry("POST /accounts/{accountId}/holds", Map.of("holdId", "H-1", "amount", "1.00")),
                Map.entry("POST /accounts/{accountId}/overrides", Map.of("overrideId", "O-1", "amount", "1.00",
                        "reasonCode", "TRUSTED_CUSTOMER")),
                Map.entry("POST /accounts/{accountId}/deposits", Map.of("depositId", "D-1", "amount", "1.00")),
                Map.entry("POST /accounts/{accountId}/deposit-applications", Map.of("applicationId", "A-1",
                        "amount", "1.00")),
                Map.entry("POST /accounts/{accountId}/deposit-returns", Map.of("returnId", "R-1", "amount", "1.00",
                        "method", "CASH")),
                Map.entry("POST /accounts/{accountId}/payments", Map.of("paymentId", "P-1", "amount", "1.00",
                        "method", "CASH")),
                Map.entry("POST /accounts/{accountId}/refunds", Map.of("refundId", "RF-1", "invoiceId", invoiceId,
                        "amount", "1.00")),
                Map.entry("POST /accounts/{accountId}/adjustments", Map.of("adjustmentId", "ADJ-1",
                        "direction", "CREDIT", "amount", "1.00", "reasonCode", "GOODWILL")),
                Map.entry("POST /accounts/{accountId}/write-offs", Map.of("writeOffId", "W-1",
                        "invoiceId", invoiceId, "reasonCode", "UNCOLLECTABLE")),
                Map.entry("POST /admin/parked-accounts/{accountId}/skip", Map.of("version", 1,
                        "reason", "the role matrix")));
    }

    @Test
    void the_openapi_document_lists_the_operations_and_roles_of_the_matrix() {
        MATRIX.assertOpenApiAgrees();
    }

    @Test
    void every_operation_answers_each_caller_as_the_matrix_says() {
        String accountOfMain = openAccount("100.00");

        MATRIX.assertEnforced(Map.of("accountId", accountOfMain, "holdId", "H-1"), bodies(), Set.of());
    }

    @Test
    void every_operation_on_another_stores_account_answers_as_if_it_did_not_exist() {
        var otherStore = Tokens.of("MANAGER").stores(RoleMatrix.otherStore()).sign();
        String accountOfOtherStore = openAccount(otherStore, "100.00");

        MATRIX.assertStoreWall(Map.of("accountId", accountOfOtherStore, "holdId", "H-1"), bodies());

        as(otherStore).get("/accounts/{id}", accountOfOtherStore).then().statusCode(200)
                .body("version", equalTo(2)).body("creditLimit", equalTo("100.00"));
    }
}
