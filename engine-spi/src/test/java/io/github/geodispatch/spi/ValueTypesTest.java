package io.github.geodispatch.spi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every validating constructor of the SPI rejects bad input with a message naming the problem. */
class ValueTypesTest {
    private static final TenantId TENANT = TenantId.of("acme");
    private static final StreamId STREAM = StreamId.of(TENANT, JobId.of("J-1"));
    private static final Actor DISPATCHER = Actor.dispatcher(TENANT, BranchId.of("b1"), "d1");
    private static final Instant T = Instant.parse("2025-06-02T04:30:00Z");

    private static EventHeader header() {
        return new EventHeader(UUID.randomUUID(), STREAM, 2, T, DISPATCHER, HashChain.GENESIS);
    }

    @Test
    void geoPointRejectsNaNInfinityAndOutOfRange() {
        assertThatThrownBy(() -> GeoPoint.of(Double.NaN, 77)).hasMessageContaining("latitude");
        assertThatThrownBy(() -> GeoPoint.of(12, Double.NaN)).hasMessageContaining("longitude");
        assertThatThrownBy(() -> GeoPoint.of(Double.POSITIVE_INFINITY, 0)).hasMessageContaining("latitude");
        assertThatThrownBy(() -> GeoPoint.of(90.0001, 0)).hasMessageContaining("latitude");
        assertThatThrownBy(() -> GeoPoint.of(-90.0001, 0)).hasMessageContaining("latitude");
        assertThatThrownBy(() -> GeoPoint.of(0, 180.0001)).hasMessageContaining("longitude");
        assertThatThrownBy(() -> GeoPoint.of(0, -180.0001)).hasMessageContaining("longitude");
        assertThatCode(() -> GeoPoint.of(-90, 180)).doesNotThrowAnyException();
    }

    @Test
    void geoPointDistanceIsHaversine() {
        // Bengaluru MG Road to Indiranagar 100 Feet Road: about 4.1 km.
        double d = GeoPoint.of(12.9756, 77.6050).distanceMetres(GeoPoint.of(12.9719, 77.6412));
        assertThat(d).isBetween(3_900.0, 4_000.0);
        assertThat(GeoPoint.of(1, 1).distanceMetres(GeoPoint.of(1, 1))).isZero();
    }

