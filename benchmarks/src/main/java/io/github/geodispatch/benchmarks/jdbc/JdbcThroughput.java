package io.github.geodispatch.benchmarks.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.geodispatch.jdbc.JdbcDatabase;
import io.github.geodispatch.jdbc.JdbcJobEventStore;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.ConcurrencyConflictException;
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
import io.github.geodispatch.spi.StoredEvent;
import io.github.geodispatch.spi.StreamId;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;
import io.github.geodispatch.spi.TimeWindow;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Measures the JDBC adapter on a large store (kept out of {@code mvn verify}): loads N events as jobs of
 * ten events each in batched {@link JdbcJobEventStore#appendAll} transactions, then times single-event
 * appends from several threads (one transaction per command, as the engine appends), then replays the
 * whole store into a projection (status and money per job) through {@link JdbcJobEventStore#replay} and
 * through the SPI's {@link JdbcJobEventStore#readAll} in pages, each twice (the first pass of the JVM's
 * life includes its JIT warm-up).
 *
 * <pre>
 * mvn -B -o -q package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar io.github.geodispatch.benchmarks.jdbc.JdbcThroughput h2-file 1000000
 * .ci/with-postgres java -cp benchmarks/target/benchmarks.jar io.github.geodispatch.benchmarks.jdbc.JdbcThroughput postgres 1000000
 * </pre>
 * Arguments: {@code h2-mem | h2-file | postgres} (the last reads {@code GEODISPATCH_PG_URL}, {@code _USER},
 * {@code _PASSWORD}), the event count (default 1,000,000), the jobs per load transaction (default 100, so
 * 1,000 events per commit), the threads of the single-append phase (default 8) and the passes of each
 * replay (default 2). It plays the host: its own HikariCP pool over the driver. It prints the date, the
 * machine, the database and the load average, then one line per phase: events per second of wall-clock
 * time, the CPU it took (see {@link #report}) and the load average at its end; for the load, the server's
 * CPU by process type.
 */
public final class JdbcThroughput {
    private static final int EVENTS_PER_JOB = 10;
    private static final int SINGLE_APPENDS = 20_000;
    private static final int REPLAY_PAGE = 10_000;
    private static final TenantId TENANT = TenantId.of("bench-co");
    private static final BranchId BRANCH = BranchId.of("hq");
    private static final Instant T0 = Instant.parse("2025-04-01T03:30:00Z");
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private JdbcThroughput() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.log.com.zaxxer.hikari", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.flywaydb", "warn");
        String kind = args.length > 0 ? args[0] : "h2-mem";
        long events = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        int jobsPerCommit = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        int replayPasses = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        Path h2Dir = null;
        HikariConfig pool = new HikariConfig();
        pool.setMaximumPoolSize(threads + 2);
        pool.setPoolName("throughput");
        String schema = null;
        switch (kind) {
            case "h2-mem" -> pool.setJdbcUrl("jdbc:h2:mem:throughput;LOCK_TIMEOUT=30000");
            case "h2-file" -> {
                h2Dir = Files.createTempDirectory("geodispatch-h2-bench");
                // WRITE_DELAY=0: every commit reaches the file, as PostgreSQL's fsync does
                pool.setJdbcUrl("jdbc:h2:file:" + h2Dir.resolve("events") + ";LOCK_TIMEOUT=30000;WRITE_DELAY=0");
            }
            case "postgres" -> {
                pool.setJdbcUrl(requireEnv("GEODISPATCH_PG_URL"));
                pool.setUsername(requireEnv("GEODISPATCH_PG_USER"));
                pool.setPassword(requireEnv("GEODISPATCH_PG_PASSWORD"));
                schema = "throughput_" + Long.toHexString(System.nanoTime());
            }
            default -> throw new IllegalArgumentException("database must be h2-mem, h2-file or postgres, was " + kind);
        }
        try (HikariDataSource dataSource = new HikariDataSource(pool)) {
            JdbcDatabase.Builder builder = JdbcDatabase.builder().dataSource(dataSource);
            JdbcDatabase db = (schema == null ? builder : builder.schema(schema)).build();
            System.out.printf(Locale.ROOT, "%s%n%s%n%s%n", ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME),
                    machine(), database(dataSource));
            System.out.printf(Locale.ROOT, "%d events (%d jobs x %d), %d jobs per load commit, %d threads; load average %s%n",
                    events, events / EVENTS_PER_JOB, EVENTS_PER_JOB, jobsPerCommit, threads, loadAverage());
            ServerCpu server = "postgres".equals(kind) ? ServerCpu.ofLocal(dataSource) : null;
            load(db.events(), events / EVENTS_PER_JOB, jobsPerCommit, server);
            singleAppends(db.events(), threads, events / EVENTS_PER_JOB);
            // each replay twice: the first pass also warms the JIT up, as a replay at a host's start would
            for (int pass = 1; pass <= replayPasses; pass++) {
                replay(db.events(), pass, server);
                replayThroughReadAll(db.events(), pass, server);
            }
        } finally {
            if (h2Dir != null) {
                try (var files = Files.walk(h2Dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private static void load(JdbcJobEventStore store, long jobs, int jobsPerCommit, ServerCpu server) {
        Map<Long, ServerCpu.Sample> serverStart = ServerCpu.snapshot(server);
        long appendNanos = 0;
        long appendCpuNanos = 0;
        long stored = 0;
        for (long first = 0; first < jobs; first += jobsPerCommit) {
            List<JdbcJobEventStore.Append> batch = new ArrayList<>(jobsPerCommit);
            for (long j = first; j < Math.min(jobs, first + jobsPerCommit); j++) {
                StreamId stream = StreamId.of(TENANT, JobId.of("job-" + j));
                batch.add(new JdbcJobEventStore.Append(stream, 0, jobStream(stream, j)));
            }
            long start = System.nanoTime();
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            stored += store.appendAll(batch).size();
            appendNanos += System.nanoTime() - start;
            appendCpuNanos += THREADS.getCurrentThreadCpuTime() - cpuStart;
        }
        report("load: appendAll, " + jobsPerCommit * EVENTS_PER_JOB + " events per commit (time inside appendAll)",
                stored, appendNanos, appendCpuNanos, -1, ServerCpu.since(server, serverStart));
        StringBuilder byType = new StringBuilder("  server CPU of the load by process:");
        ServerCpu.byType(server, serverStart).forEach((type, nanos) ->
                byType.append(String.format(Locale.ROOT, " %s %.1f s;", type, nanos / 1e9)));
        System.out.println(byType);
    }

    /** One transaction per event, as commands append: threads extend the loaded jobs, retrying conflicts. */
    private static void singleAppends(JdbcJobEventStore store, int threads, long jobs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> conflicts = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int worker = t;
            conflicts.add(pool.submit(() -> {
                int retried = 0;
                for (int i = 0; i < SINGLE_APPENDS / threads; i++) {
                    StreamId stream = StreamId.of(TENANT, JobId.of("job-" + ((worker * 7919L + i * 104_729L) % jobs)));
                    while (true) {
                        List<JobEvent> current = store.readStream(stream);
                        EventHeader header = header(stream, current.size() + 1, HashChain.head(current));
                        try {
                            store.append(stream, current.size(), List.of(
                                    new JobEvent.ExpenseAdded(header, "parking", Money.inr(2_000), false)));
                            break;
                        } catch (ConcurrencyConflictException e) {
                            retried++;
                        }
                    }
                }
                return retried;
            }));
        }
        int retried = 0;
        for (Future<Integer> f : conflicts) {
            retried += f.get();
        }
        long nanos = System.nanoTime() - start;
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        report("single-event appends (read stream + append, " + threads + " threads, " + retried + " conflicts retried)",
                (long) (SINGLE_APPENDS / threads) * threads, nanos, -1, -1, -1);
    }

    /** The store's streaming replay, as a projection rebuild or a new consumer would use it. */
    private static void replay(JdbcJobEventStore store, int pass, ServerCpu server) {
        Projection projection = new Projection();
        Map<Long, ServerCpu.Sample> serverStart = ServerCpu.snapshot(server);
        long processStart = PROCESS.getProcessCpuTime();
        long start = System.nanoTime();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        store.replay(0, projection::apply);
        long cpuNanos = THREADS.getCurrentThreadCpuTime() - cpuStart;
        long processNanos = PROCESS.getProcessCpuTime() - processStart;
        long nanos = System.nanoTime() - start;
        report("replay " + pass + ": JdbcJobEventStore.replay into a projection of " + projection.jobs() + " jobs",
                projection.events, nanos, cpuNanos, processNanos, ServerCpu.since(server, serverStart));
    }

    /** The SPI's paged read, for comparison: what a store-agnostic reader gets. */
    private static void replayThroughReadAll(JdbcJobEventStore store, int pass, ServerCpu server) {
        Projection projection = new Projection();
        Map<Long, ServerCpu.Sample> serverStart = ServerCpu.snapshot(server);
        long after = 0;
        long processStart = PROCESS.getProcessCpuTime();
        long start = System.nanoTime();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        while (true) {
            List<StoredEvent> page = store.readAll(after, REPLAY_PAGE);
            page.forEach(projection::apply);
            if (page.size() < REPLAY_PAGE) {
                break;
            }
            after = page.get(page.size() - 1).position();
        }
        long cpuNanos = THREADS.getCurrentThreadCpuTime() - cpuStart;
        long processNanos = PROCESS.getProcessCpuTime() - processStart;
        long nanos = System.nanoTime() - start;
        report("replay " + pass + ": readAll pages of " + REPLAY_PAGE + " into a projection of " + projection.jobs()
                + " jobs", projection.events, nanos, cpuNanos, processNanos, ServerCpu.since(server, serverStart));
    }

    /** Status and money received per job: the fold a read model does. */
    private static final class Projection {
        private final Map<StreamId, JobStatus> status = new HashMap<>();
        private final Map<StreamId, Long> paid = new HashMap<>();
        private long events;

        void apply(StoredEvent stored) {
            JobEvent event = stored.event();
            StreamId stream = event.header().stream();
            if (event instanceof JobEvent.JobCreated) {
                status.put(stream, JobStatus.NEW);
            } else if (event instanceof JobEvent.StatusChanged changed) {
                status.put(stream, changed.status());
            } else if (event instanceof JobEvent.PaymentRecorded payment) {
                paid.merge(stream, payment.amount().minor(), Long::sum);
            }
            events++;
        }

        int jobs() {
            return status.size();
        }
    }

    /**
     * One phase's line: events per wall-clock second; for a phase on this thread, the CPU it took on this
     * thread (the adapter's client side; for embedded H2 the database's work too), for a replay in this whole
     * process too (the calling thread, the replay's decoder thread, the JIT and the garbage collector; the
     * load's process CPU would count the building of its events) and, for a local PostgreSQL, in the
     * server's processes: costs that the other processes of a shared machine do not inflate, unlike the
     * wall-clock rate. Events per CPU-second count the process (else the thread) and the server. -1 where
     * not measured.
     */
    private static void report(String what, long events, long nanos, long threadCpuNanos, long processCpuNanos,
                               long serverCpuNanos) {
        double seconds = nanos / 1e9;
        StringBuilder cpu = new StringBuilder();
        if (threadCpuNanos >= 0) {
            cpu.append(String.format(Locale.ROOT, "; CPU: client thread %.1f s", threadCpuNanos / 1e9));
            if (processCpuNanos >= 0) {
                cpu.append(String.format(Locale.ROOT, ", client process %.1f s", processCpuNanos / 1e9));
            }
            long clientCpuNanos = processCpuNanos >= 0 ? processCpuNanos : threadCpuNanos;
            if (serverCpuNanos >= 0) {
                cpu.append(String.format(Locale.ROOT, " + server %.1f s = %,.0f events per CPU-second",
                        serverCpuNanos / 1e9, events / ((clientCpuNanos + serverCpuNanos) / 1e9)));
            } else {
                cpu.append(String.format(Locale.ROOT, " = %,.0f events per CPU-second", events / (clientCpuNanos / 1e9)));
            }
        }
        System.out.printf(Locale.ROOT, "%-100s %,10d events in %7.1f s = %,9.0f events/s%s (load average %s)%n", what,
                events, seconds, events / seconds, cpu, loadAverage());
    }

    /**
     * The CPU time of a local PostgreSQL server's processes, read from {@code /proc/PID/stat} in clock ticks of
     * 10 ms (Linux's USER_HZ): every process in {@code pg_stat_activity} (backends and background processes,
     * by their {@code backend_type}), the postmaster, and the processes that ended since the server started
     * (autovacuum workers, ...), which the postmaster has reaped into its children's time.
     */
    private static final class ServerCpu {
        private static final long NANOS_PER_TICK = 10_000_000;
        private static final String ENDED = "ended processes (autovacuum workers, ...)";
        private final HikariDataSource dataSource;

        /** One process's CPU ticks so far, keyed by pid (the postmaster's reaped children under -1). */
        private record Sample(String type, long ticks) {
        }

        private ServerCpu(HikariDataSource dataSource) {
            this.dataSource = dataSource;
        }

        /** A meter of the server behind {@code dataSource}, or null when its processes are not readable here. */
        static ServerCpu ofLocal(HikariDataSource dataSource) {
            ServerCpu meter = new ServerCpu(dataSource);
            return meter.ticksByProcess().isEmpty() ? null : meter;
        }

        static Map<Long, Sample> snapshot(ServerCpu meter) {
            return meter == null ? Map.of() : meter.ticksByProcess();
        }

        /** Server CPU nanoseconds since {@code start}, or -1 without a meter. */
        static long since(ServerCpu meter, Map<Long, Sample> start) {
            return meter == null ? -1 : byType(meter, start).values().stream().mapToLong(Long::longValue).sum();
        }

        /** Server CPU nanoseconds since {@code start} by process type, largest first; empty without a meter. */
        static Map<String, Long> byType(ServerCpu meter, Map<Long, Sample> start) {
            Map<String, Long> nanos = new HashMap<>();
            if (meter != null) {
                for (Map.Entry<Long, Sample> process : meter.ticksByProcess().entrySet()) {
                    Sample before = start.get(process.getKey());
                    long ticks = process.getValue().ticks() - (before == null ? 0 : before.ticks());
                    nanos.merge(process.getValue().type(), ticks * NANOS_PER_TICK, Long::sum);
                }
            }
            Map<String, Long> sorted = new java.util.LinkedHashMap<>();
            nanos.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> sorted.put(e.getKey(), e.getValue()));
            return sorted;
        }

        private Map<Long, Sample> ticksByProcess() {
            Map<Long, Sample> ticks = new HashMap<>();
            try (Connection connection = dataSource.getConnection();
                 var statement = connection.createStatement();
                 var pids = statement.executeQuery("SELECT pid, backend_type FROM pg_stat_activity")) {
                long postmaster = -1;
                while (pids.next()) {
                    long pid = pids.getLong(1);
                    String[] fields = stat(pid);
                    if (fields != null) {
                        // after the command name in parentheses: state, ppid, ... (fields 3, 4, ...)
                        ticks.put(pid, new Sample(pids.getString(2), cpuTicks(fields)));
                        postmaster = Long.parseLong(fields[1]);
                    }
                }
                String[] fields = postmaster > 0 ? stat(postmaster) : null;
                if (fields != null) {
                    ticks.put(postmaster, new Sample("postmaster", cpuTicks(fields)));
                    // cutime and cstime (fields 16, 17): the children it has reaped
                    ticks.put(-1L, new Sample(ENDED, Long.parseLong(fields[13]) + Long.parseLong(fields[14])));
                }
            } catch (SQLException | IOException | RuntimeException e) {
                return Map.of();
            }
            return ticks;
        }

        /** A process's own CPU so far: utime plus stime (fields 14 and 15 of {@code /proc/PID/stat}). */
        private static long cpuTicks(String[] fields) {
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }

        /** The fields of {@code /proc/PID/stat} after the command name, or null when it is not readable. */
        private static String[] stat(long pid) throws IOException {
            Path stat = Path.of("/proc", Long.toString(pid), "stat");
            if (!Files.isReadable(stat)) {
                return null;
            }
            String line = Files.readString(stat);
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        }
    }

    private static String machine() {
        Runtime runtime = Runtime.getRuntime();
        return String.format(Locale.ROOT, "machine: %s, %d cores, %s %s, Java %s (%s), heap max %d MB", cpuModel(),
                runtime.availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"), System.getProperty("java.vm.name"), runtime.maxMemory() >> 20);
    }

    private static String cpuModel() {
        try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            Optional<String> model = lines.filter(l -> l.startsWith("model name")).findFirst();
            return model.map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return "unknown CPU";
        }
    }

    private static String database(HikariDataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            return "database: " + meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion() + ", driver "
                    + meta.getDriverName() + " " + meta.getDriverVersion();
        }
    }

    /** The system's 1-minute load average, or "n/a" where the platform has none. */
    private static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", load);
    }

    /** A realistic ten-event job: created, assigned, travel and work, proof, part, expense, payment, invoice. */
    private static List<JobEvent> jobStream(StreamId stream, long n) {
        List<JobEvent> events = new ArrayList<>(EVENTS_PER_JOB);
        TechnicianId tech = TechnicianId.of("tech-" + n % 50);
        events.add(new JobEvent.JobCreated(header(stream, 1, HashChain.GENESIS), BRANCH, CustomerId.of("cust-" + n),
                new Site(SiteId.of("site-" + n), GeoPoint.of(12.9 + (n % 1000) / 10_000.0, 77.6 - (n % 777) / 10_000.0),
                        60.0, "Flat " + n % 400 + ", 5th Main, Indiranagar"),
                "Split AC not cooling", "AC_SERVICE", List.of(SkillRequirement.of("ac.split.service", 2)),
                Priority.NORMAL, new TimeWindow(T0, T0.plusSeconds(10_800)), T0.plusSeconds(86_400), 60,
                Money.inr(59_900), null, null));
        events.add(new JobEvent.JobAssigned(next(stream, events), tech, null));
        events.add(new JobEvent.StatusChanged(next(stream, events), JobStatus.EN_ROUTE, "", null));
        events.add(new JobEvent.StatusChanged(next(stream, events), JobStatus.ARRIVED, "", "visit:" + n));
        events.add(new JobEvent.StatusChanged(next(stream, events), JobStatus.WORK_STARTED, "", null));
        events.add(new JobEvent.ProofAdded(next(stream, events), ProofKind.PHOTO, "after",
                "photos/" + n + ".jpg", "5e".repeat(32)));
        events.add(new JobEvent.PartUsed(next(stream, events), "FILTER-01", "84213920", 1, Money.inr(35_000), true));
        events.add(new JobEvent.ExpenseAdded(next(stream, events), "parking", Money.inr(3_000), false));
        events.add(new JobEvent.PaymentRecorded(next(stream, events), PaymentMode.UPI, Money.inr(94_900),
                String.format(Locale.ROOT, "%012d", n), null, null));
        events.add(new JobEvent.InvoiceHandedOff(next(stream, events), "INV/25-26/" + n, Money.inr(94_900),
                List.of("FILTER-01")));
        return events;
    }

    private static EventHeader next(StreamId stream, List<JobEvent> before) {
        return header(stream, before.size() + 1, HashChain.hash(before.get(before.size() - 1)));
    }

    private static EventHeader header(StreamId stream, long version, String previousHash) {
        return new EventHeader(UUID.randomUUID(), stream, version, T0.plusSeconds(version * 300),
                Actor.system(stream.tenant()), previousHash);
    }

    private static String requireEnv(String name) {
        String value = System.getenv(name);
        if (value == null) {
            throw new IllegalStateException(name + " is not set: run through .ci/with-postgres or set it");
        }
        return value;
    }
}
