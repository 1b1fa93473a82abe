package io.github.geodispatch.journal.internal;
import io.github.geodispatch.journal.JournalRecord;
import io.github.geodispatch.spi.TechnicianId;
import com.fasterxml.jackson.core.io.NumberInput;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

/**
 * Reads a ping line of exactly the shape {@link io.github.geodispatch.journal.JournalWriter} writes, straight from
 * its bytes, without a JSON parser: {@code {"type":"ping","ping_id":S,"technician":S,"at":S,"lat":N,"lng":N}}
 * followed by {@code ,"accuracy_m":N} or not, then {@code }}, with no white space, strings of printable ASCII with
 * no escape, numbers in JSON's grammar. Nine journal lines in ten are pings, and a general parser spends most of
 * its time on what this shape fixes (field names, their order, duplicates). Anything else, or a value the record
 * refuses, or a technician not seen on an earlier line, is not read here ({@code null}): the line then goes to the
 * general parser, which reads it to the same record or names what is wrong. Not thread-safe: it shares the
 * reading thread's id cache and times.
 */
final class PlainPingReader {
    private static final byte[] TYPE = ascii("{\"type\":\"ping\",\"ping_id\":\"");
    private static final byte[] TECHNICIAN = ascii(",\"technician\":\"");
    private static final byte[] AT = ascii(",\"at\":\"");
    private static final byte[] LAT = ascii(",\"lat\":");
    private static final byte[] LNG = ascii(",\"lng\":");
    private static final byte[] ACCURACY = ascii(",\"accuracy_m\":");
    /** Longer integers go to the general parser (it reads them through {@code long} or {@code BigInteger}). */
    private static final int MAX_INTEGER_DIGITS = 18;
    /** Longer numbers go to the general parser (it refuses those over its stream constraints' length). */
    private static final int MAX_NUMBER_CHARS = 64;

    private final CharKeyCache<TechnicianId> technicians;
    private final JournalTimes times;
    /** The line's bytes as characters, for the id cache, the time decoder and the number parser. */
    private char[] chars = new char[256];
    /** Where the value just scanned ends (its closing quote, or the byte after a number). */
    private int end;

    PlainPingReader(CharKeyCache<TechnicianId> technicians, JournalTimes times) {
        this.technicians = technicians;
        this.times = times;
    }

    /** The ping on bytes {@code [from, to)}, when the line has exactly the shape above; null otherwise. */
    JournalRecord.Ping read(byte[] bytes, int from, int to) {
        if (!startsWith(bytes, from, to, TYPE)) {
            return null;
        }
        int length = to - from;
        chars = widen(bytes, from, to, chars);
        int pingIdStart = TYPE.length;
        if (!string(pingIdStart, length) || !startsWith(bytes, from + end + 1, to, TECHNICIAN)) {
            return null;
        }
        int pingIdEnd = end;
        int technicianStart = end + 1 + TECHNICIAN.length;
        if (!string(technicianStart, length) || !startsWith(bytes, from + end + 1, to, AT)) {
            return null;
        }
        TechnicianId technician = technicians.get(chars, technicianStart, end - technicianStart);
        int atStart = end + 1 + AT.length;
        if (technician == null || !string(atStart, length) || !startsWith(bytes, from + end + 1, to, LAT)) {
            return null;
        }
        OffsetDateTime at = times.parseCommon(chars, atStart, end - atStart);
        if (at == null) {
            return null;
        }
        double lat = number(end + 1 + LAT.length, length);
        if (Double.isNaN(lat) || !startsWith(bytes, from + end, to, LNG)) {
            return null;
        }
        double lng = number(end + LNG.length, length);
        if (Double.isNaN(lng)) {
            return null;
        }
        double accuracy = 0.0;
        if (startsWith(bytes, from + end, to, ACCURACY)) {
            accuracy = number(end + ACCURACY.length, length);
            if (Double.isNaN(accuracy)) {
                return null;
            }
        }
        if (end != length - 1 || chars[end] != '}') {
            return null;
        }
        String pingId = new String(bytes, from + pingIdStart, pingIdEnd - pingIdStart, StandardCharsets.ISO_8859_1);
        try {
            return new JournalRecord.Ping(pingId, technician, at, lat, lng, accuracy);
        } catch (IllegalArgumentException refused) {
            return null; // the general parser reports it, worded as for any line
        }
    }

