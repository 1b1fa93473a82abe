package io.github.geodispatch.benchmarks.job;

import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.ChainFormat;
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
import io.github.geodispatch.spi.Priority;
import io.github.geodispatch.spi.Site;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.SkillRequirement;
import io.github.geodispatch.spi.StreamId;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;
import io.github.geodispatch.spi.TimeWindow;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The hash of one job event, which the job record computes for every event it appends and every event it folds
 * (a job's state is a fold of its stream, and each step keeps the head hash), on one thread:
 * <ul>
 *   <li>{@code canonical}: format 2, {@link HashChain#hash} of the canonical byte encoding (what new events use);</li>
 *   <li>{@code frozenText}: format 1, {@link HashChain#hash} of the frozen field-by-field reproduction of the old
 *       text (what verifying a chain written before 0.2 costs);</li>
 *   <li>{@code recordToString}: the baseline, the code before format 2: SHA-256 of the record's {@code toString()}.</li>
 * </ul>
 * Two events: {@code created}, a {@code JobCreated} with every optional component (the largest event), and
 * {@code arrived}, a {@code StatusChanged} (the most frequent kind). Sample-time mode, so the report has the
 * median beside the mean; run with {@code -prof gc} for the bytes allocated per hash.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class HashChainBenchmark {

    @Param({"created", "arrived"})
    public String event;

    private JobEvent canonical;
    private JobEvent frozenText;

    @Setup
    public void setUp() {
        canonical = event(ChainFormat.CANONICAL_V2);
        frozenText = event(ChainFormat.TEXT_V1);
    }

    private JobEvent event(ChainFormat format) {
        TenantId tenant = TenantId.of("coolair-blr");
        Instant t = Instant.parse("2026-11-16T03:30:30.123456789Z");
        EventHeader header = new EventHeader(UUID.fromString("5eed0000-0000-0000-0000-000000000004"),
                StreamId.of(tenant, JobId.of("JOB-1001")), 4, t,
                Actor.technician(tenant, BranchId.of("indiranagar"), TechnicianId.of("ravi")), "ab".repeat(32), format,
                null);
        if (event.equals("arrived")) {
            return new JobEvent.StatusChanged(header, JobStatus.ARRIVED, "", "visit:ravi at S-77 from 2026-11-16T03:30:30Z");
        }
        return new JobEvent.JobCreated(header, BranchId.of("indiranagar"), CustomerId.of("C-5521"),
                new Site(SiteId.of("S-77"), GeoPoint.of(12.9719, 77.6412), 60, "2nd floor, 100 Feet Rd, Indiranagar"),
                "1.5 ton split AC not cooling", "AC_SERVICE", List.of(SkillRequirement.of("ac.split.service", 2)),
                Priority.HIGH, new TimeWindow(t, t.plusSeconds(4 * 3600)), t.plusSeconds(24 * 3600), 90,
                Money.inr(149_900), new Coverage(CoverageKind.AMC, "AMC-2025-0042", LocalDate.of(2027, 3, 31),
                List.of("AC_SERVICE")), TechnicianId.of("ravi"));
    }

    @Benchmark
    public String canonical() {
        return HashChain.hash(canonical);
    }

    @Benchmark
    public String frozenText() {
        return HashChain.hash(frozenText);
    }

    @Benchmark
    public String recordToString() throws NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        return HexFormat.of().formatHex(digest.digest(frozenText.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
