package dev.ardoise.testing;

import dev.ardoise.events.EventMetadata;
import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.AccountEventJson;
import dev.ardoise.events.AccountEventsTopic;
import dev.ardoise.events.AccountOpened;
import dev.ardoise.events.CreditLimitSet;
import dev.ardoise.events.DepositAdded;
import dev.ardoise.events.DepositPurpose;
import dev.ardoise.events.InvoiceLine;
import dev.ardoise.events.PaymentTerms;
import dev.ardoise.events.RecordedEvent;
import dev.ardoise.events.SaleCharged;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The events of one fresh test account, numbered 1, 2, 3... as account-service would record them. */
public final class AccountStream {
    public final UUID accountId;
    private long version;
    /** When the next events happened; now when not set. */
    private Instant occurredAt;

    public AccountStream() {
        this(UUID.randomUUID());
    }

    public AccountStream(UUID accountId) {
        this.accountId = accountId;
    }

    /** The following events happened on this store day (noon, Toronto). */
    public AccountStream on(LocalDate day) {
        occurredAt = day.atTime(12, 0).atZone(java.time.ZoneId.of("America/Toronto")).toInstant();
        return this;
    }

    public RecordedEvent event(AccountEvent event) {
        return next(event);
    }

    public RecordedEvent sale(String invoiceNumber, String amount, LocalDate issuedOn, LocalDate dueDate) {
        String id = accountId + "-" + invoiceNumber;
        InvoiceLine line = new InvoiceLine("Cedar planks", BigDecimal.ONE, new BigDecimal(amount), new BigDecimal(amount));
        return next(new SaleCharged("sale-" + id, id, invoiceNumber, new BigDecimal(amount), List.of(line),
                PaymentTerms.NET_30, issuedOn, dueDate, "MAIN", "R1"));
    }

    /** The invoice id {@link #sale} gives an invoice number. */
    public String invoiceId(String invoiceNumber) {
        return accountId + "-" + invoiceNumber;
    }

    public RecordedEvent opened() {
        return next(new AccountOpened("C-" + accountId, "Marie Tremblay", "marie@example.com", true, "fr-CA", "CAD"));
    }

    public RecordedEvent creditLimitSet(String limit) {
        return next(new CreditLimitSet(new BigDecimal(limit), null));
    }

    public RecordedEvent charged(String amount) {
        LocalDate today = LocalDate.now();
        return charged(amount, today, today.plusDays(30));
    }

    public RecordedEvent charged(String amount, LocalDate issuedOn, LocalDate dueDate) {
        String id = UUID.randomUUID().toString();
        InvoiceLine line = new InvoiceLine("Cedar planks", new BigDecimal("2"), new BigDecimal(amount)
                .divide(new BigDecimal("2")), new BigDecimal(amount));
        return next(new SaleCharged("sale-" + id, "inv-" + id, "MAIN-" + (1000 + version), new BigDecimal(amount),
                List.of(line), PaymentTerms.NET_30, issuedOn, dueDate, "MAIN", "R1"));
    }

    public RecordedEvent depositAdded(String amount) {
        return next(new DepositAdded("dep-" + UUID.randomUUID(), new BigDecimal(amount), DepositPurpose.LAYAWAY, null));
    }

    /** Takes a version without making an event, to publish it later (a gap) or as an unknown type. */
    public long skipVersion() {
        return ++version;
    }

    public RecordedEvent at(long atVersion, AccountEvent event) {
        return new RecordedEvent(UUID.randomUUID(), accountId, atVersion, occurredAt == null ? Instant.now() : occurredAt,
                EventMetadata.UNRECORDED, event);
    }

    private RecordedEvent next(AccountEvent event) {
        return at(++version, event);
    }

    public String path(String suffix) {
        return "/accounts/" + accountId + suffix;
    }

    public static ProducerRecord<String, String> record(RecordedEvent event) {
        return record(event.accountId().toString(), AccountEventJson.write(event), event.type(), event.eventId());
    }

    /** A record as account-service publishes it: key = account id, CloudEvents binary-mode headers. */
    public static ProducerRecord<String, String> record(String key, String body, String type, UUID eventId) {
        ProducerRecord<String, String> record = new ProducerRecord<>(AccountEventsTopic.NAME, key, body);
        AccountEventsTopic.headers(eventId, type, UUID.fromString(key), Instant.now())
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
