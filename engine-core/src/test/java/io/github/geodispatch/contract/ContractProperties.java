package io.github.geodispatch.contract;

import io.github.geodispatch.customer.ContractRecord;
import io.github.geodispatch.customer.CustomerCommand;
import io.github.geodispatch.customer.CustomerRecord;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.ContractId;
import io.github.geodispatch.spi.ContractKind;
import io.github.geodispatch.spi.ContractPlan;
import io.github.geodispatch.spi.ContractTerms;
import io.github.geodispatch.spi.Coverage;
import io.github.geodispatch.spi.CoverageKind;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.CustomerProfile;
import io.github.geodispatch.spi.CustomerSite;
import io.github.geodispatch.spi.EventHeader;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.HashChain;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PartsCover;
import io.github.geodispatch.spi.Priority;
import io.github.geodispatch.spi.Site;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.StreamId;
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
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Entitlements, coverage and scheduled visits against brute-force oracles written from the documented rules
 * (not from the projection's code).
 */
class ContractProperties {
    static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    static final TenantId TENANT = TenantId.of("props");
    static final LocalDate DAY0 = LocalDate.of(2026, 1, 1);
    static final List<String> TYPES = List.of("AC_PM", "AC_REPAIR", "RO_SERVICE");
    static final CustomerId CUSTOMER = CustomerId.of("C-1");
    static final List<SiteId> SITES = List.of(SiteId.of("S-1"), SiteId.of("S-2"));

    /** A contract as generated: its terms and its history (activated, cancelled on a day offset or never). */
    record Drawn(ContractTerms terms, boolean activated, Integer cancelDay) {}

    /** A job as generated: type, the contract its coverage names (or null), created and completed day offsets. */
    record DrawnJob(String type, int contract, int createdDay, Integer completedDay) {}

    @Provide
    Arbitrary<List<Drawn>> contracts() {
        Arbitrary<Drawn> one = Combinators.combine(Arbitraries.integers().between(0, 200),
                Arbitraries.integers().between(30, 420), Arbitraries.integers().between(0, 6),
                Arbitraries.integers().between(0, 120), Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(-1, 500)).as((start, length, perYear, interval, calls, types, sites, cancel) -> {
            ContractPlan plan = new ContractPlan(perYear, perYear > 0 || interval < 7 ? 0 : interval, 1 + calls * 3,
                    "AC_PM", calls, types == 0 ? List.of() : types == 1 ? List.of("AC_PM") : List.of("AC_PM", "AC_REPAIR"),
                    PartsCover.NONE, 0, types != 3, 0);
            List<SiteId> covered = sites == 0 ? List.of(SITES.get(0)) : sites == 1 ? List.of(SITES.get(1)) : SITES;
            return new Drawn(new ContractTerms(ContractId.of("K-" + start + "-" + length + "-" + perYear + "-" + cancel),
                    ContractKind.AMC, covered, List.of(), plan, Money.inr(100_000L * (1 + calls)), 1, DAY0.plusDays(start),
                    DAY0.plusDays(start + length - 1), null), cancel != 0, cancel < 0 ? null : cancel);
        });
        return one.list().ofMinSize(1).ofMaxSize(4).uniqueElements(d -> d.terms().id());
    }

    @Provide
    Arbitrary<List<DrawnJob>> jobs() {
        Arbitrary<DrawnJob> one = Combinators.combine(Arbitraries.of(TYPES), Arbitraries.integers().between(-1, 3),
                Arbitraries.integers().between(0, 600), Arbitraries.integers().between(-1, 30))
                .as((type, contract, created, late) -> new DrawnJob(type, contract, created, late < 0 ? null : created + late));
        return one.list().ofMaxSize(30);
    }

    /** The portfolio after the drawn history: customer events through a customer record, job events as built. */
    static ContractPortfolio portfolio(List<Drawn> contracts, List<DrawnJob> jobs) {
        Instant[] now = {DAY0.minusDays(30).atStartOfDay(ZONE).toInstant()};
        CustomerRecord record = CustomerRecord.builder().clock(() -> now[0]).build();
        ContractPortfolio portfolio = ContractPortfolio.create(ZONE, Currency.INR);
        record.subscribe(events -> events.forEach(e -> portfolio.accept(e.event())));
        Actor owner = Actor.owner(TENANT, "owner");
        record.execute(owner, new CustomerCommand.RegisterCustomer(CUSTOMER, BranchId.of("B"),
                new CustomerProfile("C", List.of(), null, "en", null, null, null))).orThrow();
        for (SiteId site : SITES) {
            record.execute(owner, new CustomerCommand.AddSite(CUSTOMER, new CustomerSite(site, GeoPoint.of(1, 1), "", "")))
                    .orThrow();
        }
        for (Drawn d : contracts) {
            record.execute(owner, new CustomerCommand.DraftContract(CUSTOMER, d.terms())).orThrow();
            if (d.activated()) {
                record.execute(owner, new CustomerCommand.ActivateContract(CUSTOMER, d.terms().id())).orThrow();
            }
        }
        for (Drawn d : contracts) {
            if (d.cancelDay() != null) {
                now[0] = DAY0.plusDays(d.cancelDay()).atTime(12, 0).atZone(ZONE).toInstant();
                record.execute(owner, new CustomerCommand.CancelContract(CUSTOMER, d.terms().id(), "drawn")).orThrow();
            }
        }
        feed(portfolio, contracts, jobs, 0, jobs.size());
        return portfolio;
    }

    /** Feeds the events of drawn jobs {@code from} (inclusive) to {@code to} (exclusive). */
    static void feed(ContractPortfolio portfolio, List<Drawn> contracts, List<DrawnJob> jobs, int from, int to) {
        for (int i = from; i < to; i++) {
            DrawnJob j = jobs.get(i);
            Coverage coverage = j.contract() < 0 || j.contract() >= contracts.size() ? null
                    : new Coverage(CoverageKind.AMC, contracts.get(j.contract()).terms().id().value(), LocalDate.of(2030, 1, 1),
                    List.of());
            for (JobEvent e : jobEvents("J-" + i, j, coverage)) {
                portfolio.accept(e);
            }
        }
    }

    static List<JobEvent> jobEvents(String id, DrawnJob j, Coverage coverage) {
        StreamId stream = StreamId.of(TENANT, JobId.of(id));
        Actor actor = Actor.system(TENANT);
        Instant created = DAY0.plusDays(j.createdDay()).atTime(10, 0).atZone(ZONE).toInstant();
        JobEvent.JobCreated c = new JobEvent.JobCreated(new EventHeader(UUID.randomUUID(), stream, 1, created, actor,
                HashChain.GENESIS), BranchId.of("B"), CUSTOMER, new Site(SITES.get(0), GeoPoint.of(1, 1), 50, ""), "",
                j.type(), List.of(), Priority.NORMAL, new TimeWindow(created, created), null, 60, Money.inr(10_000), coverage, null);
        if (j.completedDay() == null) {
            return List.of(c);
        }
        Instant done = DAY0.plusDays(j.completedDay()).atTime(16, 0).atZone(ZONE).toInstant();
        return List.of(c, new JobEvent.StatusChanged(new EventHeader(UUID.randomUUID(), stream, 2, done, actor,
                HashChain.hash(c)), JobStatus.COMPLETED, "", null));
    }

    /** Visits per unit by the documented rule, counted without building the schedule. */
    static int visitsPerUnit(ContractTerms t) {
        long days = ChronoUnit.DAYS.between(t.start(), t.end()) + 1;
        if (t.plan().visitsPerYear() > 0) {
            return (int) Math.max(1, Math.round(t.plan().visitsPerYear() * days / 365.0));
        }
        return t.plan().intervalDays() > 0 ? (int) ((days - 1) / t.plan().intervalDays() + 1) : 0;
    }

    static boolean covers(ContractPlan plan, String type) {
        return plan.jobTypes().isEmpty() || plan.jobTypes().contains(type);
    }

    @Property(tries = 150)
    void entitlementsEqualABruteForceCount(@ForAll("contracts") List<Drawn> contracts, @ForAll("jobs") List<DrawnJob> jobs,
                                            @ForAll("asOfDays") int asOfDay) {
        ContractPortfolio portfolio = portfolio(contracts, jobs);
        LocalDate asOf = DAY0.plusDays(asOfDay);

        for (int k = 0; k < contracts.size(); k++) {
            Drawn d = contracts.get(k);
            ContractTerms t = d.terms();
            Optional<Entitlement> e = portfolio.entitlement(t.id(), asOf);
            if (!d.activated()) {
                assertThat(e).isEmpty();
                continue;
            }
            int used = used(contracts, jobs, k, asOf, TYPES);
            int visitsDone = used(contracts, jobs, k, asOf, List.of("AC_PM"));
            int scheduled = t.sites().size() * visitsPerUnit(t);
            Entitlement got = e.orElseThrow();
            assertThat(got.entitled()).isEqualTo(scheduled + t.plan().breakdownCalls());
            assertThat(got.used()).isEqualTo(used);
            assertThat(got.remaining()).isEqualTo(got.entitled() - used);
            assertThat(got.visitsScheduled()).isEqualTo(scheduled);
            assertThat(got.visitsDone()).isEqualTo(Math.min(scheduled, visitsDone));
            assertThat(got.visitsDone() + got.visitsDue() + got.visitsOverdue()).isLessThanOrEqualTo(scheduled);
        }
    }

    /**
     * The calls used by a day, asked while the jobs arrive (so that the book keeps its rank order up to date as calls
     * complete), against the same brute-force count: on the drawn day, and on each completion's day and the day before.
     */
    @Property(tries = 150)
    void callsUsedEqualABruteForceCountAsJobsArrive(@ForAll("contracts") List<Drawn> contracts,
                                                    @ForAll("jobs") List<DrawnJob> jobs, @ForAll("asOfDays") int asOfDay) {
        ContractPortfolio portfolio = portfolio(contracts, List.of());
        int half = jobs.size() / 2;
        feed(portfolio, contracts, jobs, 0, half);
        assertCallsUsed(portfolio, contracts, jobs.subList(0, half), DAY0.plusDays(asOfDay));
        feed(portfolio, contracts, jobs, half, jobs.size());
        assertCallsUsed(portfolio, contracts, jobs, DAY0.plusDays(asOfDay));
    }

    private static void assertCallsUsed(ContractPortfolio portfolio, List<Drawn> contracts, List<DrawnJob> jobs, LocalDate drawn) {
        Set<LocalDate> days = new HashSet<>(List.of(drawn, LocalDate.MAX));
        for (DrawnJob j : jobs) {
            if (j.completedDay() != null) {
                days.add(DAY0.plusDays(j.completedDay()));
                days.add(DAY0.plusDays(j.completedDay() - 1));
            }
        }
        for (int k = 0; k < contracts.size(); k++) {
            for (LocalDate day : days) {
                OptionalInt used = portfolio.callsUsed(contracts.get(k).terms().id(), day);
                if (contracts.get(k).activated()) {
                    assertThat(used).as("contract %d on %s", k, day).hasValue(used(contracts, jobs, k, day, TYPES));
                } else {
                    assertThat(used).isEmpty();
                }
            }
        }
    }

    /** The drawn jobs of contract {@code k} of one of {@code types} that it covers, completed in its term by {@code asOf}. */
    private static int used(List<Drawn> contracts, List<DrawnJob> jobs, int k, LocalDate asOf, List<String> types) {
        ContractTerms t = contracts.get(k).terms();
        int used = 0;
        for (DrawnJob j : jobs) {
            if (j.contract() != k || j.completedDay() == null || !types.contains(j.type())) {
                continue;
            }
            LocalDate day = DAY0.plusDays(j.completedDay());
            if (covers(t.plan(), j.type()) && !day.isBefore(t.start()) && !day.isAfter(t.end()) && !day.isAfter(asOf)) {
                used++;
            }
        }
        return used;
    }

    @Provide
    Arbitrary<Integer> asOfDays() {
        return Arbitraries.integers().between(0, 640);
    }

    @Property(tries = 150)
    void coverageAtADateMatchesTheContractThatWasActive(@ForAll("contracts") List<Drawn> contracts,
                                                       @ForAll("asOfDays") int day, @ForAll("types") String type,
                                                       @ForAll("sites") SiteId site) {
        ContractPortfolio portfolio = portfolio(contracts, List.of());
        LocalDate date = DAY0.plusDays(day);

        Drawn expected = null;
        for (Drawn d : contracts) {
            ContractTerms t = d.terms();
            boolean active = d.activated() && !date.isBefore(t.start()) && !date.isAfter(t.end())
                    && (d.cancelDay() == null || date.isBefore(DAY0.plusDays(d.cancelDay())));
            if (active && t.sites().contains(site) && covers(t.plan(), type)
                    && (expected == null || !t.start().isBefore(expected.terms().start()))) {
                expected = d;
            }
        }
        Optional<ContractRecord> covering = portfolio.covering(CUSTOMER, site, type, date);
        Optional<Coverage> coverage = portfolio.coverage(CUSTOMER, site, null, type, date);
        if (expected == null) {
            assertThat(covering).isEmpty();
            assertThat(coverage).isEmpty();
        } else {
            assertThat(covering.map(ContractRecord::id)).contains(expected.terms().id());
            if (expected.terms().plan().labourCovered()) {
                Coverage c = coverage.orElseThrow();
                assertThat(c.reference()).isEqualTo(expected.terms().id().value());
                assertThat(c.covers(type, date)).as("the copied coverage covers the job on its day").isTrue();
            } else {
                assertThat(coverage).as("a contract that does not cover labour gives no coverage").isEmpty();
            }
        }
    }

    @Provide
    Arbitrary<String> types() {
        return Arbitraries.of(TYPES);
    }

    @Provide
    Arbitrary<SiteId> sites() {
        return Arbitraries.of(SITES);
    }

    @Property(tries = 25)
    void scheduledVisitsAreNeverDuplicatedAndCoverEveryDueDate(@ForAll("gaps") List<Integer> gaps,
                                                               @ForAll("perYear") int perYear) {
        LocalDate start = LocalDate.of(2026, 1, 1);
        LocalDate end = LocalDate.of(2026, 12, 31);
        AmcBusiness b = new AmcBusiness().customer("C1", "S-1", "S-2")
                .contract("C1", "AMC-1", AmcBusiness.plan(perYear, 0), start, end, "S-1", "S-2");
        Set<JobId> created = new HashSet<>();
        LocalDate day = start;
        LocalDate through = start;
        for (int gap : gaps) {
            day = day.plusDays(gap);
            if (day.isAfter(end)) {
                break;
            }
            b.on(day);
            through = day.plusDays(20).isAfter(end) ? end : day.plusDays(20);
            for (JobId job : b.gd.contracts().scheduleVisits(b.owner, through)) {
                assertThat(created.add(job)).as("visit %s scheduled twice", job).isTrue();
                TimeWindow window = b.gd.jobs().job(b.owner, job).orElseThrow().window();
                assertThat(LocalDate.ofInstant(window.from(), AmcBusiness.ZONE)).as("window of %s", job).isAfterOrEqualTo(day);
            }
        }
        List<DueVisit> schedule = b.gd.contracts().portfolio().visits(ContractId.of("AMC-1"));
        Set<JobId> due = new HashSet<>();
        for (DueVisit v : schedule) {
            if (!v.dueOn().isAfter(through)) {
                due.add(v.job());
            }
        }
        assertThat(created).isEqualTo(due);
        assertThat(b.gd.contracts().scheduleVisits(b.owner, through)).as("a second run creates nothing").isEmpty();
    }

    @Provide
    Arbitrary<List<Integer>> gaps() {
        return Arbitraries.integers().between(1, 120).list().ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<Integer> perYear() {
        return Arbitraries.integers().between(1, 12);
    }
}
