package io.github.geodispatch.billing;

import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Coverage;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.EventHeader;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.HashChain;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.Priority;
import io.github.geodispatch.spi.Site;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.StreamId;
import io.github.geodispatch.spi.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Builds hash-chained job streams for the billing tests. */
final class Streams {
    static final TenantId TENANT = TenantId.of("sheetal");
    static final Actor SYSTEM = Actor.system(TENANT);

    private final StreamId stream;
    private final List<JobEvent> events = new ArrayList<>();

    private Streams(String job) {
        this.stream = StreamId.of(TENANT, JobId.of(job));
    }

    static Streams job(String job, Money quote, Coverage coverage) {
        Streams streams = new Streams(job);
        streams.add(Instant.parse("2026-11-01T08:00:00Z"), header -> new JobEvent.JobCreated(header, BranchId.of("BR-1"),
                CustomerId.of("C-0001"), new Site(SiteId.of("S-1"), GeoPoint.of(12.93, 77.62), 80, "Koramangala"),
                "AC not cooling", "AC_SERVICE", List.of(), Priority.NORMAL, null, null, 60, quote, coverage, null));
        return streams;
    }

    Streams status(JobStatus status, Instant at) {
        return add(at, header -> new JobEvent.StatusChanged(header, status, "", null));
    }

    Streams part(String sku, String hsn, int quantity, Money unitPrice, boolean billable, Instant at) {
        return add(at, header -> new JobEvent.PartUsed(header, sku, hsn, quantity, unitPrice, billable));
    }

    Streams expense(String kind, Money amount, boolean billable, Instant at) {
        return add(at, header -> new JobEvent.ExpenseAdded(header, kind, amount, billable));
    }

    Streams payment(PaymentMode mode, Money amount, String reference, Instant at) {
        return add(at, header -> new JobEvent.PaymentRecorded(header, mode, amount, reference, null, null));
    }

    StreamId id() {
        return stream;
    }

    List<JobEvent> events() {
        return List.copyOf(events);
    }

    private Streams add(Instant at, Function<EventHeader, JobEvent> event) {
        EventHeader header = new EventHeader(UUID.randomUUID(), stream, events.size() + 1, at, SYSTEM,
                HashChain.head(events));
        events.add(event.apply(header));
        return this;
    }
}
