package io.github.geodispatch.jdbc;

import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Coverage;
import io.github.geodispatch.spi.CoverageKind;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.EventHeader;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.HashChain;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.Priority;
import io.github.geodispatch.spi.ProofKind;
import io.github.geodispatch.spi.Role;
import io.github.geodispatch.spi.Site;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.SkillRequirement;
import io.github.geodispatch.spi.StreamId;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;
import io.github.geodispatch.spi.TimeWindow;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON round trip is exact for any event: equal record, equal canonical text, equal hash. */
class EventJsonPropertiesTest {

    @Property(tries = 300)
    void anyEventRoundTripsToTheSameCanonicalTextAndHash(@ForAll("events") JobEvent event) {
        JobEvent back = EventJson.read(EventJson.write(event));
        assertThat(back).isEqualTo(event);
        assertThat(back.toString()).isEqualTo(event.toString());
        assertThat(HashChain.hash(back)).isEqualTo(HashChain.hash(event));
    }

    @Provide
    Arbitrary<JobEvent> events() {
        return events(headers());
    }

    /** Any event of any variant, with headers from {@code headers}. */
    static Arbitrary<JobEvent> events(Arbitrary<EventHeader> headers) {
        return Arbitraries.oneOf(
                Combinators.combine(headers, sites(), texts(), Arbitraries.of(Priority.class), windows(),
                        Arbitraries.integers().between(1, 1440), money(), coverages())
                        .as((h, site, issue, priority, window, minutes, quote, coverage) -> new JobEvent.JobCreated(h,
                                BranchId.of("b-1"), CustomerId.of("c-1"), site, issue, "AC_SERVICE",
                                java.util.List.of(SkillRequirement.of("ac.split", 3)), priority, window,
                                window == null ? null : window.to(), minutes, quote.requireNonNegative("quote"), coverage,
                                window == null ? TechnicianId.of("t-9") : null)),
                Combinators.combine(headers, tokens(), texts().injectNull(0.3))
                        .as((h, tech, reason) -> new JobEvent.JobAssigned(h, TechnicianId.of(tech), reason)),
                Combinators.combine(headers, tokens(), texts())
                        .as((h, tech, reason) -> new JobEvent.JobUnassigned(h, TechnicianId.of(tech), reason)),
                Combinators.combine(headers, Arbitraries.of(JobStatus.class), texts(), texts().injectNull(0.5))
                        .as(JobEvent.StatusChanged::new),
                Combinators.combine(headers, texts(), texts().filter(t -> !t.isBlank()),
                                Arbitraries.strings().withChars("0123456789abcdef").ofLength(64))
                        .as((h, label, ref, sha) -> new JobEvent.ProofAdded(h, ProofKind.PHOTO, label, ref, sha)),
                Combinators.combine(headers, Arbitraries.integers().between(1, 10_000), money())
                        .as((h, qty, price) -> new JobEvent.PartUsed(h, "SKU-" + qty, "8415", qty, price, qty % 2 == 0)),
                Combinators.combine(headers, texts().filter(t -> !t.isBlank()), money(), Arbitraries.of(true, false))
                        .as(JobEvent.ExpenseAdded::new),
                Combinators.combine(headers, money(), Arbitraries.longs().between(0, 999_999_999_999L),
                                Arbitraries.integers().between(0, 20_000))
                        .as((h, amount, utr, days) -> new JobEvent.PaymentRecorded(h, PaymentMode.UPI, amount,
                                String.format("%012d", utr), LocalDate.of(2020, 1, 1).plusDays(days), "owner-1")),
                Combinators.combine(headers, texts().filter(t -> !t.isBlank()), money().map(Money::negate),
                                texts().list().ofMaxSize(3))
                        .as(JobEvent.InvoiceHandedOff::new));
    }

    /** Headers at version 1 of a new stream each, as a first append needs them. */
    static Arbitrary<EventHeader> firstHeaders() {
        return Combinators.combine(instants(), Arbitraries.of(Role.class)).as((at, role) -> {
            TenantId tenant = TenantId.of("tenant-1");
            return new EventHeader(UUID.randomUUID(), StreamId.of(tenant, JobId.of("j-" + UUID.randomUUID())), 1, at,
                    new Actor("a-" + role.ordinal(), role, tenant, role == Role.OWNER ? null : BranchId.of("b-1")),
                    HashChain.GENESIS);
        });
    }

    static Arbitrary<EventHeader> headers() {
        return Combinators.combine(Arbitraries.longs().between(1, 1_000_000), instants(), Arbitraries.of(Role.class),
                Arbitraries.strings().withChars("0123456789abcdef").ofLength(64), tokens())
                .as((version, at, role, previous, job) -> {
                    TenantId tenant = TenantId.of("tenant-1");
                    return new EventHeader(new UUID(version * 31, at.getNano()), StreamId.of(tenant, JobId.of(job)),
                            version, at, new Actor("a-" + role.ordinal(), role, tenant,
                            role == Role.OWNER ? null : BranchId.of("b-1")), previous);
                });
    }

    private static Arbitrary<Instant> instants() {
        return Combinators.combine(Arbitraries.longs().between(-10_000_000_000L, 10_000_000_000L),
                Arbitraries.integers().between(0, 999_999_999)).as(Instant::ofEpochSecond);
    }

    private static Arbitrary<TimeWindow> windows() {
        return Combinators.combine(instants(), Arbitraries.longs().between(0, 86_400_000))
                .as((from, length) -> new TimeWindow(from, from.plusNanos(length * 1000)))
                .injectNull(0.3);
    }

    private static Arbitrary<Site> sites() {
        Arbitrary<Double> lat = Arbitraries.oneOf(Arbitraries.doubles().between(-90, 90).ofScale(17),
                Arbitraries.of(-0.0, 0.0, 1.0E-300, -90.0, 90.0, 89.99999999999999, 0.1 + 0.2));
        Arbitrary<Double> lng = Arbitraries.oneOf(Arbitraries.doubles().between(-180, 180).ofScale(17),
                Arbitraries.of(-0.0, 180.0, -180.0, 4.9E-324));
        return Combinators.combine(lat, lng, Arbitraries.doubles().between(0.001, 5000).ofScale(12), texts())
                .as((la, ln, radius, address) -> new Site(SiteId.of("s-1"), GeoPoint.of(la, ln), radius, address));
    }

    private static Arbitrary<Money> money() {
        return Combinators.combine(Arbitraries.longs().between(0, Long.MAX_VALUE), Arbitraries.of(Currency.class))
                .as(Money::new);
    }

    private static Arbitrary<Coverage> coverages() {
        return Combinators.combine(Arbitraries.of(CoverageKind.class), texts().filter(t -> !t.isBlank()),
                        Arbitraries.integers().between(0, 40_000))
                .as((kind, ref, days) -> new Coverage(kind, ref, LocalDate.of(2000, 1, 1).plusDays(days),
                        java.util.List.of("AC_SERVICE")))
                .injectNull(0.4);
    }

    /** Any text, quotes, backslashes, control characters, Devanagari and emoji included. */
    /** Text, never with an unpaired surrogate: that is not text, and an event holding it cannot be hashed. */
    private static Arbitrary<String> texts() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withChars("\"\\/\b\f\n\r\t\u0001\u007f€ठंडा😀").ofMaxLength(12))
                .filter(t -> t.codePoints().noneMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE));
    }

    private static Arbitrary<String> tokens() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-").ofMinLength(1).ofMaxLength(20)
                .map(s -> "x" + s);
    }
}
