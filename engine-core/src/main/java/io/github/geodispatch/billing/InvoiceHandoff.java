package io.github.geodispatch.billing;

import io.github.geodispatch.spi.AccountsHandoff;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.ConcurrencyConflictException;
import io.github.geodispatch.spi.EventHeader;
import io.github.geodispatch.spi.HashChain;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobEventStore;
import io.github.geodispatch.spi.StreamId;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Hands each invoice to accounts exactly once and records it on the job. The job's stream is the record
 * of truth: an invoice whose {@link JobEvent.InvoiceHandedOff} is already on the stream is not delivered
 * again; otherwise the invoice document ({@link InvoiceJson}) goes to the {@link AccountsHandoff} port,
 * then {@code InvoiceHandedOff} (number, total, part SKUs) is appended with optimistic concurrency. A
 * crash between the two delivers again on the next attempt, which the port's contract (a repeated
 * number is already delivered) makes harmless. A job already handed off under another number is an
 * error. Thread-safe: concurrent hand-offs of one invoice deliver it once.
 */
public final class InvoiceHandoff {
    private static final int ATTEMPTS = 8;

    private final AccountsHandoff accounts;
    private final JobEventStore store;
    private final Actor actor;
    private final InstantSource clock;
    private final Object[] locks = new Object[64];

    /** {@code actor} (usually {@link Actor#system}) is who the event names; its tenant owns the jobs. */
    public InvoiceHandoff(AccountsHandoff accounts, JobEventStore store, Actor actor, InstantSource clock) {
        this.accounts = Objects.requireNonNull(accounts, "accounts handoff");
        this.store = Objects.requireNonNull(store, "job event store");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.clock = Objects.requireNonNull(clock, "clock");
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /** Delivers {@code invoice} and records it; true when delivered now, false when it already was. */
    public boolean handOff(Invoice invoice) {
        Objects.requireNonNull(invoice, "invoice");
        StreamId stream = StreamId.of(actor.tenant(), invoice.job());
        synchronized (locks[Math.floorMod(stream.hashCode(), locks.length)]) {
            boolean delivered = false;
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                List<JobEvent> events = store.readStream(stream);
                if (events.isEmpty()) {
                    throw new BillingException("job " + invoice.job() + " has no record; cannot hand off invoice "
                            + invoice.number());
                }
                JobEvent.InvoiceHandedOff previous = handedOff(events);
                if (previous != null) {
                    if (previous.invoiceNumber().equals(invoice.number())) {
                        return false;
                    }
                    throw new BillingException("job " + invoice.job() + " was already handed off as invoice "
                            + previous.invoiceNumber() + "; not handing off " + invoice.number());
                }
                if (!delivered) {
                    accounts.handOff(invoice.number(), InvoiceJson.write(invoice));
                    delivered = true;
                }
                long version = events.get(events.size() - 1).header().version();
                EventHeader header = new EventHeader(eventId(stream, invoice.number()), stream, version + 1,
                        clock.instant(), actor, HashChain.head(events));
                try {
                    store.append(stream, version, List.of(new JobEvent.InvoiceHandedOff(header, invoice.number(),
                            invoice.total(), invoice.partSkus())));
                    return true;
                } catch (ConcurrencyConflictException conflict) {
                    // another writer moved the stream on; read it again and retry
                }
            }
            throw new BillingException("job " + invoice.job() + " kept changing; invoice " + invoice.number()
                    + " was delivered but not recorded after " + ATTEMPTS + " attempts");
        }
    }

    /** The hand-off recorded on a job's stream, or null. */
    static JobEvent.InvoiceHandedOff handedOff(List<? extends JobEvent> events) {
        for (JobEvent event : events) {
            if (event instanceof JobEvent.InvoiceHandedOff) {
                return (JobEvent.InvoiceHandedOff) event;
            }
        }
        return null;
    }

    private static UUID eventId(StreamId stream, String number) {
        return UUID.nameUUIDFromBytes(("invoice-handoff/" + stream + "/" + number).getBytes(StandardCharsets.UTF_8));
    }
}
