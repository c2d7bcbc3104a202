package dev.ardoise.account.pos;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ardoise.account.application.AccountNotFoundException;
import dev.ardoise.account.application.CreditAccounts;
import dev.ardoise.account.application.Outcome;
import dev.ardoise.account.domain.ChargeDeclinedException;
import dev.ardoise.account.domain.ChargeSale;
import dev.ardoise.account.domain.CommandRefusedException;
import dev.ardoise.account.domain.IdempotencyConflictException;
import dev.ardoise.account.domain.InvalidCommandException;
import dev.ardoise.account.application.Requester;
import dev.ardoise.events.SaleCharged;
import dev.ardoise.http.NotFoundProblem;
import dev.ardoise.http.security.Caller;
import dev.ardoise.http.security.Roles;
import dev.ardoise.http.security.VerifiedCaller;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
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
 *
 * <p>The record header {@code authorization} carries the register's token ({@code Bearer <jwt>}), verified as an
 * HTTP call's. No valid token, a role that may not charge, or an account outside the token's stores: the sale is
 * answered DECLINED, dead-lettered, and nothing is charged.
 *
 * <p>Sales of different accounts are answered side by side, up to {@code ardoise.pos.sales.in-flight} at once;
 * the sales of one account (one record key) one after the other, in the topic's order ({@link SalesInFlight}).
 * Offsets are committed up to the oldest sale not yet answered (the connector's throttled commit strategy).
 */
@ApplicationScoped
public class PosSalesConsumer {
    private static final Logger LOG = Logger.getLogger(PosSalesConsumer.class);
    static final String SOURCE = "/ardoise/account-service";
    static final String AUTHORIZATION = "authorization";
    private static final String BEARER = "Bearer ";

    private final CreditAccounts accounts;
    private final PosSaleAnswers answers;
    private final MutinyEmitter<String> results;
    private final ObjectMapper mapper;
    private final PosSaleReader reader;
    private final JWTParser tokens;
    private final Clock clock;
    private final Counter tooLargeToDeadLetter;
    private final SalesInFlight inFlight;

    PosSalesConsumer(CreditAccounts accounts, PosSaleAnswers answers,
                     @Channel("pos-sale-results") MutinyEmitter<String> results, ObjectMapper mapper,
                     JWTParser tokens, Clock clock, MeterRegistry meters,
                     @ConfigProperty(name = "ardoise.pos.sales.in-flight", defaultValue = "32") int mostInFlight) {
        this.accounts = accounts;
        this.answers = answers;
        this.results = results;
        this.mapper = mapper;
        this.reader = new PosSaleReader(mapper);
        this.tokens = tokens;
        this.clock = clock;
        this.tooLargeToDeadLetter = meters.counter("ardoise.pos.sales.too.large.to.dead.letter");
        this.inFlight = new SalesInFlight(mostInFlight);
        meters.gauge("ardoise.pos.sales.in.flight", inFlight, SalesInFlight::inFlight);
    }

    /**
     * Takes the record as soon as there is room: the returned Uni completes when the next record may be taken, the
     * record itself is acknowledged once answered (or dead-lettered), after the account's earlier sales.
     */
    @Incoming("pos-sales")
    public Uni<Void> consume(Message<String> message) {
        String key = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(meta -> meta.getKey() == null ? null : meta.getKey().toString()).orElse(null);
        return inFlight.take(key == null ? "" : key, () -> answer(key, message)
                .onFailure().recoverWithUni(unexpected -> {
                    LOG.errorf("pos-sales record not answered, dead-lettered: %s", unexpected.getMessage());
                    return Uni.createFrom().completionStage(() -> message.nack(unexpected));
                }));
    }

    private Uni<Void> answer(String key, Message<String> message) {
        Map<String, String> headers = headers(message);
        PosSale sale;
        InvalidPosSaleException invalid = null;
        try {
            sale = reader.read(key, message.getPayload(), headers);
        } catch (UnreadablePosSaleException e) {
            LOG.warnf("pos-sales message dead-lettered: %s", e.getMessage());
            return deadLetter(message, e);
        } catch (InvalidPosSaleException e) {
            sale = reader.identify(key, message.getPayload(), headers);
            invalid = e;
        }
        // who sends is settled before anything is looked up or recorded for the sale: a stranger must neither
        // read another store's recorded answer nor take a sale id with an answer of its own
        Requester requester;
        UUID accountId;
        try {
            requester = requester(headers.get(AUTHORIZATION), sale.correlationId());
            accountId = accountId(sale);
        } catch (PosSaleRefusedException refused) {
            return refuse(sale, refused, message);
        }
        PosSale known = sale;
        InvalidPosSaleException wrongField = invalid;
        return retriedUntilAnswered(known, accounts.findVisible(accountId, requester)
                .onFailure(PosSalesConsumer::isMissing).recoverWithNull())
                .chain(account -> {
                    if (account == null) {
                        return refuse(known, new PosSaleRefusedException(PosSaleRefusedException.Reason.ACCOUNT_NOT_FOUND,
                                "no credit account " + known.accountId() + " in the token's stores"), message);
                    }
                    if (wrongField != null) {
                        return answerThenAck(known, () -> Uni.createFrom().item(PosSaleResult.rejected(
                                known.saleId(), known.accountId(), wrongField.field(), wrongField.getMessage())), message);
                    }
                    return answerThenAck(known, () -> charge(known, accountId, requester), message);
                });
    }

    /** The register (or cashier) the record's token names, when it may charge. */
    private Requester requester(String authorization, String correlationId) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new PosSaleRefusedException(PosSaleRefusedException.Reason.NO_VALID_TOKEN,
                    "no bearer token in the record header " + AUTHORIZATION);
        }
        Caller caller;
        try {
            caller = VerifiedCaller.of(tokens.parse(authorization.substring(BEARER.length()).strip()));
        } catch (ParseException | RuntimeException e) {
            throw new PosSaleRefusedException(PosSaleRefusedException.Reason.NO_VALID_TOKEN,
                    "the bearer token is not valid: expired, not signed by the configured issuer, or not meant "
                            + "for Ardoise");
        }
        if (!caller.has(Roles.CASHIER) && !caller.has(Roles.MANAGER)) {
            throw new PosSaleRefusedException(PosSaleRefusedException.Reason.ROLE_MAY_NOT_CHARGE,
                    "only a CASHIER or a MANAGER token may charge a sale");
        }
        return new Requester(caller, correlationId == null ? UUID.randomUUID().toString() : correlationId);
    }

    private static UUID accountId(PosSale sale) {
        try {
            return UUID.fromString(sale.accountId());
        } catch (IllegalArgumentException e) {
            throw new PosSaleRefusedException(PosSaleRefusedException.Reason.ACCOUNT_NOT_FOUND,
                    "no credit account " + sale.accountId());
        }
    }

    private static boolean isMissing(Throwable failure) {
        return failure instanceof AccountNotFoundException || failure instanceof NotFoundProblem;
    }

    /**
     * Answers DECLINED and dead-letters the record. The answer is not recorded by sale: the sale's rightful
     * register may still publish it with a valid token and must then be charged.
     */
    private Uni<Void> refuse(PosSale sale, PosSaleRefusedException refused, Message<String> message) {
        LOG.warnf("pos sale %s declined and dead-lettered: %s", sale.saleId(), refused.getMessage());
        PosSaleResult declined = PosSaleResult.refused(sale.saleId(), sale.accountId(), refused.reason().name(),
                refused.getMessage());
        return retriedUntilAnswered(sale, Uni.createFrom().deferred(
                        () -> send(sale.accountId(), sale.saleId(), answer(declined))))
                .chain(() -> deadLetter(message, refused));
    }

    /** A failure of the database or the broker is retried: a sale must be answered. */
    private static <T> Uni<T> retriedUntilAnswered(PosSale sale, Uni<T> step) {
        return step.onFailure(e -> !isRefusedForGood(e)).invoke(e -> LOG.warnf(
                        "pos sale %s not answered yet, will retry: %s", sale.saleId(), e.getMessage()))
                .onFailure(e -> !isRefusedForGood(e)).retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).indefinitely();
    }

    /**
     * Acknowledges the input (its offset may be committed) only once the answer is on the broker. A failure of
     * the database or the broker is retried, never dead-lettered: a good sale must be answered. Data the database
     * refuses for good (SQL states 22, 23, 42) would fail forever and hold every later sale back: dead-lettered.
     */
    private Uni<Void> answerThenAck(PosSale sale, java.util.function.Supplier<Uni<PosSaleResult>> decide,
                                    Message<String> message) {
        return retriedUntilAnswered(sale, answerOnce(sale, decide))
                .chain(() -> Uni.createFrom().completionStage(message::ack))
                .onFailure().recoverWithUni(e -> {
                    LOG.errorf("pos sale %s dead-lettered: the database refuses it: %s", sale.saleId(),
                            e.getMessage());
                    return deadLetter(message, e);
                });
    }

    /**
     * Sends the record to pos-sales.dlq with the reason, unless it is too large to be copied there
     * ({@link DeadLetterSize}): such a record is acknowledged, with one ERROR line saying where it stays on
     * pos-sales, so that the sales behind it go on.
     */
    private Uni<Void> deadLetter(Message<String> message, Throwable reason) {
        Optional<IncomingKafkaRecordMetadata> record = message.getMetadata(IncomingKafkaRecordMetadata.class);
        boolean fits = record.map(meta -> DeadLetterSize.fits(meta.getKey() == null ? null : meta.getKey().toString(),
                message.getPayload(), meta.getHeaders())).orElse(true);
        if (fits) {
            return Uni.createFrom().completionStage(() -> message.nack(reason));
        }
        tooLargeToDeadLetter.increment();
        LOG.errorf("pos-sales record at partition %d offset %d skipped, not dead-lettered: larger than %d bytes, "
                        + "more than pos-sales.dlq takes; it stays on pos-sales at that offset (%s)",
                record.get().getPartition(), record.get().getOffset(), DeadLetterSize.MOST_BYTES, reason.getMessage());
        return Uni.createFrom().completionStage(message::ack);
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

    /**
     * Answers the sale from its recorded answer, or decides, records and sends the answer. The same saleId with
     * another amount is not the same sale: it is refused as HTTP refuses it (409 idempotency-key-reused), REJECTED
     * naming saleId, and that refusal is not recorded (the first answer stays the sale's).
     */
    private Uni<Void> answerOnce(PosSale sale, java.util.function.Supplier<Uni<PosSaleResult>> decide) {
        return answers.find(sale.accountId(), sale.saleId())
                .chain(previous -> previous.map(answer -> Uni.createFrom().item(reusedFor(sale, answer)
                                .map(amount -> answer(PosSaleResult.rejected(sale.saleId(), sale.accountId(), "saleId",
                                        new IdempotencyConflictException("saleId", sale.saleId()).getMessage()
                                                + " (a sale of " + amount + ")")))
                                .orElse(answer)))
                        .orElseGet(() -> decide.get()
                                .chain(result -> answers.record(sale.accountId(), sale.saleId(), answer(result)))))
                .chain(answer -> send(sale.accountId(), sale.saleId(), answer));
    }

    /** The amount the sale id was first answered for, when this message asks for another one. */
    private Optional<BigDecimal> reusedFor(PosSale sale, PosSaleAnswers.Answer answer) {
        if (sale.amount() == null) {
            return Optional.empty();
        }
        try {
            JsonNode first = mapper.readTree(answer.json()).get("amount");
            if (first == null || !first.isTextual() && !first.isNumber()) {
                return Optional.empty();
            }
            BigDecimal amount = new BigDecimal(first.asText());
            return amount.compareTo(sale.amount()) == 0 ? Optional.empty() : Optional.of(amount);
        } catch (JsonProcessingException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Uni<PosSaleResult> charge(PosSale sale, UUID accountId, Requester requester) {
        if (sale.amount() == null) {
            return Uni.createFrom().item(PosSaleResult.rejected(sale.saleId(), sale.accountId(), "amount",
                    "amount: is required"));
        }
        ChargeSale command = new ChargeSale(sale.saleId(), sale.amount(), sale.lines(), sale.terms(), sale.dueDate(),
                null, requester.caller().registerId(), sale.holdId(), null, null);
        return accounts.charge(accountId, command, requester)
                .map(outcome -> charged(sale, outcome))
                .onFailure(ChargeDeclinedException.class).recoverWithItem(e -> declined(sale,
                        (ChargeDeclinedException) e))
                .onFailure(InvalidCommandException.class).recoverWithItem(e -> PosSaleResult.rejected(sale.saleId(),
                        sale.accountId(), ((InvalidCommandException) e).field(), e.getMessage()))
                .onFailure(IdempotencyConflictException.class).recoverWithItem(e -> PosSaleResult.rejected(
                        sale.saleId(), sale.accountId(), "saleId", e.getMessage()))
                .onFailure(CommandRefusedException.class).recoverWithItem(e -> PosSaleResult.rejected(
                        sale.saleId(), sale.accountId(), ((CommandRefusedException) e).problem(), e.getMessage()));
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

    /**
     * The record's headers, the register's token taken out of the record as it is read: a dead-lettered record
     * carries its headers to {@code pos-sales.dlq}, where a token could be taken and replayed.
     */
    private static Map<String, String> headers(Message<String> message) {
        Map<String, String> headers = new HashMap<>();
        Optional<IncomingKafkaRecordMetadata> metadata = message.getMetadata(IncomingKafkaRecordMetadata.class);
        metadata.ifPresent(meta -> {
            for (Header header : meta.getHeaders()) {
                if (header.value() != null) {
                    headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
                }
            }
            meta.getHeaders().remove(AUTHORIZATION);
        });
        return headers;
    }
}
