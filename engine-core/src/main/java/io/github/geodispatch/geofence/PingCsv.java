package io.github.geodispatch.geofence;

import io.github.geodispatch.spi.CalendarRange;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.TechnicianId;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads pings from CSV with the header {@code ping_id,technician_id,timestamp,lat,lng,accuracy_m}
 * (any column order; an optional {@code mock_location} column of {@code true}/{@code false}),
 * timestamps ISO-8601 with offset in years 0001-9999 ({@link io.github.geodispatch.spi.CalendarRange}), numbers in
 * plain decimal notation (an exponent is allowed; hexadecimal,
 * {@code NaN}, {@code Infinity} and type suffixes are not). Fields are plain (no quoting). The file is UTF-8;
 * a byte order mark before the header is skipped; a line ends at LF, CRLF or a lone CR. A malformed row
 * (including one whose bytes are not UTF-8, one with a control character other than tab, or one longer than
 * {@value #MAX_LINE_BYTES} bytes) is reported
 * with its line number and skipped; the rest are still read. Stateless and thread-safe.
 */
public final class PingCsv {
    static final List<String> REQUIRED = List.of("ping_id", "technician_id", "timestamp", "lat", "lng", "accuracy_m");
    /** How many problems a {@link Result} keeps for printing; {@link Result#rejected()} counts every one. */
    public static final int MAX_KEPT_PROBLEMS = 1_000;
    /** The longest row read; a longer one is rejected without being held (a ping row is under 200 bytes). */
    public static final int MAX_LINE_BYTES = 1 << 16;
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private PingCsv() {}

    /** A row that could not be read. */
    public record Problem(long line, String message) {
        public Problem {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String toString() {
            return "line " + line + ": " + message;
        }
    }

    /**
     * How many rows were read and how many were rejected (exact counts), with the first
     * {@value #MAX_KEPT_PROBLEMS} problems.
     */
    public record Result(long rows, long rejected, List<Problem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    /**
     * Sends each well-formed row of {@code in} (not closed) to {@code sink} in file order. Throws
     * {@link IllegalArgumentException} if the file is empty or the header lacks a required column (nothing can be
     * read then).
     */
    public static Result read(InputStream in, Consumer<Ping> sink) throws IOException {
        Lines lines = new Lines(in);
        String header = lines.next();
        if (header == null) {
            throw new IllegalArgumentException("the pings file is empty; expected the header " + String.join(",", REQUIRED));
        }
        if (lines.problem != null) {
            throw new IllegalArgumentException("line 1: " + lines.problem);
        }
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        String[] names = header.strip().split(",", -1);
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            column.put(names[i].strip(), i);
        }
        for (String required : REQUIRED) {
            if (!column.containsKey(required)) {
                throw new IllegalArgumentException("line 1: the header lacks column '" + required + "'; expected "
                        + String.join(",", REQUIRED));
            }
        }
        Integer mockColumn = column.get("mock_location");
        List<Problem> problems = new ArrayList<>();
        long rows = 0;
        long rejected = 0;
        String line;
        while ((line = lines.next()) != null) {
            try {
                if (lines.problem != null) {
                    throw new IllegalArgumentException(lines.problem);
                }
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != names.length) {
                    throw new IllegalArgumentException("expected " + names.length + " fields, found " + f.length);
                }
                boolean mock = false;
                if (mockColumn != null) {
                    String m = f[mockColumn].strip();
                    if (!m.isEmpty() && !m.equals("true") && !m.equals("false")) {
                        throw new IllegalArgumentException("mock_location must be true or false, was '" + m + "'");
                    }
                    mock = m.equals("true");
                }
                Ping ping = new Ping(f[column.get("ping_id")].strip(),
                        new TechnicianId(f[column.get("technician_id")].strip()),
                        CalendarRange.require(OffsetDateTime.parse(f[column.get("timestamp")].strip()), "timestamp")
                                .toInstant(),
                        new GeoPoint(number(f, column, "lat"), number(f, column, "lng")),
                        number(f, column, "accuracy_m"), mock);
                rows++;
                sink.accept(ping);
            } catch (DateTimeParseException e) {
                rejected = reject(problems, rejected, lines.number,
                        "timestamp is not ISO-8601 with offset: " + e.getParsedString());
            } catch (IllegalArgumentException e) {
                rejected = reject(problems, rejected, lines.number, e.getMessage());
            }
        }
        return new Result(rows, rejected, problems);
    }

    private static long reject(List<Problem> problems, long rejected, long line, String message) {
        if (problems.size() < MAX_KEPT_PROBLEMS) {
            problems.add(new Problem(line, message));
        }
        return rejected + 1;
    }

    private static double number(String[] fields, Map<String, Integer> column, String name) {
        String s = fields[column.get(name)].strip();
        if (!DECIMAL.matcher(s).matches()) {
            throw new IllegalArgumentException(name + " is not a decimal number: '" + s + "'");
        }
        return Double.parseDouble(s);
    }

    /** The lines of a UTF-8 byte stream, each decoded on its own so that one bad line costs only itself. */
    private static final class Lines {
        private final InputStream in;
        private final byte[] buffer = new byte[1 << 16];
        private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
        private int position;
        private int limit;
        private byte[] line = new byte[256];
        private int length;
        private boolean afterCr;
        /** The current line's number (1-based). */
        long number;
        /** Why the current line could not be decoded; null when it was. */
        String problem;

        Lines(InputStream in) {
            this.in = in;
        }

        /** The next line (empty when it could not be decoded, see {@link #problem}), or null at the end. */
        String next() throws IOException {
            length = 0;
            boolean tooLong = false;
            boolean any = false;
            while (true) {
                if (position == limit) {
                    limit = in.read(buffer);
                    position = 0;
                    if (limit < 0) {
                        limit = 0;
                        if (!any) {
                            return null;
                        }
                        break;
                    }
                }
                byte b = buffer[position++];
                if (afterCr) {
                    afterCr = false;
                    if (b == '\n') {
                        continue;
                    }
                }
                any = true;
                if (b == '\n' || b == '\r') {
                    afterCr = b == '\r';
                    break;
                }
                if (length == MAX_LINE_BYTES) {
                    tooLong = true;
                } else {
                    if (length == line.length) {
                        line = Arrays.copyOf(line, length * 2);
                    }
                    line[length++] = b;
                }
            }
            number++;
            problem = tooLong ? "the line is longer than " + MAX_LINE_BYTES + " bytes" : null;
            return tooLong ? "" : decode();
        }

        private String decode() {
            for (int i = 0; i < length; i++) {
                if (line[i] >= 0 && line[i] < 0x20 && line[i] != '\t') {
                    problem = String.format("control character U+%04X at byte %d of the line", (int) line[i], i + 1);
                    return "";
                }
            }
            ByteBuffer bytes = ByteBuffer.wrap(line, 0, length);
            CharBuffer chars = CharBuffer.allocate(length);
            if (utf8.reset().decode(bytes, chars, true).isError()) {
                problem = String.format("not UTF-8: byte 0x%02X at byte %d of the line", line[bytes.position()] & 0xff,
                        bytes.position() + 1);
                return "";
            }
            return chars.flip().toString();
        }
    }
}
