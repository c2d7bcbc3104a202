package dev.ardoise.notification.it;

import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.AccountEventJson;
import dev.ardoise.events.AccountEventsTopic;
import dev.ardoise.events.AccountOpened;
import dev.ardoise.events.CommandVersions;
import dev.ardoise.events.Allocation;
import dev.ardoise.events.CreditLimitSet;
import dev.ardoise.events.DepositAdded;
import dev.ardoise.events.DepositApplied;
import dev.ardoise.events.DepositPurpose;
import dev.ardoise.events.EventMetadata;
import dev.ardoise.events.PaymentReceived;
import dev.ardoise.events.InvoiceLine;
import dev.ardoise.events.PaymentTerms;
import dev.ardoise.events.RecordedEvent;
import dev.ardoise.events.SaleCharged;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/** Publishes account events the way account-service does: key = account id, JSON body, CloudEvents headers. */
final class AccountEventsFixture {
    private static final AtomicInteger INVOICE_NUMBERS = new AtomicInteger((int) (System.nanoTime() % 100_000));
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /**
     * One producer per broker for every test of the JVM, closed when the JVM ends: the companion's own producers live
     * for one send each, and each costs a connection, a producer id from the broker and a close.
     */
    private static final Map<String, Producer<String, String>> PRODUCERS = new ConcurrentHashMap<>();

    private final Producer<String, String> producer;

    AccountEventsFixture(KafkaCompanion kafka) {
        this.producer = PRODUCERS.computeIfAbsent(kafka.getBootstrapServers(), servers -> {
            KafkaProducer<String, String> created = new KafkaProducer<>(kafka.getProducerProperties(),
                    new StringSerializer(), new StringSerializer());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> created.close(Duration.ZERO)));
            return created;
        });
    }

    static AccountOpened opened(String email, boolean consent, String language) {
        return new AccountOpened("customer-" + UUID.randomUUID(), "Claire Tremblay", email, consent, language, "CAD");
    }

    /** An account opened in a store, as account-service records it since accounts belong to one. */
    static AccountOpened openedIn(String store, String email, boolean consent, String language) {
        return new AccountOpened("customer-" + UUID.randomUUID(), "Claire Tremblay", email, consent, language, "CAD",
                store);
    }

    static SaleCharged charged(String amount) {
        String number = "MAIN-" + String.format("%06d", INVOICE_NUMBERS.incrementAndGet());
        BigDecimal total = new BigDecimal(amount);
        return new SaleCharged("sale-" + UUID.randomUUID(), UUID.randomUUID().toString(), number, total,
                List.of(new InvoiceLine("Peinture, 4 L", BigDecimal.ONE, total, total)), PaymentTerms.NET_30,
                LocalDate.of(2026, 11, 29), LocalDate.of(2026, 12, 29), "MAIN", "R1");
    }

    /** Two lines with taxes: 2 x 500.00 + 149.75 tax, 3 x 10.00 + 4.49 tax = 1,184.24. */
    static SaleCharged chargedWithTaxes() {
        String number = "MAIN-" + String.format("%06d", INVOICE_NUMBERS.incrementAndGet());
        return new SaleCharged("sale-" + UUID.randomUUID(), UUID.randomUUID().toString(), number,
                new BigDecimal("1184.24"),
                List.of(new InvoiceLine("Peinture, 4 L", new BigDecimal("2"), new BigDecimal("500.00"),
                                new BigDecimal("1000.00"), new BigDecimal("149.75")),
                        new InvoiceLine("Rouleau", new BigDecimal("3"), new BigDecimal("10.00"),
                                new BigDecimal("30.00"), new BigDecimal("4.49"))),
                PaymentTerms.NET_30, LocalDate.of(2026, 11, 29), LocalDate.of(2026, 12, 29), "MAIN", "R1");
    }

    static DepositAdded deposit(String amount) {
        return new DepositAdded("D-" + UUID.randomUUID(), new BigDecimal(amount), DepositPurpose.SPECIAL_ORDER, null);
    }

    /** Part of the sale paid from the deposit at the till, as account-service appends it right after the sale. */
    static DepositApplied depositAtTheTill(SaleCharged sale, String amount) {
        return new DepositApplied(sale.saleId(), new BigDecimal(amount),
                List.of(new Allocation(sale.invoiceId(), sale.invoiceNumber(), new BigDecimal(amount))));
    }

    static CreditLimitSet limit(String amount) {
        return new CreditLimitSet(new BigDecimal(amount), null);
    }

    static PaymentReceived paid(SaleCharged invoice) {
        return new PaymentReceived("P-" + UUID.randomUUID(), invoice.amount(), "CASH", null,
                List.of(new Allocation(invoice.invoiceId(), invoice.invoiceNumber(), invoice.amount())));
    }

    static String uniqueDomain() {
        return UUID.randomUUID().toString().substring(0, 8) + ".example";
    }

    /** @return the record's body, to publish it again */
    String publish(UUID accountId, long version, AccountEvent event) {
        RecordedEvent recorded = new RecordedEvent(UUID.randomUUID(), accountId, version, Instant.now(), EventMetadata.UNRECORDED, event);
        String body = AccountEventJson.write(recorded);
        publishRaw(accountId.toString(), body, recorded);
        return body;
    }

    /**
     * The events of one command (a sale and the deposit used at the till), versions on from {@code firstVersion},
     * sent at once as account-service's relay sends a command's events, not one after another's acknowledgement.
     */
    void publishTogether(UUID accountId, long firstVersion, AccountEvent... events) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        EventMetadata ofCommand = EventMetadata.UNRECORDED.withCommand(
                new CommandVersions(firstVersion, firstVersion + events.length - 1));
        for (AccountEvent event : events) {
            RecordedEvent recorded = new RecordedEvent(UUID.randomUUID(), accountId, firstVersion + records.size(),
                    Instant.now(), ofCommand, event);
            records.add(record(accountId.toString(), AccountEventJson.write(recorded), recorded));
        }
        List<Future<RecordMetadata>> sent = records.stream().map(producer::send).toList();
        sent.forEach(AccountEventsFixture::acknowledged);
    }

    /** One event of a command that appended {@code command}'s versions, published alone. */
    void publishOfCommand(UUID accountId, long version, CommandVersions command, AccountEvent event) {
        RecordedEvent recorded = new RecordedEvent(UUID.randomUUID(), accountId, version, Instant.now(),
                EventMetadata.UNRECORDED.withCommand(command), event);
        publishRaw(accountId.toString(), AccountEventJson.write(recorded), recorded);
    }

    void publishRaw(String key, String body) {
        publishRaw(key, body, null);
    }

    private void publishRaw(String key, String body, RecordedEvent event) {
        acknowledged(producer.send(record(key, body, event)));
    }

    private static void acknowledged(Future<RecordMetadata> sent) {
        try {
            sent.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("an account event was not published", e);
        }
    }

    private static ProducerRecord<String, String> record(String key, String body, RecordedEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(AccountEventsTopic.NAME, key, body);
        if (event != null) {
            AccountEventsTopic.headers(event).forEach((name, value) ->
                    record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        }
        return record;
    }
}