    /**
     * Scans a string value's characters from {@code start} (after its opening quote) to its closing quote, which
     * {@link #end} then holds; false on an escape, a byte that is not printable ASCII, or the end of the line.
     */
    private boolean string(int start, int length) {
        end = stringEnd(chars, start, length);
        return end >= 0;
    }

    /**
     * The index of the closing quote of the string value whose characters start at {@code start} (after its opening
     * quote); -1 on an escape, a character that is not printable ASCII, or the end of the line.
     */
    static int stringEnd(char[] chars, int start, int length) {
        for (int i = start; i < length; i++) {
            char c = chars[i];
            if (c == '"') {
                return i;
            }
            if (c < 0x20 || c > 0x7e || c == '\\') {
                return -1;
            }
        }
        return -1;
    }

    /** The JSON number from {@code start} (see {@link #numberValue}), with {@link #end} after it; else NaN. */
    private double number(int start, int length) {
        end = numberEnd(chars, start, length);
        return end < 0 ? Double.NaN : numberValue(chars, start, end);
    }

    /**
     * The index just after the JSON number whose text starts at {@code start}; -1 when the text there is not a JSON
     * number, or is longer than this path takes.
     */
    static int numberEnd(char[] chars, int start, int length) {
        int i = start;
        if (i < length && chars[i] == '-') {
            i++;
        }
        int digitsStart = i;
        if (i < length && chars[i] == '0') {
            i++;
        } else {
            while (i < length && isDigit(chars[i])) {
                i++;
            }
        }
        if (i == digitsStart) {
            return -1;
        }
        if (i < length && chars[i] == '.') {
            int fraction = ++i;
            while (i < length && isDigit(chars[i])) {
                i++;
            }
            if (i == fraction) {
                return -1;
            }
        }
        if (i < length && (chars[i] == 'e' || chars[i] == 'E')) {
            i++;
            if (i < length && (chars[i] == '+' || chars[i] == '-')) {
                i++;
            }
            int exponent = i;
            while (i < length && isDigit(chars[i])) {
                i++;
            }
            if (i == exponent) {
                return -1;
            }
        }
        if (i < length && isDigit(chars[i])) {
            return -1; // a leading zero followed by digits
        }
        return i - start > MAX_NUMBER_CHARS ? -1 : i;
    }

    /**
     * The JSON number {@code chars[start, end)} (as {@link #numberEnd} delimits it) as the general parser reads it:
     * an integer through {@code long}, so {@code -0} is 0.0; a fraction or exponent correctly rounded. NaN for an
     * integer longer than this path takes.
     */
    static double numberValue(char[] chars, int start, int end) {
        int digitsStart = chars[start] == '-' ? start + 1 : start;
        boolean integer = true;
        for (int k = digitsStart; k < end && integer; k++) {
            integer = isDigit(chars[k]);
        }
        if (!integer) {
            return NumberInput.parseDouble(chars, start, end - start, true);
        }
        if (end - digitsStart > MAX_INTEGER_DIGITS) {
            return Double.NaN;
        }
        long value = 0;
        for (int k = digitsStart; k < end; k++) {
            value = value * 10 + (chars[k] - '0');
        }
        return digitsStart > start ? -value : value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * The bytes {@code [from, to)} widened to characters from index 0 of {@code chars}, or of a larger array when
     * it is too short (only printable ASCII is ever read from them: see {@link #stringEnd}).
     */
    static char[] widen(byte[] bytes, int from, int to, char[] chars) {
        int length = to - from;
        char[] into = chars.length >= length ? chars : new char[Math.max(length, chars.length * 2)];
        for (int i = 0; i < length; i++) {
            into[i] = (char) bytes[from + i];
        }
        return into;
    }

    static boolean startsWith(byte[] bytes, int at, int to, byte[] prefix) {
        if (to - at < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
