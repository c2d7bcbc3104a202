package dev.ardoise.account.pos;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ardoise.account.application.AccountNotFoundException;
import dev.ardoise.account.application.CreditAccounts;
import dev.ardoise.account.application.Outcome;
import dev.ardoise.account.domain.ChargeDeclinedException;
import dev.ardoise.account.domain.ChargeSale;
import dev.ardoise.account.domain.CommandRefusedException;
import dev.ardoise.account.domain.IdempotencyConflictException;
import dev.ardoise.account.domain.InvalidCommandException;
import dev.ardoise.events.Actor;
import dev.ardoise.events.EventMetadata;
import dev.ardoise.events.Role;
import dev.ardoise.events.SaleCharged;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Registers' sales over Kafka: each {@code pos-sales} message is charged like the HTTP charge and answered on
 * {@code pos-sale-results}. Every answer is recorded by sale first, so a sale published again gets the same answer
 * (a decline too) and is never charged twice. The input is acknowledged (its offset committed) only once the
 * broker has the answer. A message that cannot be answered goes to {@code pos-sales.dlq} with the reason.
 */
@ApplicationScoped
public class PosSalesConsumer {
    private static final Logger LOG = Logger.getLogger(PosSalesConsumer.class);
    static final String SOURCE = "/ardoise/account-service";

    private final CreditAccounts accounts;
    private final PosSaleAnswers answers;
    private final MutinyEmitter<String> results;
    private final ObjectMapper mapper;
    private final PosSaleReader reader;
    private final Clock clock;

    PosSalesConsumer(CreditAccounts accounts, PosSaleAnswers answers,
                     @Channel("pos-sale-results") MutinyEmitter<String> results, ObjectMapper mapper, Clock clock) {
        this.accounts = accounts;
        this.answers = answers;
        this.results = results;
        this.mapper = mapper;
        this.reader = new PosSaleReader(mapper);
        this.clock = clock;
    }

    @Incoming("pos-sales")
    public Uni<Void> consume(Message<String> message) {
        String key = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(meta -> meta.getKey() == null ? null : meta.getKey().toString()).orElse(null);
        Map<String, String> headers = headers(message);
        PosSale sale;
        try {
            sale = reader.read(key, message.getPayload(), headers);
        } catch (UnreadablePosSaleException e) {
            LOG.warnf("pos-sales message dead-lettered: %s", e.getMessage());
            return Uni.createFrom().completionStage(() -> message.nack(e));
        } catch (InvalidPosSaleException e) {
            PosSale known = reader.identify(key, message.getPayload(), headers);
            PosSaleResult rejected = PosSaleResult.rejected(known.saleId(), known.accountId(), e.field(),
                    e.getMessage());
            return answerThenAck(known, () -> Uni.createFrom().item(rejected), message);
        }
        return answerThenAck(sale, () -> charge(sale), message);
    }

