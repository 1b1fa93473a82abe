package io.github.geodispatch.dispatch;
import io.github.geodispatch.dispatch.internal.Codes;
import io.github.geodispatch.spi.CalendarRange;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A certification a technician holds (e.g. {@code refrigerant.handling}, {@code electrical.wireman}),
 * valid until {@code expiresAt} (exclusive). Immutable and thread-safe.
 */
public record Certification(String code, Instant expiresAt) {
    public Certification {
        Codes.require("certification code", code);
        Objects.requireNonNull(expiresAt, "certification expiresAt");
    }

    /** A certification valid through the whole of {@code lastDay} in {@code zone}. */
    public static Certification validThrough(String code, LocalDate lastDay, ZoneId zone) {
        CalendarRange.require(lastDay, "lastDay");
        Objects.requireNonNull(zone, "zone");
        return new Certification(code, lastDay.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** True when the certification is still valid at {@code t}. */
    public boolean validAt(Instant t) {
        return t.isBefore(expiresAt);
    }
}
