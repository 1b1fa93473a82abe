package io.github.geodispatch.memory;

import io.github.geodispatch.job.JobCommand;
import io.github.geodispatch.job.JobRecord;
import io.github.geodispatch.job.JobState;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.ChainFormat;
import io.github.geodispatch.spi.ChainMigration;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.EventHeader;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.HashChain;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobEventStore;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.ProofKind;
import io.github.geodispatch.spi.Site;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.StoredEvent;
import io.github.geodispatch.spi.StreamId;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The chain migration over the in-memory store: a store written before the canonical encoding (format 1 streams,
 * one of them tampered with, one already continued in format 2) is copied into a fresh store, re-chained, and the
 * job record carries on over the copy.
 */
class ChainMigrationTest {
    private static final TenantId TENANT = TenantId.of("coolair");
    private static final BranchId BRANCH = BranchId.of("blr-east");
    private static final Actor DISPATCHER = Actor.dispatcher(TENANT, BRANCH, "priya");
    private static final Instant T0 = Instant.parse("2025-06-02T04:30:00Z");

    /** A job's events as the job record writes them today, re-written in format 1 as older hosts wrote them. */
    private static List<JobEvent> formatOneJob(String job, int notes) {
        JobRecord record = JobRecord.builder().clock(() -> T0).build();
        JobId id = JobId.of(job);
        record.execute(DISPATCHER, JobCommand.CreateJob.builder(id, BRANCH, CustomerId.of("C-1"),
                new Site(SiteId.of("S-" + job), GeoPoint.of(12.97, 77.64), 60, "100 Feet Rd"), "AC_SERVICE")
                .quote(Money.inr(149_900)).build()).orThrow();
        record.execute(DISPATCHER, JobCommand.Assign.of(id, TechnicianId.of("ravi"))).orThrow();
        for (int i = 0; i < notes; i++) {
            record.execute(DISPATCHER, new JobCommand.AddProof(id, ProofKind.NOTE, "", "note " + i, null)).orThrow();
        }
        List<JobEvent> legacy = new ArrayList<>();
        for (JobEvent e : record.history(DISPATCHER, id)) {
            EventHeader h = e.header();
            legacy.add(e.withHeader(new EventHeader(h.eventId(), h.stream(), h.version(), h.occurredAt(), h.actor(),
                    HashChain.head(legacy), ChainFormat.TEXT_V1, null)));
        }
        return legacy;
    }

    private static void appendOneByOne(JobEventStore store, List<JobEvent> events) {
        for (JobEvent e : events) {
            store.append(e.header().stream(), e.header().version() - 1, List.of(e));
        }
    }

    @Test
    void everyVerifyingStreamIsReChainedWithItsContentAndOrderKept() {
        InMemoryJobEventStore old = new InMemoryJobEventStore();
        List<JobEvent> a = formatOneJob("JOB-A", 3), b = formatOneJob("JOB-B", 1);
        // interleave the two streams, as real appends are
        appendOneByOne(old, a.subList(0, 2));
        appendOneByOne(old, b);
        appendOneByOne(old, a.subList(2, a.size()));

        InMemoryJobEventStore migrated = new InMemoryJobEventStore();
        ChainMigration.Report report = ChainMigration.copy(old, migrated);

        assertThat(report.events()).isEqualTo(a.size() + b.size());
        assertThat(report.broken()).isEmpty();
        for (List<JobEvent> before : List.of(a, b)) {
            StreamId stream = before.get(0).header().stream();
            List<JobEvent> after = migrated.readStream(stream);
            assertThat(after).extracting(e -> e.header().format()).containsOnly(ChainFormat.CANONICAL_V2);
            assertThat(HashChain.verifies(after)).isTrue();
            for (int i = 0; i < before.size(); i++) {
                assertThat(after.get(i).withHeader(before.get(i).header())).isEqualTo(before.get(i));
            }
            ChainMigration.StreamResult result = report.streams().stream().filter(s -> s.stream().equals(stream))
                    .findFirst().orElseThrow();
            assertThat(result.oldHead()).isEqualTo(HashChain.head(before));
            assertThat(result.newHead()).isEqualTo(HashChain.head(after));
        }
        assertThat(migrated.readAll(0, 100)).extracting(s -> s.event().header().eventId())
                .containsExactlyElementsOf(old.readAll(0, 100).stream().map(s -> s.event().header().eventId()).toList());
    }

