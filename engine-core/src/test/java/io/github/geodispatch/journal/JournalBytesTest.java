package io.github.geodispatch.journal;

import io.github.geodispatch.journal.JournalProblem.Kind;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reader at the byte level, with the hostile inputs of issue 17 kept as fixtures in
 * {@code examples/data/hostile/}: a bad line never costs the file.
 */
class JournalBytesTest {
    private record Read(List<JournalRecord> records, List<Long> lines, JournalSummary summary) {}

    private static Read read(InputStream in) throws IOException {
        List<JournalRecord> records = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        JournalSummary summary = JournalReader.create().read(in, (line, r) -> {
            records.add(r);
            lines.add(line);
        });
        return new Read(records, lines, summary);
    }

    private static Read read(String fixture) throws IOException {
        try (InputStream in = Files.newInputStream(SampleData.path("hostile/" + fixture))) {
            return read(in);
        }
    }

    @Test
    void aLineOfNulBytesOrOfBytesThatAreNotUtf8IsRejectedAloneWithItsNumber() throws IOException {
        Read clean = read("one-job.jsonl");
        Read hostile = read("nul-and-bad-utf8.jsonl");

        assertThat(hostile.records()).isEqualTo(clean.records());
        assertThat(hostile.summary().lines()).isEqualTo(clean.summary().lines() + 2);
        assertThat(hostile.summary().rejected(Kind.MALFORMED)).isEqualTo(2);
        assertThat(hostile.summary().problems()).extracting(JournalProblem::line).containsExactly(41L, 61L);
        assertThat(hostile.summary().problems().get(0).message()).contains("U+0000 at byte 1", "NUL bytes");
        assertThat(hostile.summary().problems().get(1).message()).contains("not UTF-8: byte 0xC3 at byte 29");
    }

    @Test
    void crOnlyCrLfAndGzipJournalsReadLikeThePlainOne() throws IOException {
        Read plain = read("one-job.jsonl");
        assertThat(plain.summary().clean()).isTrue();
        assertThat(plain.records()).hasSize(107);

        for (String fixture : List.of("cr-only.jsonl", "one-job.jsonl.gz")) {
            Read other = read(fixture);
            assertThat(other.records()).as(fixture).isEqualTo(plain.records());
            assertThat(other.lines()).as(fixture).isEqualTo(plain.lines());
            assertThat(other.summary().clean()).as(fixture).isTrue();
        }
        byte[] crlf = Files.readString(SampleData.path("hostile/one-job.jsonl")).replace("\n", "\r\n")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(read(new ByteArrayInputStream(crlf)).records()).isEqualTo(plain.records());
    }

    @Test
    void aUtf16JournalYieldsNoRecordsAndSaysWhy() throws IOException {
        Read utf16 = read("utf16.jsonl");

        assertThat(utf16.records()).isEmpty();
        assertThat(utf16.summary().rejected()).isGreaterThanOrEqualTo(107);
        assertThat(utf16.summary().problems().get(0).message()).contains("UTF-16");
    }

    @Test
    void aTruncatedGzipJournalIsAnIoErrorNamingTheLastLineRead() throws IOException {
        byte[] gz = Files.readAllBytes(SampleData.path("hostile/one-job.jsonl.gz"));

        assertThatThrownBy(() -> read(new ByteArrayInputStream(Arrays.copyOf(gz, gz.length / 2))))
                .isInstanceOf(IOException.class).hasMessageContaining("gzip-compressed journal is corrupt or cut short");
    }

