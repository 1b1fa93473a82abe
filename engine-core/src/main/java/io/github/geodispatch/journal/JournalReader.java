package io.github.geodispatch.journal;
import io.github.geodispatch.journal.internal.RecordParser;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Reads a journal (JSON Lines, UTF-8) with Jackson's streaming parser, one line at a time. Strict about
 * syntax, lenient about the rest: a malformed or invalid line is reported with its line number and
 * skipped, and every other line still reaches the handler. Blank lines are allowed. Reading never stops
 * on a bad line; it stops only on an I/O error or when the handler throws.
 *
 * <pre>{@code
 * JournalSummary summary = JournalReader.create().read(path, (line, record) -> ...);
 * summary.problems().forEach(System.err::println);   // "line 12: MALFORMED: ..."
 * }</pre>
 *
 * An instance is immutable and thread-safe; each {@code read} call uses its own parsing state.
 */
public final class JournalReader {
    /** How many problems a {@link JournalSummary} keeps (all are counted). */
    public static final int MAX_KEPT_PROBLEMS = 1_000;

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();
    private static final JournalReader INSTANCE = new JournalReader();

    /** Receives each record with its 1-based line number. */
    @FunctionalInterface
    public interface Handler {
        void record(long line, JournalRecord record);
    }

    private JournalReader() {}

    public static JournalReader create() {
        return INSTANCE;
    }

