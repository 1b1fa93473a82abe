package io.github.geodispatch.leakage;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer's sites and contracts recorded before, among or after the jobs they cover: a customer event judges again
 * only the jobs it can move (a new site: the jobs it may now place; a contract activated or cancelled: the jobs at
 * its sites; drafts, renewals' links and invoices: none), and each job's site is kept as placed until a new site may move it. Whatever
 * order the customer's lines come in among the jobs', the audit finds what it finds when every customer line comes
 * before the same job lines (an order in which no customer event judges a job again). Job lines before the first
 * customer line are judged by the contract rules too: the audit turns them on at that line, and they learn the jobs
 * fed before it.
 */
class CustomerChangeProperties {
    static final OffsetDateTime T0 = OffsetDateTime.parse("2026-03-02T09:00:00+05:30");
    /**
     * Three points about 100 m apart: sites and jobs sit on them or 30 m off them, so a job of 80 m reaches one site or
     * two (of 20 m, at most one; of 150 m, two or three).
     */
    static final double[] POINTS = {12.9, 12.9009, 12.9018};

    record Place(int point, boolean offset) {
        double lat() {
            return POINTS[point] + (offset ? 0.00027 : 0);
        }
    }

    /** A contract: its sites (indices, distinct), whether it covers repairs too, its term, and its later fate. */
    record Contract(Set<Integer> sites, boolean repairsToo, int startDay, int endDay, boolean activated,
                    int cancelledOnDay, boolean renewsPrevious) {}

    /**
     * A job: where, its type, the day it completes, how it was paid (0: AMC claimed, 1: labour invoiced, 2: nothing),
     * and its site's radius (one site or two within it, or none).
     */
    record Job(Place place, boolean repair, int completesOnDay, int paid, double radiusMetres) {}

    record Customer(List<Place> sites, List<Contract> contracts, List<Job> jobs) {}

    @Provide
    Arbitrary<Customer> customers() {
        Arbitrary<Place> place = Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.of(true, false))
                .as(Place::new);
        Arbitrary<Contract> contract = Combinators.combine(
                Arbitraries.integers().between(0, 3).set().ofMinSize(1).ofMaxSize(3).map(TreeSet::new),
                Arbitraries.of(true, false), Arbitraries.integers().between(-20, 5), Arbitraries.integers().between(3, 30),
                Arbitraries.of(true, true, false), Arbitraries.integers().between(-1, 20), Arbitraries.of(true, false))
                .as(Contract::new);
        Arbitrary<Job> job = Combinators.combine(place, Arbitraries.of(true, false), Arbitraries.integers().between(0, 25),
                Arbitraries.integers().between(0, 2), Arbitraries.of(20.0, 80.0, 80.0, 150.0)).as(Job::new);
        return Combinators.combine(place.list().ofMinSize(4).ofMaxSize(4), contract.list().ofMinSize(1).ofMaxSize(4),
                job.list().ofMinSize(1).ofMaxSize(6)).as(Customer::new);
    }

    @Property(tries = 200)
    void anyOrderOfTheCustomersLinesGivesTheFindingsOfTheCustomerFirst(@ForAll("customers") Customer customer,
                                                                        @ForAll long seed) throws IOException {
        List<String> customerLines = customerLines(customer);
        List<List<String>> jobStreams = new ArrayList<>();
        for (int i = 0; i < customer.jobs().size(); i++) {
            jobStreams.add(jobLines(i, customer.jobs().get(i)));
        }
        Random random = new Random(seed);
        List<ArrayDeque<String>> open = new ArrayList<>();
        open.add(new ArrayDeque<>(customerLines));
        jobStreams.forEach(s -> open.add(new ArrayDeque<>(s)));
        List<String> interleaved = new ArrayList<>();
        while (!open.isEmpty()) {
            int k = random.nextInt(open.size());
            interleaved.add(open.get(k).poll());
            if (open.get(k).isEmpty()) {
                open.remove(k);
            }
        }
        // the same job lines in the same order, after every customer line
        List<String> customerFirst = new ArrayList<>(customerLines);
        interleaved.stream().filter(line -> !customerLines.contains(line)).forEach(customerFirst::add);
        assertThat(audit(interleaved)).containsExactlyElementsOf(audit(customerFirst));
    }

    /**
     * A job charged for labour at a covered site is judged by the entitlement the contract's calls have used by its
     * day: calls on the contract completing that day, recorded after it, judge it again.
     */
    @Example
    void callsOnTheContractRecordedLaterJudgeAChargedJobAtItsSiteAgain() throws IOException {
        Place site = new Place(0, false);
        Customer customer = new Customer(List.of(site), List.of(new Contract(Set.of(0), true, -5, 30, true, -1, false)),
                List.of(new Job(site, true, 0, 0, 80.0), new Job(site, true, 0, 0, 80.0), new Job(site, true, 0, 1, 80.0)));
        List<String> calls = concat(jobLines(0, customer.jobs().get(0)), jobLines(1, customer.jobs().get(1)));
        List<String> charged = jobLines(2, customer.jobs().get(2));

        List<String> callsFirst = concat(customerLines(customer), calls, charged);
        List<String> chargedFirst = concat(customerLines(customer), charged, calls);
        List<Finding> found = audit(callsFirst);
        assertThat(found).noneMatch(f -> f.code() == LeakageCode.COVERED_JOB_CHARGED); // two calls use up the two entitled
        assertThat(audit(chargedFirst)).containsExactlyElementsOf(found);
    }

    /**
     * Calls recorded before the customer's first line are learnt, completions included, when the contract rules are
     * turned on: a call completing before them, recorded after, moves their ranks (the last goes beyond the two calls
     * the contract pays for: EXTRA_VISIT_NOT_BILLED).
     */
    @Example
    void callsRecordedBeforeTheCustomerAreRankedWithTheCallsAfter() throws IOException {
        Place site = new Place(0, false);
        Customer customer = new Customer(List.of(site), List.of(new Contract(Set.of(0), true, -5, 30, true, -1, false)),
                List.of(new Job(site, true, 1, 0, 80.0), new Job(site, true, 2, 0, 80.0), new Job(site, true, 0, 0, 80.0)));
        List<String> early = concat(jobLines(0, customer.jobs().get(0)), jobLines(1, customer.jobs().get(1)));
        List<String> earliestCall = jobLines(2, customer.jobs().get(2));

        List<String> customerFirst = concat(customerLines(customer), early, earliestCall);
        List<String> callsFirst = concat(early, customerLines(customer), earliestCall);
        List<Finding> found = audit(customerFirst);
        assertThat(found).filteredOn(f -> f.code() == LeakageCode.EXTRA_VISIT_NOT_BILLED)
                .extracting(f -> f.job().value()).containsExactly("J-101");
        assertThat(audit(callsFirst)).containsExactlyElementsOf(found);
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    private static List<String> customerLines(Customer c) {
        List<String> lines = new ArrayList<>();
        lines.add("{\"type\":\"customer.registered\",\"customer\":\"C-S\",\"at\":\"2026-01-05T09:00:00+05:30\","
                + "\"branch\":\"BLR\",\"name\":\"Lakeview Society\",\"phones\":[\"+919900112233\"],\"language\":\"en\"}");
        for (int s = 0; s < c.sites().size(); s++) {
            lines.add("{\"type\":\"customer.site\",\"customer\":\"C-S\",\"at\":\"" + T0.minusDays(30).plusMinutes(s)
                    + "\",\"site_id\":\"S-" + s + "\",\"location\":{\"lat\":" + c.sites().get(s).lat() + ",\"lng\":77.6}}");
        }
        for (int k = 0; k < c.contracts().size(); k++) {
            Contract contract = c.contracts().get(k);
            String id = "AMC-" + k;
            List<String> sites = contract.sites().stream().map(s -> "\"S-" + s + "\"").toList();
            lines.add("{\"type\":\"contract.drafted\",\"customer\":\"C-S\",\"at\":\"" + T0.minusDays(25).plusMinutes(k)
                    + "\",\"contract\":\"" + id + "\",\"contract_kind\":\"AMC\",\"sites\":" + sites + ",\"visits_per_year\":1,"
                    + "\"visit_job_type\":\"AC_PM\",\"breakdown_calls\":1,\"job_types\":"
                    + (contract.repairsToo() ? "[\"AC_PM\",\"AC_REPAIR\"]" : "[\"AC_PM\"]") + ",\"labour_covered\":true,"
                    + "\"price\":{\"amount\":\"4999.00\",\"currency\":\"INR\"},\"start\":\"" + day(contract.startDay())
                    + "\",\"end\":\"" + day(contract.startDay() + contract.endDay()) + "\""
                    + (contract.renewsPrevious() && k > 0 ? ",\"renews\":\"AMC-" + (k - 1) + "\"" : "") + "}");
            if (contract.activated()) {
                lines.add("{\"type\":\"contract.activated\",\"customer\":\"C-S\",\"at\":\""
                        + T0.minusDays(24).plusMinutes(k) + "\",\"contract\":\"" + id + "\"}");
                if (contract.cancelledOnDay() >= 0) {
                    lines.add("{\"type\":\"contract.cancelled\",\"customer\":\"C-S\",\"at\":\""
                            + T0.plusDays(contract.cancelledOnDay()) + "\",\"contract\":\"" + id + "\",\"reason\":\"moved\"}");
                }
            }
        }
        return lines;
    }

    private static String day(int offset) {
        return T0.toLocalDate().plusDays(offset).toString();
    }

    private static List<String> jobLines(int i, Job j) {
        String job = "J-" + (100 + i);
        List<String> lines = new ArrayList<>();
        lines.add("{\"type\":\"job.created\",\"job\":\"" + job + "\",\"at\":\"" + T0 + "\",\"branch\":\"BLR\","
                + "\"customer\":\"C-S\",\"job_type\":\"" + (j.repair() ? "AC_REPAIR" : "AC_PM") + "\",\"site\":{\"lat\":"
                + j.place().lat() + ",\"lng\":77.6,\"radius_m\":" + j.radiusMetres() + "},\"quote\":{\"amount\":\"500.00\",\"currency\":\"INR\"}"
                + (j.paid() == 0 ? ",\"coverage\":{\"kind\":\"AMC\",\"ref\":\"AMC-0\",\"valid_until\":\"2026-12-31\"}" : "") + "}");
        lines.add("{\"type\":\"job.assigned\",\"job\":\"" + job + "\",\"at\":\"" + T0.plusMinutes(1) + "\",\"technician\":\"T-1\"}");
        OffsetDateTime done = T0.plusDays(j.completesOnDay()).plusHours(2);
        lines.add("{\"type\":\"job.status\",\"job\":\"" + job + "\",\"at\":\"" + done + "\",\"status\":\"COMPLETED\"}");
        if (j.paid() == 0) {
            lines.add("{\"type\":\"job.payment\",\"job\":\"" + job + "\",\"at\":\"" + done.plusMinutes(5) + "\",\"mode\":\"AMC\","
                    + "\"amount\":{\"amount\":\"0.00\",\"currency\":\"INR\"},\"reference\":\"AMC-0\"}");
        } else if (j.paid() == 1) {
            lines.add("{\"type\":\"job.payment\",\"job\":\"" + job + "\",\"at\":\"" + done.plusMinutes(5) + "\","
                    + "\"mode\":\"INVOICE_REQUIRED\",\"amount\":{\"amount\":\"0.00\",\"currency\":\"INR\"}}");
            lines.add("{\"type\":\"job.invoice\",\"job\":\"" + job + "\",\"at\":\"" + done.plusMinutes(6) + "\","
                    + "\"invoice_no\":\"INV/" + job + "\",\"amount\":{\"amount\":\"500.00\",\"currency\":\"INR\"},\"parts\":[]}");
        }
        return lines;
    }

    private static List<Finding> audit(List<String> lines) throws IOException {
        List<String> journal = new ArrayList<>(List.of(Scenario.TECHNICIAN_LINE));
        journal.addAll(lines);
        return Scenario.auditWithoutVisitRules(journal, T0.plusDays(60).toInstant());
    }
}
