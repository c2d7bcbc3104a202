package dev.ardoise.account.pos;

import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sales of different accounts are answered side by side, one account's in order, and no more than allowed at once. */
class SalesInFlightTest {
    private final List<String> started = new ArrayList<>();

    @Test
    void a_sale_of_another_account_starts_while_the_first_is_answered_and_one_accounts_sales_wait_their_turn() {
        SalesInFlight inFlight = new SalesInFlight(10);
        CompletableFuture<Void> firstOfA = new CompletableFuture<>();
        CompletableFuture<Void> firstOfB = new CompletableFuture<>();

        take(inFlight, "A", "a1", firstOfA);
        take(inFlight, "A", "a2", new CompletableFuture<>());
        take(inFlight, "B", "b1", firstOfB);

        assertEquals(List.of("a1", "b1"), started);
        firstOfB.complete(null);
        assertEquals(List.of("a1", "b1"), started);
        firstOfA.complete(null);
        assertEquals(List.of("a1", "b1", "a2"), started);
        assertEquals(1, inFlight.inFlight());
    }

    @Test
    void a_sale_that_failed_lets_the_accounts_next_sale_go() {
        SalesInFlight inFlight = new SalesInFlight(10);
        CompletableFuture<Void> first = new CompletableFuture<>();
        take(inFlight, "A", "a1", first);
        take(inFlight, "A", "a2", new CompletableFuture<>());

        first.completeExceptionally(new IllegalStateException("database away"));

        assertEquals(List.of("a1", "a2"), started);
    }

    @Test
    void the_next_record_is_taken_only_when_there_is_room() {
        SalesInFlight inFlight = new SalesInFlight(2);
        CompletableFuture<Void> first = new CompletableFuture<>();

        boolean roomAfterFirst = take(inFlight, "A", "a1", first).isDone();
        CompletableFuture<Void> second = take(inFlight, "B", "b1", new CompletableFuture<>());

        assertTrue(roomAfterFirst);
        assertFalse(second.isDone());
        first.complete(null);
        assertTrue(second.isDone());
    }

    /** Takes a sale whose answer ends when {@code answered} does; completes when the next record may be taken. */
    private CompletableFuture<Void> take(SalesInFlight inFlight, String account, String sale,
                                         CompletableFuture<Void> answered) {
        Supplier<Uni<Void>> answer = () -> {
            started.add(sale);
            return Uni.createFrom().completionStage(answered);
        };
        return inFlight.take(account, answer).subscribeAsCompletionStage();
    }
}
