package io.github.geodispatch.benchmarks.leakage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.geodispatch.journal.JournalReader;
import io.github.geodispatch.leakage.AuditReport;
import io.github.geodispatch.leakage.LeakageAudit;
import io.github.geodispatch.leakage.LeakagePolicy;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A batch audit of a generated journal of {@code lines} lines (default 1,000,000: about 7,700 jobs, 93% pings)
 * on one thread, parsing included: {@code audit} is the whole {@link LeakageAudit} (read, import, visit
 * tracking, rules); {@code parseOnly} is the streaming reader alone; {@code naiveTreePerLine} is the naive
 * baseline for parsing, a {@code BufferedReader} plus Jackson's tree model per line. Lines per second =
 * {@code lines} / score.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class BatchAuditBenchmark {
    @Param("1000000")
    public long lines;

    private Path file;
    private Instant asOf;
    private final ObjectMapper json = new ObjectMapper();

    @Setup(Level.Trial)
    public void generate() throws IOException {
        file = Files.createTempFile("journal-", ".jsonl");
        int days = new JournalGenerator(42, 50).write(file, lines);
        asOf = JournalGenerator.asOf(days).toInstant();
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public AuditReport audit() throws IOException {
        return LeakageAudit.run(file, asOf, LeakagePolicy.defaults());
    }

    @Benchmark
    public long parseOnly(Blackhole hole) throws IOException {
        return JournalReader.create().read(file, (line, record) -> hole.consume(record)).records();
    }

    @Benchmark
    public long naiveTreePerLine(Blackhole hole) throws IOException {
        long n = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode node = json.readTree(line);
                hole.consume(node);
                n++;
            }
        }
        return n;
    }
}
