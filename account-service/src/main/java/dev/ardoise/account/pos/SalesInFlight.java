package dev.ardoise.account.pos;

import io.smallrye.mutiny.Uni;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The sales being answered at once: those of different accounts side by side, those of one account one after the
 * other in the order they came (the account's sales share a record key, so a partition, so this order is the
 * topic's). At most {@code most} at once: past that, the next sale is taken only once one is answered.
 */
final class SalesInFlight {
    private final int most;
    private final Map<String, CompletableFuture<Void>> lastOfAccount = new HashMap<>();
    private final Queue<CompletableFuture<Void>> waitingForRoom = new ArrayDeque<>();
    private int inFlight;

    SalesInFlight(int most) {
        this.most = most;
    }

    /**
     * Starts {@code answer} once the account's earlier sales are answered. The Uni completes when there is room for
     * another sale, not when this one is answered: the caller may take the next record meanwhile.
     */
    Uni<Void> take(String accountId, Supplier<Uni<Void>> answer) {
        return Uni.createFrom().deferred(() -> {
            CompletableFuture<Void> answered = new CompletableFuture<>();
            CompletableFuture<Void> before;
            CompletableFuture<Void> room = null;
            synchronized (this) {
                inFlight++;
                before = lastOfAccount.put(accountId, answered);
                if (inFlight >= most) {
                    room = new CompletableFuture<>();
                    waitingForRoom.add(room);
                }
            }
            Runnable start = () -> Uni.createFrom().<Void>deferred(answer::get).subscribe().with(
                    done -> answered(accountId, answered), failed -> answered(accountId, answered));
            if (before == null) {
                start.run();
            } else {
                before.whenComplete((done, failed) -> start.run());
            }
            return room == null ? Uni.createFrom().voidItem() : Uni.createFrom().completionStage(room);
        });
    }

    private void answered(String accountId, CompletableFuture<Void> answered) {
        CompletableFuture<Void> room;
        synchronized (this) {
            inFlight--;
            lastOfAccount.remove(accountId, answered);
            room = waitingForRoom.poll();
        }
        answered.complete(null);
        if (room != null) {
            room.complete(null);
        }
    }

    synchronized int inFlight() {
        return inFlight;
    }
}
