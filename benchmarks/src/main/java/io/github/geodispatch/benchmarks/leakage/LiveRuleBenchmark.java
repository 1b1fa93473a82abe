package io.github.geodispatch.benchmarks.leakage;

import io.github.geodispatch.journal.JournalImporter;
import io.github.geodispatch.journal.JournalReader;
import io.github.geodispatch.journal.JournalRecord;
import io.github.geodispatch.leakage.LeakageMonitor;
import io.github.geodispatch.payment.CashDeposit;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.StatementCredit;
import io.github.geodispatch.spi.TenantId;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The live cost of the leakage rules per event: {@code incremental} feeds {@value #EVENTS} job events,
 * statement credits and cash deposits (about 60 jobs of a generated history) to a {@link LeakageMonitor}, which
 * re-evaluates only what each input touches; {@code naiveRescan} is the baseline that re-derives the findings
 * from the whole history after every input (a fresh monitor replaying everything so far). Scores are per input.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LiveRuleBenchmark {
    static final int EVENTS = 1_000;

    private final List<Consumer<LeakageMonitor>> inputs = new ArrayList<>();
    private Instant asOf;

    @Setup(Level.Trial)
    public void prepare() throws IOException {
        Path file = Files.createTempFile("journal-", ".jsonl");
        try {
            int days = new JournalGenerator(7, 10).write(file, 20_000);
            asOf = JournalGenerator.asOf(days).toInstant();
            JournalImporter importer = new JournalImporter(TenantId.of("bench"), new JournalImporter.Target() {
                @Override
                public void event(JobEvent event) {
                    inputs.add(m -> m.accept(event));
                }

                @Override
                public void technician(JournalRecord.Technician t) {
                    inputs.add(m -> m.technician(t.id(), t.branch()));
                }

                @Override
                public void credit(StatementCredit credit) {
                    inputs.add(m -> m.accept(credit));
                }

                @Override
                public void deposit(CashDeposit deposit) {
                    inputs.add(m -> m.accept(deposit));
                }
            });
            JournalReader.create().read(file, importer);
        } finally {
            Files.delete(file);
        }
        if (inputs.size() < EVENTS) {
            throw new IllegalStateException("generated only " + inputs.size() + " inputs");
        }
        inputs.subList(EVENTS, inputs.size()).clear();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int incremental() {
        LeakageMonitor monitor = LeakageMonitor.create();
        for (Consumer<LeakageMonitor> input : inputs) {
            input.accept(monitor);
        }
        return monitor.findings(asOf).size();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int naiveRescan() {
        int findings = 0;
        for (int k = 1; k <= inputs.size(); k++) {
            LeakageMonitor monitor = LeakageMonitor.create();
            for (int i = 0; i < k; i++) {
                inputs.get(i).accept(monitor);
            }
            findings = monitor.findings(asOf).size();
        }
        return findings;
    }
}