    @Test
    void aLineLongerThanTheLimitIsRejectedAndTheNextLineReads() throws IOException {
        String good = "{\"type\":\"job.assigned\",\"job\":\"J-1\",\"at\":\"2026-11-02T08:21:47+05:30\",\"technician\":\"T-001\"}\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(good.getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("x".repeat(JournalReader.MAX_LINE_BYTES + 1).getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(("\n" + good).getBytes(StandardCharsets.UTF_8));

        Read read = read(new ByteArrayInputStream(bytes.toByteArray()));

        assertThat(read.lines()).containsExactly(1L, 3L);
        assertThat(read.summary().problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("longer than " + JournalReader.MAX_LINE_BYTES);
        });
    }

    @Test
    void countsAreExactWhileOnlyTheFirstProblemsAreKept() throws IOException {
        int bad = JournalReader.MAX_KEPT_PROBLEMS + 500;
        String text = "{\"type\":\"nope\"}\n".repeat(bad) + "[]\n";

        Read read = read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));

        assertThat(read.summary().rejected(Kind.INVALID)).isEqualTo(bad);
        assertThat(read.summary().rejected(Kind.MALFORMED)).isEqualTo(1);
        assertThat(read.summary().rejected()).isEqualTo(bad + 1);
        assertThat(read.summary().problems()).hasSize(JournalReader.MAX_KEPT_PROBLEMS);
    }

    @Test
    void importerCountsAreExactWhileOnlyTheFirstProblemsAreKept() throws IOException {
        StringBuilder text = new StringBuilder();
        int flagged = JournalReader.MAX_KEPT_PROBLEMS + 200;
        text.append("{\"type\":\"job.created\",\"job\":\"J-1\",\"at\":\"2026-11-02T08:00:00+05:30\",\"branch\":\"BR-1\","
                + "\"customer\":\"C-1\",\"job_type\":\"AC_SERVICE\",\"site\":{\"lat\":12.97,\"lng\":77.59,\"radius_m\":80},"
                + "\"quote\":{\"amount\":\"999.00\",\"currency\":\"INR\"}}\n");
        for (int i = 0; i < flagged; i++) {
            text.append("{\"type\":\"job.payment\",\"job\":\"J-1\",\"at\":\"2026-11-02T09:00:00+05:30\",\"mode\":\"UPI\","
                    + "\"amount\":{\"amount\":\"1.00\",\"currency\":\"INR\"},\"reference\":\"r").append(i).append("\"}\n");
        }
        text.append("{\"type\":\"job.proof\",\"job\":\"J-2\",\"at\":\"2026-11-02T09:00:00+05:30\",\"kind\":\"PHOTO\",\"ref\":\"p\"}\n");
        JournalImporter importer = new JournalImporter(JournalImporterTest.TENANT, event -> { });

        JournalReader.create().read(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), importer);

        assertThat(importer.count(Kind.FLAGGED)).isEqualTo(flagged);
        assertThat(importer.count(Kind.INVALID)).isEqualTo(1);
        assertThat(importer.rejected()).isEqualTo(1);
        assertThat(importer.problemCount()).isEqualTo(flagged + 1);
        assertThat(importer.counts()).containsEntry(Kind.FLAGGED, (long) flagged).containsEntry(Kind.INVALID, 1L);
        assertThat(importer.problems()).hasSize(JournalReader.MAX_KEPT_PROBLEMS);
    }

    private static final byte[] GOOD = ("{\"type\":\"ping\",\"ping_id\":\"p-1\",\"technician\":\"T-001\","
            + "\"at\":\"2026-11-02T08:49:47+05:30\",\"lat\":13.0360514,\"lng\":77.6056759}").getBytes(StandardCharsets.UTF_8);
    private static final byte[] GOOD_NON_ASCII = ("{\"type\":\"customer\",\"id\":\"C-1\",\"name\":\"श्री गणेश एसी सर्विस\"}")
            .getBytes(StandardCharsets.UTF_8);
    /** Lines that must be rejected: NUL bytes, a byte that is not UTF-8, an encoded surrogate, cut-off JSON. */
    private static final List<byte[]> BAD = List.of(new byte[1], new byte[2500], new byte[] {'{', (byte) 0xC3, '(', '}'},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "{\"type\":".getBytes(StandardCharsets.UTF_8));

    /**
     * Whatever the line breaks (LF, CRLF, lone CR) and however the stream splits the bytes, every good line reads
     * as its record with its number, every bad one is a problem with its number, and nothing else happens.
     * {@code kinds}: 0-5 a good ASCII line, 6-7 a good line in Devanagari, 8 a blank line (a space), 9-13 a bad line.
     */
    @Property(tries = 150)
    void everyLineIsReadOrReportedWithItsNumberWhateverTheBreaksAndChunks(
            @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 13) Integer> kinds,
            @ForAll @Size(min = 60, max = 60) List<@IntRange(min = 0, max = 2) Integer> breaks,
            @ForAll long chunkSeed) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Long> expectedRecords = new ArrayList<>();
        List<Long> expectedProblems = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            int kind = kinds.get(i);
            bytes.writeBytes(kind <= 5 ? GOOD : kind <= 7 ? GOOD_NON_ASCII : kind == 8 ? new byte[] {' '} : BAD.get(kind - 9));
            bytes.writeBytes(switch (breaks.get(i)) {
                case 0 -> new byte[] {'\n'};
                case 1 -> new byte[] {'\r', '\n'};
                default -> new byte[] {'\r'};
            });
            if (kind <= 7) {
                expectedRecords.add(i + 1L);
            } else if (kind > 8) {
                expectedProblems.add(i + 1L);
            }
        }

        Read read = read(new ChunkedStream(bytes.toByteArray(), new Random(chunkSeed)));

        assertThat(read.lines()).isEqualTo(expectedRecords);
        assertThat(read.summary().problems()).extracting(JournalProblem::line).isEqualTo(expectedProblems);
        assertThat(read.summary().lines()).isEqualTo(kinds.size());
    }

    /** Hands out its bytes in random short reads, so line breaks (and CRLF pairs) fall across reads. */
    private static final class ChunkedStream extends InputStream {
        private final byte[] bytes;
        private final Random random;
        private int at;

        ChunkedStream(byte[] bytes, Random random) {
            this.bytes = bytes;
            this.random = random;
        }

        @Override
        public int read() {
            return at < bytes.length ? bytes[at++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (at >= bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, 1 + random.nextInt(700)), bytes.length - at);
            System.arraycopy(bytes, at, b, off, n);
            at += n;
            return n;
        }
    }
}
