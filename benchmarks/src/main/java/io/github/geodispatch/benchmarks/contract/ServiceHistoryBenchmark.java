package io.github.geodispatch.benchmarks.contract;

import io.github.geodispatch.customer.HistoryEntry;
import io.github.geodispatch.customer.ServiceHistory;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.EquipmentId;
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
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A customer's, a site's and a unit's service history at {@code jobs} jobs (five events each: created, part,
 * completed, payment, invoice; one customer per five jobs on average, one site per customer, every job linked to
 * a unit): {@code projection*} asks the {@link ServiceHistory} projection, {@code naiveScan} is the baseline that
 * reads every job stream, keeps the customer's and sorts them. The customer asked cycles through a precomputed,
 * seeded list. The target: under 1 ms at 100,000 jobs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ServiceHistoryBenchmark {
    @Param({"100000"})
    int jobs;

    private final ServiceHistory history = ServiceHistory.create();
    /** The job streams as a store holds them, for the naive baseline. */
    private final Map<JobId, List<JobEvent>> streams = new LinkedHashMap<>();
    private CustomerId[] customers;
    private SiteId[] sites;
    private EquipmentId[] units;
    private int next;

    @Setup(Level.Trial)
    public void feed() {
        Random random = new Random(42);
        int customerCount = Math.max(1, jobs / 5);
        TenantId tenant = TenantId.of("bench");
        Actor actor = Actor.system(tenant);
        Instant t0 = Instant.parse("2026-01-01T03:30:00Z");
        customers = new CustomerId[1024];
        sites = new SiteId[1024];
        units = new EquipmentId[1024];
        for (int i = 0; i < 1024; i++) {
            int c = random.nextInt(customerCount);
            customers[i] = CustomerId.of("C-" + c);
            sites[i] = SiteId.of("S-" + c);
            units[i] = EquipmentId.of("EQ-" + c + "-" + random.nextInt(2));
        }
        for (int j = 0; j < jobs; j++) {
            int c = random.nextInt(customerCount);
            JobId job = JobId.of("J-" + j);
            StreamId stream = StreamId.of(tenant, job);
            Instant at = t0.plusSeconds(j * 300L);
            history.link(job, EquipmentId.of("EQ-" + c + "-" + random.nextInt(2)));
            List<JobEvent> events = new ArrayList<>(5);
            events.add(new JobEvent.JobCreated(header(stream, 1, at, actor, events), BranchId.of("B"), CustomerId.of("C-" + c),
                    new Site(SiteId.of("S-" + c), GeoPoint.of(12.9, 77.6), 60, ""), "", "AC_SERVICE", List.of(),
                    Priority.NORMAL, null, null, 60, Money.inr(99_900), null, null));
            events.add(new JobEvent.PartUsed(header(stream, 2, at.plusSeconds(3600), actor, events), "CAP-35", "85322990",
                    1, Money.inr(45_000), true));
            events.add(new JobEvent.StatusChanged(header(stream, 3, at.plusSeconds(5400), actor, events),
                    JobStatus.COMPLETED, "", null));
            events.add(new JobEvent.PaymentRecorded(header(stream, 4, at.plusSeconds(5500), actor, events),
                    PaymentMode.CASH, Money.inr(144_900), null, null, null));
            events.add(new JobEvent.InvoiceHandedOff(header(stream, 5, at.plusSeconds(7200), actor, events), "INV-" + j,
                    Money.inr(144_900), List.of("CAP-35")));
            events.forEach(history::accept);
            streams.put(job, events);
        }
    }

    private static EventHeader header(StreamId stream, long version, Instant at, Actor actor, List<JobEvent> before) {
        return new EventHeader(new UUID(stream.hashCode(), version), stream, version, at, actor,
                before.isEmpty() ? HashChain.GENESIS : "a".repeat(64));
    }

    @Benchmark
    public List<HistoryEntry> projectionByCustomer() {
        return history.ofCustomer(customers[next++ & 1023]);
    }

    @Benchmark
    public List<HistoryEntry> projectionBySite() {
        return history.ofSite(sites[next++ & 1023]);
    }

    @Benchmark
    public List<HistoryEntry> projectionByEquipment() {
        return history.ofEquipment(units[next++ & 1023]);
    }

    @Benchmark
    public List<JobEvent> naiveScanByCustomer() {
        CustomerId customer = customers[next++ & 1023];
        List<JobEvent> found = new ArrayList<>();
        for (List<JobEvent> stream : streams.values()) {
            if (((JobEvent.JobCreated) stream.get(0)).customer().equals(customer)) {
                found.addAll(stream);
            }
        }
        found.sort(Comparator.comparing(e -> e.header().occurredAt()));
        return found;
    }
}