    @Test
    void aTamperedStreamKeepsItsBreakWhereItWas() {
        InMemoryJobEventStore old = new InMemoryJobEventStore();
        List<JobEvent> job = new ArrayList<>(formatOneJob("JOB-T", 4));
        JobEvent.ProofAdded note = (JobEvent.ProofAdded) job.get(3);
        job.set(3, new JobEvent.ProofAdded(note.header(), note.kind(), note.label(), "note rewritten later", null));
        appendOneByOne(old, job);
        assertThat(HashChain.firstBroken(job)).hasValue(4);

        InMemoryJobEventStore migrated = new InMemoryJobEventStore();
        ChainMigration.Report report = ChainMigration.copy(old, migrated);

        assertThat(report.broken()).singleElement().extracting(ChainMigration.StreamResult::brokenAtVersion).isEqualTo(5L);
        List<JobEvent> after = migrated.readStream(job.get(0).header().stream());
        assertThat(HashChain.firstBroken(after)).as("still broken at version 5").hasValue(4);
        assertThat(after.subList(4, after.size())).containsExactlyElementsOf(job.subList(4, job.size()));
    }

    @Test
    void aStreamAlreadyContinuedInFormatTwoIsReChainedWhole() {
        InMemoryJobEventStore old = new InMemoryJobEventStore();
        List<JobEvent> job = new ArrayList<>(formatOneJob("JOB-M", 1));
        job.add(new JobEvent.ProofAdded(new EventHeader(UUID.randomUUID(), job.get(0).header().stream(), job.size() + 1,
                T0, DISPATCHER, HashChain.head(job)), ProofKind.NOTE, "", "written after the upgrade", null));
        appendOneByOne(old, job);
        assertThat(HashChain.verifies(job)).isTrue();

        InMemoryJobEventStore migrated = new InMemoryJobEventStore();
        assertThat(ChainMigration.copy(old, migrated).broken()).isEmpty();

        assertThat(HashChain.verifies(migrated.readStream(job.get(0).header().stream()))).isTrue();
    }

    @Test
    void theJobRecordCarriesOnOverTheMigratedStore() {
        InMemoryJobEventStore old = new InMemoryJobEventStore();
        appendOneByOne(old, formatOneJob("JOB-C", 0));
        InMemoryJobEventStore migrated = new InMemoryJobEventStore();
        ChainMigration.copy(old, migrated);

        JobRecord record = JobRecord.builder().eventStore(migrated).clock(() -> T0).build();
        JobState state = record.execute(DISPATCHER, new JobCommand.AddProof(JobId.of("JOB-C"), ProofKind.NOTE, "",
                "after the migration", null)).orThrow();

        assertThat(state.version()).isEqualTo(3);
        assertThat(record.verifyHistory(DISPATCHER, JobId.of("JOB-C")).orElseThrow().intact()).isTrue();
    }

    @Test
    void aTargetThatHoldsEventsIsRefused() {
        InMemoryJobEventStore old = new InMemoryJobEventStore(), used = new InMemoryJobEventStore();
        appendOneByOne(old, formatOneJob("JOB-D", 0));
        appendOneByOne(used, formatOneJob("JOB-E", 0));

        assertThatThrownBy(() -> ChainMigration.copy(old, used)).hasMessageContaining("must be empty");
        assertThat(used.readAll(0, 10)).extracting(StoredEvent::position).containsExactly(1L, 2L);
    }
}
