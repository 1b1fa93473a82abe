package io.github.geodispatch.stock;

import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.EventHeader;
import io.github.geodispatch.spi.HashChain;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.StreamId;
import io.github.geodispatch.spi.TenantId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parts margin's per-job account (the first day's sums in fields, a map from the second day on) against a
 * brute-force fold of the same parts: every job's revenue over any range of days, and which jobs have a line.
 */
class PartsMarginProperties {
    private static final TenantId TENANT = TenantId.of("t");
    private static final LocalDate DAY0 = LocalDate.of(2026, 11, 2);

    /** A part used on job {@code job} on day {@code day} (from DAY0), priced {@code unitPrice} minor units. */
    record Part(int job, int day, int quantity, long unitPrice, boolean billable) {}

    @Property(tries = 300)
    void reportOverAnyRangeIsTheSumOfThePartsOnItsDays(@ForAll("parts") @Size(max = 25) List<Part> parts,
            @ForAll @IntRange(min = -1, max = 5) int fromDay, @ForAll @IntRange(min = 0, max = 3) int span) {
        PartsMargin margin = PartsMargin.create(Currency.INR, ZoneOffset.UTC, false);
        int version = 0;
        for (Part p : parts) {
            JobId job = JobId.of("J-" + p.job());
            Instant at = DAY0.plusDays(p.day()).atTime(10, version % 60).toInstant(ZoneOffset.UTC);
            EventHeader header = new EventHeader(new UUID(p.job(), ++version), StreamId.of(TENANT, job), version, at,
                    Actor.system(TENANT), HashChain.GENESIS);
            margin.accept(new JobEvent.PartUsed(header, "CAP", null, p.quantity(), Money.inr(p.unitPrice()),
                    p.billable()));
        }
        LocalDate from = DAY0.plusDays(fromDay);
        LocalDate to = from.plusDays(span);

        Map<String, Long> expected = new TreeMap<>();
        for (Part p : parts) {
            LocalDate day = DAY0.plusDays(p.day());
            if (p.billable() && !day.isBefore(from) && !day.isAfter(to)) {
                expected.merge("J-" + p.job(), p.quantity() * p.unitPrice(), Long::sum);
            }
        }
        MarginReport report = margin.report(from, to);
        List<String> lines = new ArrayList<>();
        for (MarginLine line : report.byJob()) {
            lines.add(line.group() + "=" + line.revenue().minor());
            assertThat(line.cost().minor()).isZero();
        }
        List<String> oracle = new ArrayList<>();
        expected.forEach((job, revenue) -> oracle.add(job + "=" + revenue));
        assertThat(lines).isEqualTo(oracle);
        assertThat(report.total().revenue().minor())
                .isEqualTo(expected.values().stream().mapToLong(Long::longValue).sum());
    }

    @Provide
    Arbitrary<List<Part>> parts() {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 6),
                Arbitraries.integers().between(1, 4), Arbitraries.longs().between(0, 100_000),
                Arbitraries.of(true, true, false)).as(Part::new).list();
    }
}
