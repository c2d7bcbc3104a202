package dev.ardoise.account.api;

import dev.ardoise.http.security.CachingTokenParser;
import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.Tokens;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.quarkus.smallrye.jwt.runtime.auth.MpJwtValidator;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.ardoise.account.Register.as;
import static dev.ardoise.account.Register.openAccount;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bearer token of an HTTP call (Quarkus' MpJwtValidator) and of a pos-sales record (PosSalesConsumer takes
 * the JWTParser bean) are verified by http-conventions' parser, which remembers the tokens that verified.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class BearerTokenParserTest {
    @Inject
    JWTParser parser;

    @Test
    void http_calls_and_pos_sales_verify_tokens_with_the_remembering_parser() throws ReflectiveOperationException {
        assertInstanceOf(CachingTokenParser.class, parser);
        var field = MpJwtValidator.class.getDeclaredField("parser");
        field.setAccessible(true);
        Object validator = ClientProxy.unwrap(Arc.container().instance(MpJwtValidator.class).get());
        assertSame(parser, field.get(validator), "Quarkus' HTTP authentication verifies with the same parser");
    }

    @Test
    void a_token_that_verified_is_remembered_and_an_expired_one_never_is() {
        CachingTokenParser remembering = (CachingTokenParser) ClientProxy.unwrap(parser);
        String viewer = Tokens.of("VIEWER").user("token-cache-viewer-" + UUID.randomUUID()).sign();
        String account = openAccount("100.00");
        assertFalse(remembering.remembers(viewer));
        for (int call = 0; call < 5; call++) {
            as(viewer).get("/accounts/{id}", account).then().statusCode(200);
        }
        assertTrue(remembering.remembers(viewer), "the HTTP authentication went through the remembering parse");

        String expired = Tokens.of("VIEWER").user("token-cache-viewer").expired().sign();
        as(expired).get("/accounts/{id}", account).then().statusCode(401);
        assertFalse(remembering.remembers(expired), "an expired token is never remembered");
    }
}
