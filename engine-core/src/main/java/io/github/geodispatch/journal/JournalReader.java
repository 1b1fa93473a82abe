package io.github.geodispatch.journal;
import io.github.geodispatch.journal.internal.RecordParser;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a journal (JSON Lines, UTF-8) with Jackson's streaming parser, one line at a time; a ping line of exactly
 * the shape {@link JournalWriter} writes (nine lines in ten of a field team's journal) is read straight from its
 * bytes instead, to the same record. Strict about syntax, lenient about the rest: a malformed or invalid line is
 * reported with its line number and skipped, and every other line still reaches the handler. Reading never stops on a bad line; it stops
 * only on an I/O error or when the handler throws.
 *
 * <p>The bytes: a line ends at LF, CRLF or a lone CR. Each line is checked as UTF-8 on its own: a line with
 * bytes that are not UTF-8, or with a control character other than tab (the NUL bytes a crash leaves before a
 * restart appends), is rejected as {@link JournalProblem.Kind#MALFORMED} naming the byte, and the next line
 * reads as usual. A line longer than {@value #MAX_LINE_BYTES} bytes is rejected without being held in memory.
 * Blank lines are allowed; a UTF-8 byte order mark on the first line is skipped. A gzip-compressed journal
 * (it starts with the gzip magic bytes {@code 1f 8b}) is decompressed as it is read.
 *
 * <pre>{@code
 * JournalSummary summary = JournalReader.create().read(path, (line, record) -> ...);
 * summary.problems().forEach(System.err::println);   // "line 12: MALFORMED: ..."
 * }</pre>
 *
 * An instance is immutable and thread-safe; each {@code read} call uses its own parsing state ({@link #readingAhead()}
 * parses on a second thread).
 */
public final class JournalReader {
    /** How many problems a {@link JournalSummary} keeps for printing; its counts count every one. */
    public static final int MAX_KEPT_PROBLEMS = 1_000;
    /** The longest line read; a longer one is rejected (a journal line is a few hundred bytes). */
    public static final int MAX_LINE_BYTES = 1 << 20;

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();
    private static final JournalReader INSTANCE = new JournalReader(false);
    private static final JournalReader READING_AHEAD = new JournalReader(true);
    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    /** Receives each record with its 1-based line number. */
    @FunctionalInterface
    public interface Handler {
        void record(long line, JournalRecord record);
    }

    private final boolean readingAhead;

    private JournalReader(boolean readingAhead) {
        this.readingAhead = readingAhead;
    }

    /** A reader that reads and parses on the calling thread. */
    public static JournalReader create() {
        return INSTANCE;
    }

    /**
     * This reader, reading ahead: the journal is read and parsed on a second thread (a daemon) while the handler runs
     * on the calling thread, record by record in line order, as before. The same records, problems and summary; on two
     * cores the handler's work and the parsing overlap. The read waits for the second thread to end before it returns
     * or throws, so neither the thread nor a read of the input outlives it.
     */
    public JournalReader readingAhead() {
        return READING_AHEAD;
    }

    /** Reads {@code file}, plain or gzip-compressed; see the class comment. */
    public JournalSummary read(Path file, Handler handler) throws IOException {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, handler);
        }
    }

    /** Reads UTF-8 JSON Lines, plain or gzip-compressed, from {@code in} (not closed); see the class comment. */
    public JournalSummary read(InputStream in, Handler handler) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(handler, "handler");
        if (readingAhead) {
            return JournalReadAhead.read(in, handler, INSTANCE::read);
        }
        PushbackInputStream peek = new PushbackInputStream(in, 2);
        byte[] magic = peek.readNBytes(2);
        peek.unread(magic);
        Run run = new Run(handler);
        if (magic.length == 2 && (magic[0] & 0xff) == GZIP_MAGIC_1 && (magic[1] & 0xff) == GZIP_MAGIC_2) {
            try {
                return run.readAll(new GZIPInputStream(peek, 1 << 16));
            } catch (ZipException | java.io.EOFException e) {
                throw new IOException("the gzip-compressed journal is corrupt or cut short after line " + run.line
                        + ": " + e.getMessage(), e);
            }
        }
        return run.readAll(peek);
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
        String control = controlCharacter(bytes, 0, bytes.length);
        if (control != null) {
            throw RecordParser.malformed(control);
        }
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

    /** The first control character (other than tab) of bytes {@code [from, to)}, described; null when there is none. */
    private static String controlCharacter(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b >= 0 && b < 0x20 && b != '\t') {
                return String.format("control character U+%04X at byte %d of the line%s", (int) b, i - from + 1,
                        b == 0 ? " (NUL bytes: what a crash leaves before a restart appends)" : "");
            }
        }
        return null;
    }

    /**
     * One read: lines are split on bytes, and a line of plain printable ASCII goes to Jackson as it is; any other
     * line is first checked as UTF-8 (Jackson would otherwise guess UTF-16 or UTF-32 from NUL bytes and fail
     * the whole read).
     */
    private static final class Run {
        private final Handler handler;
        private final RecordParser parser = new RecordParser();
        private final List<JournalProblem> problems = new ArrayList<>();
        private final long[] counts = new long[JournalProblem.Kind.values().length];
        private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
        private CharBuffer decoded = CharBuffer.allocate(256);
        private long line;
        private long records;
        /** The start of a line the previous buffer ended in. */
        private byte[] carry = new byte[1024];
        private int carryLength;
        private boolean carrying;
        private boolean carryUnchecked;
        private boolean carryTooLong;
        /** Whether the bytes after the current buffer's last line break need a check (see {@link #split}). */
        private boolean tailUnchecked;
        /** The previous buffer ended with CR: an LF starting this one belongs to it. */
        private boolean afterCr;
        // the complete lines of the current buffer
        private int[] starts = new int[1024];
        private int[] ends = new int[1024];
        private boolean[] unchecked = new boolean[1024];

        Run(Handler handler) {
            this.handler = handler;
        }

        JournalSummary readAll(InputStream in) throws IOException {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                int i = 0;
                if (afterCr && n > 0) {
                    afterCr = false;
                    if (buffer[0] == '\n') {
                        i = 1;
                    }
                }
                int count = split(buffer, i, n);
                int first = 0;
                if (carrying && count > 0) {
                    append(buffer, starts[0], ends[0], unchecked[0]);
                    endCarriedLine();
                    first = 1;
                }
                if (first < count) {
                    lines(buffer, first, count);
                }
                int tail = count > 0 ? next(buffer, ends[count - 1], n) : i;
                if (tail < n) {
                    append(buffer, tail, n, tailUnchecked);
                }
            }
            if (carrying) {
                endCarriedLine();
            }
            return new JournalSummary(line, records, JournalProblem.Kind.countsOf(counts), problems);
        }

        /**
         * Finds the complete lines of {@code buffer[from, n)} into {@code starts}/{@code ends} (ends exclude the
         * line break) and marks those holding a byte that is not printable ASCII or tab; returns how many. The
         * bytes after the last line break are the tail ({@link #tailUnchecked} says whether they need a check).
         */
        private int split(byte[] buffer, int from, int n) {
            int count = 0;
            int start = from;
            boolean check = false;
            for (int i = from; i < n; i++) {
                byte b = buffer[i];
                if (b < 0x20) { // a control character, or (negative) a byte of a multi-byte UTF-8 sequence
                    if (b == '\n' || b == '\r') {
                        if (count == starts.length) {
                            starts = Arrays.copyOf(starts, count * 2);
                            ends = Arrays.copyOf(ends, count * 2);
                            unchecked = Arrays.copyOf(unchecked, count * 2);
                        }
                        starts[count] = start;
                        ends[count] = i;
                        unchecked[count] = check;
                        count++;
                        if (b == '\r') {
                            if (i + 1 == n) {
                                afterCr = true;
                            } else if (buffer[i + 1] == '\n') {
                                i++;
                            }
                        }
                        start = i + 1;
                        check = false;
                    } else if (b != '\t') {
                        check = true;
                    }
                }
            }
            tailUnchecked = check;
            return count;
        }

        /** Where the line after the one ending at {@code end} starts (after LF, CR or CRLF). */
        private static int next(byte[] buffer, int end, int n) {
            return buffer[end] == '\r' && end + 1 < n && buffer[end + 1] == '\n' ? end + 2 : end + 1;
        }

        /**
         * The complete lines {@code k..count-1} of a buffer. Runs of lines that are plain or valid UTF-8 share one
         * parser (creating a parser per line costs as much as parsing a short line); at the first line that is not
         * exactly one well-formed record, that line goes through {@link #line} on its own and sharing resumes after
         * it. The first line of the input always goes on its own (it may carry a byte order mark).
         */
        private void lines(byte[] bytes, int k, int count) throws IOException {
            if (line == 0) {
                line(bytes, starts[k], ends[k], unchecked[k]);
                k++;
            }
            while (k < count) {
                int end = k;
                while (end < count && (!unchecked[end] || textProblem(bytes, starts[end], ends[end]) == null)) {
                    end++;
                }
                clean(bytes, k, end);
                k = end;
                if (k < count) {
                    line(bytes, starts[k], ends[k], true);
                    k++;
                }
            }
        }

        /**
         * The complete lines {@code k..end-1}, all plain or valid UTF-8: a ping, job status change or assignment of
         * the writer's exact shape is read from its bytes ({@link RecordParser#plain}); each run of other lines goes
         * through {@link #shared}.
         */
        private void clean(byte[] bytes, int k, int end) throws IOException {
            while (k < end) {
                JournalRecord plain = parser.plain(bytes, starts[k], ends[k]);
                if (plain != null) {
                    accept(plain);
                    k++;
                    continue;
                }
                int run = k + 1;
                JournalRecord next = null;
                while (run < end && (next = parser.plain(bytes, starts[run], ends[run])) == null) {
                    run++;
                }
                while (k < run) {
                    k = shared(bytes, k, run);
                    if (k < run) {
                        line(bytes, starts[k], ends[k], false);
                        k++;
                    }
                }
                if (next != null) {
                    accept(next);
                    k++;
                }
            }
        }

        private void accept(JournalRecord record) {
            line++;
            records++;
            handler.record(line, record);
        }

        /** Parses lines {@code k..end-1} with one parser; returns the index of the first line it could not take. */
        private int shared(byte[] bytes, int k, int end) throws IOException {
            int from = starts[k];
            try (JsonParser p = JSON.createParser(bytes, from, ends[end - 1] - from)) {
                boolean started = false;
                for (int j = k; j < end; j++) {
                    int relative = j - k + 1;
                    if (blank(bytes, starts[j], ends[j])) {
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
                    accept(record);
                }
                return end;
            }
        }

        private void append(byte[] bytes, int from, int to, boolean check) {
            carrying = true;
            carryUnchecked |= check;
            int length = to - from;
            if (carryTooLong || length == 0) {
                return;
            }
            if ((long) carryLength + length > MAX_LINE_BYTES) {
                carryTooLong = true;
                carryLength = 0;
                return;
            }
            if (carryLength + length > carry.length) {
                carry = Arrays.copyOf(carry, Math.max(carry.length * 2, carryLength + length));
            }
            System.arraycopy(bytes, from, carry, carryLength, length);
            carryLength += length;
        }

        private void endCarriedLine() throws IOException {
            if (carryTooLong) {
                line++;
                reject(JournalProblem.Kind.MALFORMED, "the line is longer than " + MAX_LINE_BYTES
                        + " bytes (is this a journal?); not read");
            } else {
                line(carry, 0, carryLength, carryUnchecked);
            }
            carrying = false;
            carryUnchecked = false;
            carryTooLong = false;
            carryLength = 0;
        }

        private void line(byte[] bytes, int from, int to, boolean check) throws IOException {
            line++;
            if (line == 1 && to - from >= 3 && bytes[from] == (byte) 0xEF && bytes[from + 1] == (byte) 0xBB
                    && bytes[from + 2] == (byte) 0xBF) {
                from += 3;
            }
            if (check) {
                String problem = textProblem(bytes, from, to);
                if (problem != null) {
                    reject(JournalProblem.Kind.MALFORMED, problem);
                    return;
                }
            }
            if (blank(bytes, from, to)) {
                return;
            }
            JournalRecord record = parser.plain(bytes, from, to);
            try {
                if (record == null) {
                    record = parse(parser, bytes, from, to - from);
                }
            } catch (JournalSyntaxException e) {
                reject(e.kind(), e.getMessage());
                return;
            }
            records++;
            handler.record(line, record);
        }

        private void reject(JournalProblem.Kind kind, String message) {
            counts[kind.ordinal()]++;
            if (problems.size() < MAX_KEPT_PROBLEMS) {
                problems.add(new JournalProblem(line, kind, message));
            }
        }

        /** Null when bytes {@code [from, to)} are UTF-8 with no control character but tab; else what is wrong. */
        private String textProblem(byte[] bytes, int from, int to) {
            if (line == 1 && to - from >= 2 && utf16ByteOrderMark(bytes[from] & 0xff, bytes[from + 1] & 0xff)) {
                return "the journal is UTF-16 (it starts with a UTF-16 byte order mark); a journal is UTF-8";
            }
            String control = controlCharacter(bytes, from, to);
            if (control != null) {
                return control;
            }
            if (decoded.capacity() < to - from) {
                decoded = CharBuffer.allocate(Math.max(to - from, decoded.capacity() * 2));
            }
            ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
            decoded.clear();
            if (!utf8.reset().decode(in, decoded, true).isError()) {
                return null;
            }
            return String.format("not UTF-8: byte 0x%02X at byte %d of the line", bytes[in.position()] & 0xff,
                    in.position() - from + 1);
        }

        private static boolean utf16ByteOrderMark(int first, int second) {
            return first == 0xFF && second == 0xFE || first == 0xFE && second == 0xFF;
        }

        private static boolean blank(byte[] bytes, int from, int to) {
            for (int i = from; i < to; i++) {
                byte b = bytes[i];
                if (b != ' ' && b != '\t') {
                    return false;
                }
            }
            return true;
        }
    }
}
