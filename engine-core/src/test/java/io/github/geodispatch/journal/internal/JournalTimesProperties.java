package io.github.geodispatch.journal.internal;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One {@link JournalTimes} decoding a run of times, as a reading thread does, against {@link OffsetDateTime#parse}:
 * the dates and times of day it keeps from earlier lines (some in the same slot, some invalid) never change what a
 * line reads to.
 */
class JournalTimesProperties {
    @Property(tries = 300)
    void aRunOfTimesDecodesAsTheJdkParsesEachAlone(@ForAll("runs") List<String> texts) {
        JournalTimes times = new JournalTimes();
        for (String text : texts) {
            char[] chars = text.toCharArray();
            assertThat(times.parseCommon(chars, 0, chars.length)).as(text).isEqualTo(jdk(text));
        }
    }

    private static OffsetDateTime jdk(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * Times of a few weeks or of years (dates whose day numbers share a slot), a few offsets, fractions or none, and
     * impossible dates of the same shape (the 30th of February, the 31st of April, month 13).
     */
    @Provide
    Arbitrary<List<String>> runs() {
        Arbitrary<Long> seconds = Arbitraries.oneOf(Arbitraries.longs().between(1_780_000_000L, 1_784_000_000L),
                Arbitraries.longs().between(1_600_000_000L, 1_900_000_000L));
        Arbitrary<String> valid = Combinators.combine(seconds, Arbitraries.of(0, 0, 123_000_000, 1),
                Arbitraries.of(19_800, 19_800, 0, 10_800, -18_000)).as((s, n, o) -> JournalTimes.format(
                OffsetDateTime.of(LocalDateTime.ofEpochSecond(s, n, ZoneOffset.ofTotalSeconds(o)),
                        ZoneOffset.ofTotalSeconds(o))));
        Arbitrary<String> impossible = Arbitraries.of("2026-02-30T10:00:00+05:30", "2027-04-31T10:00:00+05:30",
                "2026-13-01T10:00:00+05:30", "2026-02-29T10:00:00Z", "2028-02-29T10:00:00Z", "2026-11-02T24:00:00Z",
                "2026-11-02T23:60:00Z", "2026-11-02T23:59:60Z");
        // the same times of day again and again (the times of day kept from earlier lines), midnight among them
        Arbitrary<String> repeated = Combinators.combine(Arbitraries.of("2026-11-02", "2026-11-03", "2027-01-31"),
                Arbitraries.of("00:00:00", "00:00:01", "07:00:00", "12:34:56", "23:59:59", "07:00:00.5"),
                Arbitraries.of("+05:30", "Z")).as((d, t, o) -> d + "T" + t + o);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, valid), net.jqwik.api.Tuple.of(3, repeated),
                net.jqwik.api.Tuple.of(1, impossible)).list().ofMinSize(1).ofMaxSize(200);
    }
}
