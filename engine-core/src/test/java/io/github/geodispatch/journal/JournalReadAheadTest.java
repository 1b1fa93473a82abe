package io.github.geodispatch.journal;

import io.github.geodispatch.testdata.SampleData;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading ahead hands the handler exactly what reading on the calling thread does, in the same order, on the calling
 * thread, and leaves no thread behind however the read ends.
 */
class JournalReadAheadTest {
    /** The audit sample's first lines: every kind of record a field team writes. */
    private static final List<String> SAMPLE = sampleLines(400);
    private static final List<String> BAD = List.of("\u0000\u0000", "{\"type\":", "{\"type\":\"job.payment\"}", "[1,2]");

    private record Read(List<Long> lines, List<JournalRecord> records, List<Thread> threads, JournalSummary summary) {}

    private static Read read(JournalReader reader, byte[] bytes) throws IOException {
        List<Long> lines = new ArrayList<>();
        List<JournalRecord> records = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        JournalSummary summary = reader.read(new ByteArrayInputStream(bytes), (line, r) -> {
            lines.add(line);
            records.add(r);
            threads.add(Thread.currentThread());
        });
        return new Read(lines, records, threads, summary);
    }

    /**
     * {@code picks}: each a line of the sample (0-399), a bad line (400-403) or a blank one (404); up to 3,000 lines,
     * several batches of the reading thread.
     */
    @Property(tries = 60)
    void readingAheadGivesTheSameRecordsProblemsAndSummaryInOrder(
            @ForAll @Size(max = 3_000) List<@IntRange(min = 0, max = 404) Integer> picks) throws IOException {
        StringBuilder journal = new StringBuilder();
        for (int pick : picks) {
            journal.append(pick < 400 ? SAMPLE.get(pick) : pick < 404 ? BAD.get(pick - 400) : "").append('\n');
        }
        byte[] bytes = journal.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);

        Read here = read(JournalReader.create(), bytes);
        Read ahead = read(JournalReader.create().readingAhead(), bytes);

        assertThat(ahead.lines()).isEqualTo(here.lines());
        assertThat(ahead.records()).isEqualTo(here.records());
        assertThat(ahead.summary()).isEqualTo(here.summary());
        assertThat(ahead.threads()).allMatch(t -> t == Thread.currentThread());
        assertThat(readerThreads()).isEmpty();
    }

    @Test
    void aGzipCompressedJournalReadsAheadToo() throws IOException {
        byte[] plain = String.join("\n", SAMPLE).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(plain);
        }
        Read ahead = read(JournalReader.create().readingAhead(), gz.toByteArray());

        assertThat(ahead.records()).isEqualTo(read(JournalReader.create(), plain).records()).hasSize(400);
    }

    @Test
    void aHandlerThatThrowsEndsTheReadWithItsExceptionAndNoThreadLeft() {
        byte[] bytes = repeatedSample(20);
        List<Long> handled = new ArrayList<>();
        assertThatThrownBy(() -> JournalReader.create().readingAhead().read(new ByteArrayInputStream(bytes),
                (line, r) -> {
                    if (line == 1_234) {
                        throw new IllegalStateException("projection full");
                    }
                    handled.add(line);
                })).isInstanceOf(IllegalStateException.class).hasMessage("projection full");

        assertThat(handled).hasSize(1_233).endsWith(1_233L);
        assertThat(readerThreads()).isEmpty();
    }

    @Test
    void anInputThatFailsHandsOverTheRecordsBeforeThenThrowsAsReadingHereDoes() {
        byte[] bytes = repeatedSample(10);
        List<Long> here = new ArrayList<>();
        List<Long> ahead = new ArrayList<>();
        Throwable plainFailure = catchFailure(() -> JournalReader.create().read(failingAfter(bytes, 100_000),
                (line, r) -> here.add(line)));
        Throwable aheadFailure = catchFailure(() -> JournalReader.create().readingAhead().read(failingAfter(bytes, 100_000),
                (line, r) -> ahead.add(line)));

        assertThat(aheadFailure).isInstanceOf(IOException.class).hasMessage(plainFailure.getMessage());
        assertThat(ahead).isEqualTo(here).isNotEmpty();
        assertThat(readerThreads()).isEmpty();
    }

    @Test
    void anInterruptedReadEndsWithNoThreadLeftAndKeepsTheInterrupt() {
        byte[] bytes = repeatedSample(5);
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> JournalReader.create().readingAhead().read(new ByteArrayInputStream(bytes),
                (line, r) -> { })).isInstanceOf(java.io.InterruptedIOException.class);
        assertThat(Thread.interrupted()).as("the caller's interrupt is kept").isTrue();
        assertThat(readerThreads()).isEmpty();
    }

    private interface Reading {
        void run() throws IOException;
    }

    private static Throwable catchFailure(Reading reading) {
        try {
            reading.run();
            return null;
        } catch (IOException | RuntimeException e) {
            return e;
        }
    }

    private static InputStream failingAfter(byte[] bytes, int count) {
        return new InputStream() {
            private int at;

            @Override
            public int read() throws IOException {
                if (at == count) {
                    throw new IOException("the disk went away");
                }
                return at < bytes.length ? bytes[at++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (at == count) {
                    throw new IOException("the disk went away");
                }
                int n = Math.min(Math.min(len, count - at), bytes.length - at);
                if (n <= 0) {
                    return -1;
                }
                System.arraycopy(bytes, at, b, off, n);
                at += n;
                return n;
            }
        };
    }

    private static byte[] repeatedSample(int times) {
        StringBuilder journal = new StringBuilder();
        for (int i = 0; i < times; i++) {
            SAMPLE.forEach(line -> journal.append(line).append('\n'));
        }
        return journal.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<String> sampleLines(int count) {
        try {
            return Files.readAllLines(SampleData.path("journal/journal.jsonl")).subList(0, count);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The live reading threads of every read in this JVM. */
    static List<Thread> readerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(JournalReadAhead.THREAD_NAME_PREFIX) && t.isAlive())
                .toList();
    }
}
