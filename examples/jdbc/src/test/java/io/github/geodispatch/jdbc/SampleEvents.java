package io.github.geodispatch.jdbc;

import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Coverage;
import io.github.geodispatch.spi.CoverageKind;
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
import io.github.geodispatch.spi.ProofKind;
import io.github.geodispatch.spi.Site;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.SkillRequirement;
import io.github.geodispatch.spi.StreamId;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;
import io.github.geodispatch.spi.TimeWindow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Builds hash-chained job streams for the tests. */
final class SampleEvents {
    static final TenantId TENANT = TenantId.of("acme-cool");
    static final BranchId BRANCH = BranchId.of("blr-south");
    static final Instant T0 = Instant.parse("2025-03-14T04:30:00.123456789Z");

    private SampleEvents() {}

    static StreamId stream(String job) {
        return StreamId.of(TENANT, JobId.of(job));
    }

    static EventHeader header(StreamId stream, long version, String previousHash) {
        return new EventHeader(UUID.randomUUID(), stream, version, T0.plusSeconds(version * 60),
                Actor.dispatcher(stream.tenant(), BRANCH, "disp-1"), previousHash);
    }

    static JobEvent.JobCreated created(EventHeader header) {
        return new JobEvent.JobCreated(header, BRANCH, CustomerId.of("cust-42"),
                new Site(SiteId.of("site-7"), GeoPoint.of(12.9352, 77.6245), 75.0, "4th Cross, Koramangala"),
                "AC not cooling, \"gas\" leak? — ठंडा नहीं", "AC_SERVICE",
                List.of(SkillRequirement.of("ac.split.service", 2)), Priority.HIGH,
                new TimeWindow(T0, T0.plusSeconds(7200)), T0.plusSeconds(86_400), 90, Money.inr(149_900),
                new Coverage(CoverageKind.AMC, "AMC-2025-001", LocalDate.of(2026, 3, 31), List.of("AC_SERVICE")),
                null);
    }

    /** Every variant once, chained: version 1 is the JobCreated. */
    static List<JobEvent> everyVariant(StreamId stream) {
        List<JobEvent> events = new ArrayList<>();
        events.add(created(header(stream, 1, HashChain.GENESIS)));
        events.add(new JobEvent.JobAssigned(next(stream, events), TechnicianId.of("tech-9"), null));
        events.add(new JobEvent.StatusChanged(next(stream, events), JobStatus.ARRIVED, "", "visit:v-1"));
        events.add(new JobEvent.ProofAdded(next(stream, events), ProofKind.PHOTO, "after", "s3://b/p.jpg",
                "ab".repeat(32)));
        events.add(new JobEvent.PartUsed(next(stream, events), "GAS-R32", "29034900", 2, Money.inr(45_000), true));
        events.add(new JobEvent.ExpenseAdded(next(stream, events), "parking", Money.inr(5_000), false));
        events.add(new JobEvent.PaymentRecorded(next(stream, events), PaymentMode.UPI, Money.inr(239_900),
                "412345678901", null, null));
        events.add(new JobEvent.JobUnassigned(next(stream, events), TechnicianId.of("tech-9"), "done"));
        events.add(new JobEvent.InvoiceHandedOff(next(stream, events), "INV/25-26/0001", Money.inr(239_900),
                List.of("GAS-R32")));
        return events;
    }

    /** {@code count} expense events continuing a stream that is at {@code stored.size()}. */
    static List<JobEvent> expenses(StreamId stream, List<? extends JobEvent> stored, int count, long amountMinor) {
        List<JobEvent> all = new ArrayList<>(stored);
        List<JobEvent> added = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            JobEvent e = new JobEvent.ExpenseAdded(next(stream, all), "fuel", Money.inr(amountMinor), true);
            all.add(e);
            added.add(e);
        }
        return added;
    }

    static EventHeader next(StreamId stream, List<? extends JobEvent> before) {
        return header(stream, before.size() + 1, HashChain.head(before));
    }

    /** True when a text of the event holds a lone UTF-16 surrogate, which UTF-8 storage cannot keep. */
    static boolean hasUnpairedSurrogate(JobEvent event) {
        return event.toString().codePoints().anyMatch(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE);
    }
}
