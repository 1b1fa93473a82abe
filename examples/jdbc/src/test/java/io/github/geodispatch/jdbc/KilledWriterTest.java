package io.github.geodispatch.jdbc;

import io.github.geodispatch.spi.HashChain;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.StoredEvent;
import io.github.geodispatch.spi.StreamId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A writer process killed with SIGKILL in the middle of its appends leaves only whole transactions
 * behind, and the store opens and appends again as if nothing happened.
 */
class KilledWriterTest {
    private static final int KILL_AFTER_ROUNDS = 12;

    @Test
    void aKilledWriterLeavesNoPartialEventOnH2FileMode(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("events");
        killMidAppend(dir, "h2", file.toString());
        long committed = killMidAppend(dir, "h2", file.toString()); // and once more over the recovered file
        verifyAndResume(() -> TestDatabases.h2File(file), committed);
    }

    @Test
    void aKilledWriterLeavesNoPartialEventOnPostgres(@TempDir Path dir) throws Exception {
        TestDatabases.requirePostgres();
        String schema = TestDatabases.newSchemaName();
        killMidAppend(dir, "postgres", schema);
        long committed = killMidAppend(dir, "postgres", schema);
        verifyAndResume(() -> TestDatabases.postgres(2, schema), committed);
    }

    /** Starts the writer, kills it right after it announces an append, and returns the committed count it printed. */
    private static long killMidAppend(Path dir, String kind, String target) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path errors = Files.createTempFile(dir, "writer", ".err");
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                AppendUntilKilled.class.getName(), kind, target)
                .redirectError(errors.toFile())
                .start();
        long committed = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                String[] words = line.split(" ");
                if (words[0].equals("ready")) {
                    committed = Long.parseLong(words[1]);
                } else if (words[0].equals("committed")) {
                    committed = Long.parseLong(words[2]);
                } else if (words[0].equals("appending") && Long.parseLong(words[1]) == KILL_AFTER_ROUNDS) {
                    process.destroyForcibly();
                    break;
                }
            }
            if (line == null) {
                fail("the writer ended on its own: " + Files.readString(errors));
            }
        } finally {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(process.exitValue()).as("killed, not exited").isNotZero();
        return committed;
    }

    /** {@code committed}: how many events the last writer had seen committed before it was killed. */
    private static void verifyAndResume(Supplier<TestDatabase> reopen, long committed) throws IOException {
        try (TestDatabase db = reopen.get()) {
            JdbcJobEventStore store = db.events();
            long last = store.lastPosition();
            List<StoredEvent> all = store.readAll(0, (int) last + 10);
            assertThat(all).extracting(StoredEvent::position)
                    .as("positions run 1..%d without a gap", last)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, last).boxed().toList());
            long total = 0;
            for (int s = 0; s < AppendUntilKilled.STREAMS; s++) {
                StreamId stream = SampleEvents.stream("job-kill-" + s);
                List<JobEvent> events = store.readStream(stream);
                assertThat((events.size() - 1) % AppendUntilKilled.BATCH)
                        .as("%s holds whole batches only", stream).isZero();
                assertThat(HashChain.verifies(events)).as("%s chain verifies", stream).isTrue();
                total += events.size();
            }
            assertThat(total).isEqualTo(last);
            assertThat(total).as("every commit the writer saw survives; at most its last transaction is added")
                    .isBetween(committed, committed + 3L * AppendUntilKilled.BATCH);

            for (int s = 0; s < AppendUntilKilled.STREAMS; s++) {
                StreamId stream = SampleEvents.stream("job-kill-" + s);
                List<JobEvent> events = store.readStream(stream);
                store.append(stream, events.size(), SampleEvents.expenses(stream, events, 2, 7));
            }
            assertThat(store.lastPosition()).isEqualTo(last + 2L * AppendUntilKilled.STREAMS);
        }
    }
}
