package io.github.geodispatch.geofence;

import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.TechnicianId;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads pings from CSV with the header {@code ping_id,technician_id,timestamp,lat,lng,accuracy_m}
 * (any column order; an optional {@code mock_location} column of {@code true}/{@code false}),
 * timestamps ISO-8601 with offset. Fields are plain (no quoting). A malformed row is reported with its
 * line number and skipped; the rest are still read. Stateless and thread-safe.
 */
public final class PingCsv {
    static final List<String> REQUIRED = List.of("ping_id", "technician_id", "timestamp", "lat", "lng", "accuracy_m");

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

    /** How many rows were read, and what was wrong with the others. */
    public record Result(long rows, List<Problem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    /**
     * Sends each well-formed row to {@code sink} in file order. Throws {@link IllegalArgumentException}
     * if the header lacks a required column (nothing can be read then).
     */
    public static Result read(BufferedReader in, Consumer<Ping> sink) throws IOException {
        String header = in.readLine();
        if (header == null) {
            throw new IllegalArgumentException("the pings file is empty; expected the header " + String.join(",", REQUIRED));
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
        long lineNumber = 1;
        String line;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            try {
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
                        OffsetDateTime.parse(f[column.get("timestamp")].strip()).toInstant(),
                        new GeoPoint(number(f, column, "lat"), number(f, column, "lng")),
                        number(f, column, "accuracy_m"), mock);
                rows++;
                sink.accept(ping);
            } catch (DateTimeParseException e) {
                problems.add(new Problem(lineNumber, "timestamp is not ISO-8601 with offset: " + e.getParsedString()));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(lineNumber, e.getMessage()));
            }
        }
        return new Result(rows, problems);
    }

    private static double number(String[] fields, Map<String, Integer> column, String name) {
        String s = fields[column.get(name)].strip();
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a number: '" + s + "'");
        }
    }
}