    @Test
    void moneyParsesExactlyAndRejectsMalformedAmounts() {
        assertThat(Money.parse("1499.00", Currency.INR)).isEqualTo(Money.inr(149_900));
        assertThat(Money.parse("12.5", Currency.KES)).isEqualTo(Money.kes(1_250));
        assertThat(Money.parse("-3", Currency.INR)).isEqualTo(Money.inr(-300));
        for (String bad : new String[] {"1,499.00", "1e3", "abc", "", " ", "12.345", "1499.", "NaN", "--1"}) {
            assertThatThrownBy(() -> Money.parse(bad, Currency.INR)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> Money.parse(null, Currency.INR)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.parse("12.345", Currency.INR)).hasMessageContaining("more than 2 decimals");
        assertThatThrownBy(() -> Money.parse("99999999999999999", Currency.INR))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void moneyArithmeticOverflowsLoudlyAndNeverMixesCurrencies() {
        Money max = Money.ofMinor(Long.MAX_VALUE, Currency.INR);
        assertThatThrownBy(() -> max.plus(Money.inr(1))).isInstanceOf(ArithmeticException.class)
                .hasMessage("amount overflow: 92233720368547758.07 INR + 0.01 INR leaves the range of a long");
        assertThatThrownBy(() -> Money.ofMinor(Long.MIN_VALUE, Currency.INR).minus(Money.inr(1)))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> max.times(2)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.ofMinor(Long.MIN_VALUE, Currency.INR).negate())
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.inr(1).plus(Money.kes(1))).hasMessageContaining("INR").hasMessageContaining("KES");
        assertThatThrownBy(() -> Money.inr(1).compareTo(Money.kes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Money(1, null)).hasMessageContaining("currency");
        assertThatThrownBy(() -> Money.inr(-1).requireNonNegative("quote")).hasMessageContaining("quote");
    }

    @Test
    void aSingleAmountIsNotNegativeAndAtMostTheDocumentedMaximum() {
        assertThat(Money.MAX_AMOUNT_MINOR).isEqualTo(100_000_000_000L);
        assertThat(Money.maxAmount(Currency.KES).toPlainString()).isEqualTo("1000000000.00");
        assertThat(Money.inr(Money.MAX_AMOUNT_MINOR).requireAmount("quote")).isEqualTo(Money.maxAmount(Currency.INR));
        assertThat(Money.inr(0).requireAmount("quote").isZero()).isTrue();
        assertThatThrownBy(() -> Money.inr(Money.MAX_AMOUNT_MINOR + 1).requireAmount("quote"))
                .isInstanceOfSatisfying(AmountOutOfRangeException.class, e -> {
                    assertThat(e.field()).isEqualTo("quote");
                    assertThat(e.bound()).isEqualTo(AmountOutOfRangeException.Bound.ABOVE_MAXIMUM);
                    assertThat(e.amount()).isEqualTo(Money.inr(Money.MAX_AMOUNT_MINOR + 1));
                })
                .hasMessage("quote is 1000000000.01 INR, above the maximum amount 1000000000.00 INR");
        assertThatThrownBy(() -> Money.parse("-2849.00", Currency.INR).requireAmount("statement amount"))
                .isInstanceOfSatisfying(AmountOutOfRangeException.class,
                        e -> assertThat(e.bound()).isEqualTo(AmountOutOfRangeException.Bound.NEGATIVE))
                .hasMessage("statement amount must not be negative, was -2849.00 INR");
    }

    @Test
    void aPartLineEntersWithinTheMaximumAndAStatementCreditIsNeverNegative() {
        // a part line's total may not even fit a long: it is refused as a line total, not an overflow
        assertThatThrownBy(() -> JobEvent.PartUsed.requireAmounts(Integer.MAX_VALUE, Money.maxAmount(Currency.INR)))
                .isInstanceOf(AmountOutOfRangeException.class)
                .hasMessage("part line total 2147483647 x 1000000000.00 INR is above the maximum amount 1000000000.00 INR");
        assertThatThrownBy(() -> JobEvent.PartUsed.requireAmounts(2, Money.inr(50_000_000_001L)))
                .isInstanceOf(AmountOutOfRangeException.class);
        assertThatThrownBy(() -> JobEvent.PartUsed.requireAmounts(1, Money.inr(Money.MAX_AMOUNT_MINOR + 1)))
                .isInstanceOf(AmountOutOfRangeException.class).hasMessageStartingWith("part unit price is");
        assertThatCode(() -> JobEvent.PartUsed.requireAmounts(2, Money.inr(50_000_000_000L))).doesNotThrowAnyException();
        // events record history as it happened: a stored amount beyond today's maximum still reads
        assertThatCode(() -> new JobEvent.PaymentRecorded(header(), PaymentMode.UPI,
                Money.parse("9999999999999999.00", Currency.INR), "412345678901", null, null)).doesNotThrowAnyException();
        for (String credit : List.of("-2849.00", "-0.01")) {
            assertThatThrownBy(() -> new StatementCredit("UPI", "412345678901", T, Money.parse(credit, Currency.INR),
                    null, null)).as(credit).isInstanceOf(AmountOutOfRangeException.class)
                    .hasMessageContaining("statement amount must not be negative");
        }
        assertThatThrownBy(() -> new StatementCredit("UPI", "412345678901", T, Money.inr(Money.MAX_AMOUNT_MINOR + 1),
                null, null)).isInstanceOf(AmountOutOfRangeException.class);
    }

    @Test
    void moneyPercentRoundsHalfUpToTheMinorUnit() {
        assertThat(Money.inr(149_900).percentOf(1800)).isEqualTo(Money.inr(26_982));
        assertThat(Money.inr(5).percentOf(5000)).isEqualTo(Money.inr(3));
        assertThat(Money.inr(149_900).toPlainString()).isEqualTo("1499.00");
    }

    @Test
    void currencyParseNamesTheBadCode() {
        assertThat(Currency.parse(" kes ")).isEqualTo(Currency.KES);
        assertThatThrownBy(() -> Currency.parse("XYZ")).hasMessageContaining("XYZ");
        assertThatThrownBy(() -> Currency.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-starts-with-dash", "has space", "tab\t", "é", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void idsRejectMalformedTokens(String bad) {
        List<Function<String, Object>> ids = List.of(TenantId::of, BranchId::of, JobId::of, TechnicianId::of,
                CustomerId::of, SiteId::of);
        for (Function<String, Object> id : ids) {
            assertThatThrownBy(() -> id.apply(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must be 1-64 chars");
        }
        assertThatThrownBy(() -> new Actor(bad, Role.OWNER, TENANT, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void idsRejectNullAndAcceptTypicalTokens() {
        assertThatThrownBy(() -> JobId.of(null)).hasMessageContaining("job id must not be null");
        assertThatThrownBy(() -> TenantId.of(null)).hasMessageContaining("tenant id");
        assertThat(JobId.of("JOB-2025/06:0001@blr").value()).isEqualTo("JOB-2025/06:0001@blr");
        assertThat(JobId.of("a".repeat(64)).value()).hasSize(64);
        assertThat(TenantId.of("0a.b_c:d/e@f-Z9").value()).isEqualTo("0a.b_c:d/e@f-Z9");
        for (String bad : List.of("a!b", "a b", "a+b", "_ab", ".ab", "a\u0000", "a\u00e9")) {
            assertThatThrownBy(() -> TenantId.of(bad)).as(bad).hasMessageContaining("must be 1-64 chars");
        }
    }

    @Test
    void aHeaderNeedsAPreviousHashOf64LowerCaseHexDigits() {
        Actor actor = Actor.system(TENANT);
        UUID id = UUID.randomUUID();
        Instant at = Instant.EPOCH;
        assertThat(new EventHeader(id, STREAM, 1, at, actor, "0123456789abcdef".repeat(4)).previousHash())
                .isEqualTo("0123456789abcdef".repeat(4));
        for (String bad : Arrays.asList(null, "", "a".repeat(63), "a".repeat(65), "A".repeat(64),
                "g".repeat(64), "a".repeat(63) + " ")) {
            assertThatThrownBy(() -> new EventHeader(id, STREAM, 1, at, actor, bad)).as(String.valueOf(bad))
                    .hasMessageContaining("previousHash must be 64 lower-case hex chars");
        }
    }

    @Test
    void actorNeedsRoleAndTenantAndCoversOnlyItsBranch() {
        assertThatThrownBy(() -> new Actor("x", null, TENANT, null)).hasMessageContaining("role");
        assertThatThrownBy(() -> new Actor("x", Role.OWNER, null, null)).hasMessageContaining("tenant");
        assertThat(DISPATCHER.covers(BranchId.of("b1"))).isTrue();
        assertThat(DISPATCHER.covers(BranchId.of("b2"))).isFalse();
        assertThat(Actor.owner(TENANT, "o").covers(BranchId.of("b2"))).isTrue();
    }

    @Test
    void timeWindowSiteSkillCoverageAndTravelValidate() {
        assertThatThrownBy(() -> new TimeWindow(T.plusSeconds(1), T)).hasMessageContaining("starts after it ends");
        assertThatThrownBy(() -> new TimeWindow(null, T)).hasMessageContaining("from");
        GeoPoint p = GeoPoint.of(12.97, 77.64);
        assertThatThrownBy(() -> new Site(SiteId.of("s"), p, 0, "")).hasMessageContaining("radius");
        assertThatThrownBy(() -> new Site(SiteId.of("s"), p, Double.NaN, "")).hasMessageContaining("radius");
        assertThatThrownBy(() -> new Site(SiteId.of("s"), p, 5_001, "")).hasMessageContaining("radius");
        assertThatThrownBy(() -> new Site(SiteId.of("s"), null, 50, "")).hasMessageContaining("location");
        assertThatThrownBy(() -> SkillRequirement.of("AC Split", 2)).hasMessageContaining("skill code");
        assertThatThrownBy(() -> SkillRequirement.of("ac.split", 0)).hasMessageContaining("1-5");
        assertThatThrownBy(() -> SkillRequirement.of("ac.split", 6)).hasMessageContaining("1-5");
        assertThatThrownBy(() -> new Coverage(CoverageKind.AMC, " ", LocalDate.MAX, null)).hasMessageContaining("reference");
        Coverage amc = new Coverage(CoverageKind.AMC, "AMC-1", LocalDate.of(2026, 3, 31), List.of("AC_SERVICE"));
        assertThat(amc.covers("AC_SERVICE", LocalDate.of(2026, 3, 31))).isTrue();
        assertThat(amc.covers("AC_SERVICE", LocalDate.of(2026, 4, 1))).isFalse();
        assertThat(amc.covers("RO_SERVICE", LocalDate.of(2025, 4, 1))).isFalse();
        assertThatThrownBy(() -> new TravelEstimate(Duration.ofSeconds(-1), 0)).hasMessageContaining("negative");
        assertThatThrownBy(() -> new TravelEstimate(Duration.ZERO, Double.NaN)).hasMessageContaining("distance");
        assertThatThrownBy(() -> new StatementCredit("upi", " ", T, Money.inr(1), null, null)).hasMessageContaining("reference");
        assertThatThrownBy(() -> new StoredEvent(0, null)).hasMessageContaining("position");
    }

    @Test
    void eventHeaderRejectsBadVersionHashAndCrossTenantActors() {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> new EventHeader(id, STREAM, 0, T, DISPATCHER, HashChain.GENESIS))
                .hasMessageContaining("version must be >= 1");
        assertThatThrownBy(() -> new EventHeader(id, STREAM, 1, T, DISPATCHER, "abc"))
                .hasMessageContaining("previousHash");
        assertThatThrownBy(() -> new EventHeader(id, STREAM, 1, T, DISPATCHER, HashChain.GENESIS.toUpperCase().replace('0', 'A')))
                .hasMessageContaining("previousHash");
        Actor foreign = Actor.owner(TenantId.of("other"), "o");
        assertThatThrownBy(() -> new EventHeader(id, STREAM, 1, T, foreign, HashChain.GENESIS))
                .hasMessageContaining("cannot write stream");
        assertThatThrownBy(() -> new EventHeader(null, STREAM, 1, T, DISPATCHER, HashChain.GENESIS))
                .hasMessageContaining("event id");
        assertThatThrownBy(() -> new EventHeader(id, STREAM, 1, null, DISPATCHER, HashChain.GENESIS))
                .hasMessageContaining("occurredAt");
    }

    @Test
    void jobEventsRejectBadContent() {
        Site site = new Site(SiteId.of("s"), GeoPoint.of(12.97, 77.64), 50, "");
        assertThatThrownBy(() -> new JobEvent.JobCreated(header(), BranchId.of("b1"), CustomerId.of("c"), site, "",
                "ac service", List.of(), Priority.NORMAL, null, null, 60, Money.inr(0), null, null))
                .hasMessageContaining("UPPER_SNAKE_CASE");
        assertThatThrownBy(() -> new JobEvent.JobCreated(header(), BranchId.of("b1"), CustomerId.of("c"), site, "",
                "AC_SERVICE", List.of(), Priority.NORMAL, null, null, 0, Money.inr(0), null, null))
                .hasMessageContaining("estimated minutes");
        assertThatThrownBy(() -> new JobEvent.JobCreated(header(), BranchId.of("b1"), CustomerId.of("c"), site, "",
                "AC_SERVICE", List.of(), Priority.NORMAL, null, null, 60, Money.inr(-1), null, null))
                .hasMessageContaining("quote must not be negative");
        assertThatThrownBy(() -> new JobEvent.JobAssigned(header(), null, null)).hasMessageContaining("technician");
        assertThatThrownBy(() -> new JobEvent.StatusChanged(header(), null, "", null)).hasMessageContaining("status");
        assertThatThrownBy(() -> new JobEvent.ProofAdded(header(), ProofKind.PHOTO, "before", "p.jpg", "ABC"))
                .hasMessageContaining("sha256");
        assertThatThrownBy(() -> new JobEvent.ProofAdded(header(), ProofKind.OTP, "", " ", null))
                .hasMessageContaining("reference");
        assertThatThrownBy(() -> new JobEvent.PartUsed(header(), "CAP", "12", 1, Money.inr(1), true))
                .hasMessageContaining("HSN");
        assertThatThrownBy(() -> new JobEvent.PartUsed(header(), "CAP", null, 0, Money.inr(1), true))
                .hasMessageContaining("quantity");
        assertThatThrownBy(() -> new JobEvent.PartUsed(header(), " ", null, 1, Money.inr(1), true))
                .hasMessageContaining("sku");
        assertThatThrownBy(() -> new JobEvent.PartUsed(header(), "CAP", null, 1, Money.inr(-1), true))
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> new JobEvent.ExpenseAdded(header(), "parking", Money.inr(-1), false))
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> new JobEvent.ExpenseAdded(header(), "", Money.inr(1), false))
                .hasMessageContaining("kind");
        // history keeps a malformed reference as it happened; the command path refuses it with this problem
        assertThat(PaymentMode.UPI.referenceProblem("12345")).hasValueSatisfying(p -> assertThat(p).contains("12-digit"));
        assertThat(PaymentMode.UPI.referenceProblem("412345678901")).isEmpty();
        assertThat(PaymentMode.MPESA.referenceProblem("abc")).hasValueSatisfying(p -> assertThat(p).contains("TransID"));
        assertThat(PaymentMode.MPESA.referenceProblem("NLJ7RT61SV")).isEmpty();
        assertThat(ProofKind.PHOTO.needsContentHash()).isTrue();
        assertThat(ProofKind.OTP.needsContentHash()).isFalse();
        assertThatThrownBy(() -> new JobEvent.PaymentRecorded(header(), PaymentMode.CASH, Money.inr(-1), null, null, null))
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> new JobEvent.InvoiceHandedOff(header(), " ", Money.inr(1), null))
                .hasMessageContaining("invoice number");
    }

    /**
     * A contract's term is at most a hundred years and its dates in years 0001-9999: a contract from 0001 to 9999
     * at 365 visits a year ran the contracts report out of memory (its visit schedule holds every visit).
     */
    @Test
    void aContractTermIsAtMostAHundredYearsInYears0001To9999() {
        ContractPlan daily = new ContractPlan(365, 0, 14, "AC_PM", 0, List.of(), PartsCover.NONE, 0, true, 24);
        Function<LocalDate[], ContractTerms> terms = d -> new ContractTerms(ContractId.of("AMC-099"), ContractKind.AMC,
                List.of(SiteId.of("S-1")), List.of(), daily, Money.inr(299_900), 1, d[0], d[1], null);
        LocalDate start = LocalDate.of(2025, 7, 1);

        assertThat(terms.apply(new LocalDate[] {start, LocalDate.of(2125, 6, 30)}).end()).isEqualTo("2125-06-30");
        assertThat(terms.apply(new LocalDate[] {LocalDate.of(9900, 1, 1), LocalDate.of(9999, 12, 31)}).start())
                .isEqualTo("9900-01-01");
        assertThatThrownBy(() -> terms.apply(new LocalDate[] {start, LocalDate.of(2125, 7, 1)}))
                .isInstanceOfSatisfying(ContractTermException.class, e -> assertThat(e.field()).isEqualTo("end"))
                .hasMessage("end 2125-07-01 is 100 years or more after start 2025-07-01: a contract's term is at most"
                        + " 100 years (contract AMC-099 could end 2125-06-30 at the latest)");
        assertThatThrownBy(() -> terms.apply(new LocalDate[] {LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31)}))
                .isInstanceOf(ContractTermException.class).hasMessageStartingWith("end 9999-12-31 is 100 years or more");
        assertThatThrownBy(() -> terms.apply(new LocalDate[] {start, LocalDate.MAX}))
                .isInstanceOfSatisfying(ContractTermException.class, e -> assertThat(e.field()).isEqualTo("end"))
                .hasMessage("end +999999999-12-31 is outside the years 0001-9999 (contract AMC-099)");
        assertThatThrownBy(() -> terms.apply(new LocalDate[] {LocalDate.of(0, 12, 31), start}))
                .isInstanceOfSatisfying(ContractTermException.class, e -> assertThat(e.field()).isEqualTo("start"));
    }
}