    /**
     * Acknowledges the input (its offset may be committed) only once the answer is on the broker. A failure of
     * the database or the broker is retried, never dead-lettered: a good sale must be answered. Data the database
     * refuses for good (SQL states 22, 23, 42) would fail forever and hold every later sale back: dead-lettered.
     */
    private Uni<Void> answerThenAck(PosSale sale, java.util.function.Supplier<Uni<PosSaleResult>> decide,
                                    Message<String> message) {
        return answerOnce(sale, decide)
                .onFailure(e -> !isRefusedForGood(e)).invoke(e -> LOG.warnf(
                        "pos sale %s not answered yet, will retry: %s", sale.saleId(), e.getMessage()))
                .onFailure(e -> !isRefusedForGood(e)).retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).indefinitely()
                .chain(() -> Uni.createFrom().completionStage(message::ack))
                .onFailure().recoverWithUni(e -> {
                    LOG.errorf("pos sale %s dead-lettered: the database refuses it: %s", sale.saleId(),
                            e.getMessage());
                    return Uni.createFrom().completionStage(() -> message.nack(e));
                });
    }

    private static boolean isRefusedForGood(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg && pg.getSqlState() != null
                    && List.of("22", "23", "42").contains(pg.getSqlState().substring(0, 2))) {
                return true;
            }
        }
        return false;
    }

    /** Answers the sale from its recorded answer, or decides, records and sends the answer. */
    private Uni<Void> answerOnce(PosSale sale, java.util.function.Supplier<Uni<PosSaleResult>> decide) {
        return answers.find(sale.accountId(), sale.saleId())
                .chain(previous -> previous.map(answer -> Uni.createFrom().item(answer))
                        .orElseGet(() -> decide.get()
                                .chain(result -> answers.record(sale.accountId(), sale.saleId(), answer(result)))))
                .chain(answer -> send(sale.accountId(), sale.saleId(), answer));
    }

    private Uni<PosSaleResult> charge(PosSale sale) {
        UUID accountId;
        try {
            accountId = UUID.fromString(sale.accountId());
        } catch (IllegalArgumentException e) {
            return rejected(sale, "accountId", "accountId: is not a UUID");
        }
        if (sale.amount() == null) {
            return rejected(sale, "amount", "amount: is required");
        }
        ChargeSale command = new ChargeSale(sale.saleId(), sale.amount(), sale.lines(), sale.terms(), sale.dueDate(),
                null, sale.registerId(), sale.holdId(), null, null);
        return accounts.charge(accountId, command, metadata(sale))
                .map(outcome -> charged(sale, outcome))
                .onFailure(ChargeDeclinedException.class).recoverWithItem(e -> declined(sale,
                        (ChargeDeclinedException) e))
                .onFailure(InvalidCommandException.class).recoverWithItem(e -> PosSaleResult.rejected(sale.saleId(),
                        sale.accountId(), ((InvalidCommandException) e).field(), e.getMessage()))
                .onFailure(AccountNotFoundException.class).recoverWithItem(e -> PosSaleResult.rejected(sale.saleId(),
                        sale.accountId(), "accountId", e.getMessage()))
                .onFailure(IdempotencyConflictException.class).recoverWithItem(e -> PosSaleResult.rejected(
                        sale.saleId(), sale.accountId(), "saleId", e.getMessage()))
                .onFailure(CommandRefusedException.class).recoverWithItem(e -> PosSaleResult.rejected(
                        sale.saleId(), sale.accountId(), ((CommandRefusedException) e).problem(), e.getMessage()));
    }

    private static Uni<PosSaleResult> rejected(PosSale sale, String field, String detail) {
        return Uni.createFrom().item(PosSaleResult.rejected(sale.saleId(), sale.accountId(), field, detail));
    }

    private static PosSaleResult charged(PosSale sale, Outcome outcome) {
        SaleCharged charged = outcome.required(SaleCharged.class);
        return new PosSaleResult(sale.saleId(), sale.accountId(), PosSaleResult.Outcome.CHARGED, charged.invoiceId(),
                charged.invoiceNumber(), charged.dueDate(), charged.amount(), outcome.account().version(), null,
                outcome.account().available(), null);
    }

    private static PosSaleResult declined(PosSale sale, ChargeDeclinedException e) {
        return new PosSaleResult(sale.saleId(), sale.accountId(), PosSaleResult.Outcome.DECLINED, null, null, null,
                sale.amount(), null, e.reason().name(), e.available(), e.getMessage());
    }

    private static EventMetadata metadata(PosSale sale) {
        Actor actor = new Actor(Role.CASHIER, sale.userId(), sale.registerId(), sale.storeId());
        return new EventMetadata(actor, sale.correlationId() == null ? UUID.randomUUID().toString()
                : sale.correlationId());
    }

    private PosSaleAnswers.Answer answer(PosSaleResult result) {
        try {
            return new PosSaleAnswers.Answer(UUID.randomUUID(), result.outcome().type(),
                    mapper.writeValueAsString(result), clock.instant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer", e);
        }
    }

    private Uni<Void> send(String accountId, String saleId, PosSaleAnswers.Answer answer) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_id", answer.id().toString());
        header(headers, "ce_type", answer.type());
        header(headers, "ce_source", SOURCE);
        header(headers, "ce_subject", saleId);
        header(headers, "ce_time", DateTimeFormatter.ISO_INSTANT.format(answer.answeredAt()));
        header(headers, "ce_specversion", "1.0");
        header(headers, "content-type", "application/json");
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(accountId).withHeaders(headers).build();
        return results.sendMessage(Message.of(answer.json()).addMetadata(metadata));
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> headers(Message<String> message) {
        Map<String, String> headers = new HashMap<>();
        Optional<IncomingKafkaRecordMetadata> metadata = message.getMetadata(IncomingKafkaRecordMetadata.class);
        metadata.ifPresent(meta -> {
            for (Header header : meta.getHeaders()) {
                if (header.value() != null) {
                    headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
                }
            }
        });
        return headers;
    }
}
