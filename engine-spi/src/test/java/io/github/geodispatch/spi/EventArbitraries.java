package io.github.geodispatch.spi;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Arbitrary well-formed job events of every variant in format 2, with optional components set and unset and text
 * from several scripts (supplementary characters included, unpaired surrogates never: they are not text).
 */
final class EventArbitraries {
    private EventArbitraries() {}

    static Arbitrary<JobEvent> events() {
        return Arbitraries.oneOf(List.of(created(), assigned(), unassigned(), statusChanged(), proof(), part(),
                expense(), payment(), invoice()));
    }

    /** Text of code points from ASCII, Latin-1, Devanagari, Kannada and the emoji plane; "" included. */
    static Arbitrary<String> text() {
        Arbitrary<Integer> codePoint = Arbitraries.oneOf(List.of(Arbitraries.integers().between(0, 0x7f),
                Arbitraries.integers().between(0xa0, 0xff), Arbitraries.integers().between(0x900, 0x97f),
                Arbitraries.integers().between(0xc80, 0xcff), Arbitraries.integers().between(0x1f300, 0x1f64f)));
        return codePoint.list().ofMaxSize(12).map(cps -> {
            StringBuilder b = new StringBuilder();
            cps.forEach(b::appendCodePoint);
            return b.toString();
        });
    }

    private static Arbitrary<String> nonBlank() {
        return text().map(t -> "x" + t);
    }

    static Arbitrary<String> token() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars("._:/@-")
                .ofMinLength(0).ofMaxLength(20).map(s -> "t" + s);
    }

    private static Arbitrary<Instant> instants() {
        return Combinators.combine(Arbitraries.longs().between(-62_000_000_000L, 32_000_000_000L),
                Arbitraries.integers().between(0, 999_999_999)).as(Instant::ofEpochSecond);
    }

    private static Arbitrary<Money> money() {
        return Combinators.combine(Arbitraries.longs().between(0, Long.MAX_VALUE), Arbitraries.of(Currency.class))
                .as(Money::new);
    }

    private static Arbitrary<String> hex64() {
        return Arbitraries.bytes().array(byte[].class).ofSize(32).map(b -> HexFormat.of().formatHex(b));
    }

    static Arbitrary<EventHeader> headers() {
        Arbitrary<Actor> actor = Combinators.combine(token(), Arbitraries.of(Role.class),
                token().map(BranchId::new).injectNull(0.4)).as((id, role, branch) -> new Actor(id, role,
                TenantId.of("placeholder"), branch));
        Arbitrary<DeviceOrigin> origin = Combinators.combine(
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(40), instants(), instants())
                .as(DeviceOrigin::new).injectNull(0.5);
        return Combinators.combine(Arbitraries.randomValue(r -> new UUID(r.nextLong(), r.nextLong())), token(), token(),
                Arbitraries.longs().between(1, Long.MAX_VALUE), instants(), actor, hex64(), origin)
                .as((id, tenant, job, version, at, a, previous, o) -> new EventHeader(id,
                        StreamId.of(TenantId.of(tenant), JobId.of(job)), version, at,
                        new Actor(a.id(), a.role(), TenantId.of(tenant), a.branch()), previous, ChainFormat.CANONICAL_V2, o));
    }

    private static Arbitrary<JobEvent> created() {
        Arbitrary<Site> site = Combinators.combine(token(), Arbitraries.doubles().between(-90, 90).ofScale(9),
                Arbitraries.doubles().between(-180, 180).ofScale(9), Arbitraries.doubles().between(0.001, 5000).ofScale(4), text())
                .as((id, lat, lng, radius, address) -> new Site(SiteId.of(id), GeoPoint.of(lat, lng), radius, address));
        Arbitrary<List<SkillRequirement>> skills = Combinators.combine(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10),
                Arbitraries.integers().between(1, 5)).as(SkillRequirement::new).list().ofMaxSize(3);
        Arbitrary<TimeWindow> window = instants().map(t -> new TimeWindow(t, t.plusSeconds(3600))).injectNull(0.4);
        Arbitrary<Coverage> coverage = Combinators.combine(Arbitraries.of(CoverageKind.class), nonBlank(),
                Arbitraries.integers().between(-100_000, 100_000).map(d -> LocalDate.ofEpochDay(d)),
                Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(8).list().ofMaxSize(3))
                .as(Coverage::new).injectNull(0.4);
        Arbitrary<Object[]> rest = Combinators.combine(Arbitraries.of(Priority.class), window,
                instants().injectNull(0.4), Arbitraries.integers().between(1, 1440), money(), coverage,
                token().map(TechnicianId::new).injectNull(0.4))
                .as((p, w, sla, minutes, quote, c, t) -> new Object[] {p, w, sla, minutes, quote, c, t});
        return Combinators.combine(headers(), token(), token(), site, text(),
                        Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(12), skills, rest)
                .as((h, branch, customer, s, issue, type, sk, r) -> new JobEvent.JobCreated(h, BranchId.of(branch),
                        CustomerId.of(customer), s, issue, type, sk, (Priority) r[0], (TimeWindow) r[1], (Instant) r[2],
                        (Integer) r[3], (Money) r[4], (Coverage) r[5], (TechnicianId) r[6]));
    }

    private static Arbitrary<JobEvent> assigned() {
        return Combinators.combine(headers(), token(), text().injectNull(0.5))
                .as((h, t, why) -> new JobEvent.JobAssigned(h, TechnicianId.of(t), why));
    }

    private static Arbitrary<JobEvent> unassigned() {
        return Combinators.combine(headers(), token(), text())
                .as((h, t, why) -> new JobEvent.JobUnassigned(h, TechnicianId.of(t), why));
    }

    private static Arbitrary<JobEvent> statusChanged() {
        return Combinators.combine(headers(), Arbitraries.of(JobStatus.class), text(), text().injectNull(0.5))
                .as(JobEvent.StatusChanged::new);
    }

    private static Arbitrary<JobEvent> proof() {
        return Combinators.combine(headers(), Arbitraries.of(ProofKind.class), text(), nonBlank(), hex64().injectNull(0.5))
                .as(JobEvent.ProofAdded::new);
    }

    private static Arbitrary<JobEvent> part() {
        return Combinators.combine(headers(), nonBlank(), Arbitraries.strings().numeric().ofMinLength(4).ofMaxLength(8)
                        .injectNull(0.4), Arbitraries.integers().between(1, Integer.MAX_VALUE), money(), Arbitraries.of(true, false))
                .as(JobEvent.PartUsed::new);
    }

    private static Arbitrary<JobEvent> expense() {
        return Combinators.combine(headers(), nonBlank(), money(), Arbitraries.of(true, false))
                .as(JobEvent.ExpenseAdded::new);
    }

    private static Arbitrary<JobEvent> payment() {
        return Combinators.combine(headers(), Arbitraries.of(PaymentMode.class), money(), text().injectNull(0.4),
                        Arbitraries.integers().between(0, 40_000).map(d -> LocalDate.ofEpochDay(d)).injectNull(0.5),
                        token().injectNull(0.7))
                .as(JobEvent.PaymentRecorded::new);
    }

    private static Arbitrary<JobEvent> invoice() {
        Arbitrary<Money> anyMoney = Combinators.combine(Arbitraries.longs(), Arbitraries.of(Currency.class)).as(Money::new);
        return Combinators.combine(headers(), nonBlank(), anyMoney, text().list().ofMaxSize(4))
                .as(JobEvent.InvoiceHandedOff::new);
    }
}