    /** Reads {@code file}; see the class comment. */
    public JournalSummary read(Path file, Handler handler) throws IOException {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, handler);
        }
    }

    /** Reads UTF-8 JSON Lines from {@code in} (not closed); see the class comment. */
    public JournalSummary read(InputStream in, Handler handler) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(handler, "handler");
        return new Run(handler).readAll(in);
    }

    /** Reads every record of {@code file} into memory; for small journals and tests. */
    public List<JournalRecord> readAll(Path file, List<JournalProblem> problems) throws IOException {
        List<JournalRecord> records = new ArrayList<>();
        problems.addAll(read(file, (line, record) -> records.add(record)).problems());
        return records;
    }

    /**
     * Parses one line (without its newline).
     *
     * @throws JournalSyntaxException naming what is wrong when the line is malformed or invalid
     */
    public static JournalRecord parseLine(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        try {
            return parse(new RecordParser(), bytes, 0, bytes.length);
        } catch (IOException e) {
            throw RecordParser.malformed(e.getMessage());
        }
    }

    private static JournalRecord parse(RecordParser parser, byte[] bytes, int offset, int length) throws IOException {
        try (JsonParser p = JSON.createParser(bytes, offset, length)) {
            return parser.parse(p);
        } catch (JsonProcessingException e) {
            throw new JournalSyntaxException(JournalProblem.Kind.MALFORMED, "not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** One read: line splitting on bytes, so a line is decoded only by Jackson. */
    private static final class Run {
        private final Handler handler;
        private final RecordParser parser = new RecordParser();
        private final List<JournalProblem> problems = new ArrayList<>();
        private long line;
        private long records;
        private long rejected;
        private byte[] carry = new byte[1024];
        private int carryLength;

        Run(Handler handler) {
            this.handler = handler;
        }

        JournalSummary readAll(InputStream in) throws IOException {
            byte[] buffer = new byte[1 << 16];
            int[] ends = new int[1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                int i = 0;
                if (carryLength > 0) {
                    while (i < n && buffer[i] != '\n') {
                        i++;
                    }
                    append(buffer, 0, i);
                    if (i == n) {
                        continue;
                    }
                    line(carry, 0, carryLength);
                    carryLength = 0;
                    i++;
                }
                int first = i;
                int count = 0;
                for (; i < n; i++) {
                    if (buffer[i] == '\n') {
                        if (count == ends.length) {
                            ends = Arrays.copyOf(ends, count * 2);
                        }
                        ends[count++] = i;
                    }
                }
                if (count > 0) {
                    lines(buffer, first, ends, count);
                }
                int tail = count > 0 ? ends[count - 1] + 1 : first;
                append(buffer, tail, n - tail);
            }
            if (carryLength > 0) {
                line(carry, 0, carryLength);
                carryLength = 0;
            }
            return new JournalSummary(line, records, rejected, problems);
        }

        /**
         * The complete lines of a buffer: {@code ends} holds their newline positions. They share one parser
         * (creating a parser per line costs as much as parsing a short line); at the first line that is not
         * exactly one well-formed record, that line goes through {@link #line} on its own and sharing resumes
         * after it. The first line of the input always goes on its own (it may carry a byte order mark).
         */
        private void lines(byte[] bytes, int first, int[] ends, int count) throws IOException {
            int k = 0;
            if (line == 0) {
                line(bytes, first, ends[0] - first);
                k = 1;
            }
            while (k < count) {
                k = shared(bytes, first, ends, k, count);
                if (k < count) {
                    int from = lineStart(first, ends, k);
                    line(bytes, from, ends[k] - from);
                    k++;
                }
            }
        }

        /** Parses lines {@code k..count-1} with one parser; returns the index of the first line it could not take. */
        private int shared(byte[] bytes, int first, int[] ends, int k, int count) throws IOException {
            int from = lineStart(first, ends, k);
            try (JsonParser p = JSON.createParser(bytes, from, ends[count - 1] - from)) {
                boolean started = false;
                for (int j = k; j < count; j++) {
                    int start = lineStart(first, ends, j);
                    int relative = j - k + 1;
                    if (blank(bytes, start, ends[j] - start)) {
                        if (started) {
                            return j;
                        }
                        line++;
                        continue;
                    }
                    JournalRecord record;
                    try {
                        if (started && p.currentTokenLocation().getLineNr() != relative) {
                            return j;
                        }
                        String type = parser.readObject(p, relative, started);
                        started = p.nextToken() != null;
                        if (started && p.currentTokenLocation().getLineNr() == relative) {
                            return j;
                        }
                        record = parser.build(type);
                    } catch (JournalSyntaxException | JsonProcessingException e) {
                        return j;
                    }
                    line++;
                    records++;
                    handler.record(line, record);
                }
                return count;
            }
        }

        /** Where complete line {@code k} of a buffer starts: after the previous newline, or at {@code first}. */
        private static int lineStart(int first, int[] ends, int k) {
            return k == 0 ? first : ends[k - 1] + 1;
        }

        private void append(byte[] bytes, int offset, int length) {
            if (length == 0) {
                return;
            }
            if (carryLength + length > carry.length) {
                carry = Arrays.copyOf(carry, Math.max(carry.length * 2, carryLength + length));
            }
            System.arraycopy(bytes, offset, carry, carryLength, length);
            carryLength += length;
        }

        private void line(byte[] bytes, int offset, int length) throws IOException {
            line++;
            if (line == 1 && length >= 3 && bytes[offset] == (byte) 0xEF && bytes[offset + 1] == (byte) 0xBB
                    && bytes[offset + 2] == (byte) 0xBF) {
                offset += 3;
                length -= 3;
            }
            if (length > 0 && bytes[offset + length - 1] == '\r') {
                length--;
            }
            if (blank(bytes, offset, length)) {
                return;
            }
            JournalRecord record;
            try {
                record = parse(parser, bytes, offset, length);
            } catch (JournalSyntaxException e) {
                rejected++;
                if (problems.size() < MAX_KEPT_PROBLEMS) {
                    problems.add(new JournalProblem(line, e.kind(), e.getMessage()));
                }
                return;
            }
            records++;
            handler.record(line, record);
        }

        private static boolean blank(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                byte b = bytes[i];
                if (b != ' ' && b != '\t' && b != '\r') {
                    return false;
                }
            }
            return true;
        }
    }
}
