package io.github.geodispatch.leakage;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One AMC contract entitled to three calls (a preventive visit and two breakdown calls), and the jobs at its site
 * completing in any order: a call's rank among the contract's completed calls decides whether charging its labour is
 * COVERED_JOB_CHARGED (within the entitlement) or not charging it is EXTRA_VISIT_NOT_BILLED (beyond); a job that
 * does not claim the contract is COVERED_JOB_CHARGED when its labour was charged while the calls completed by the end
 * of its day left some of the entitlement. The monitor judges again only the calls completed after a new completion,
 * and the other jobs judged for its day or a later one; the book keeps the ranks in order as calls complete. Whatever
 * order the jobs' records come in, the audit finds what it finds on the journal in time order.
 */
class EntitlementRankProperties {
    static final OffsetDateTime T0 = OffsetDateTime.parse("2026-03-02T09:00:00+05:30");

    /** A preventive visit or a breakdown call claiming the contract, or a job at its site that does not claim it. */
    enum Kind { PREVENTIVE, BREAKDOWN, NOT_CLAIMING }

    /** A job at the site: its kind, when it completes (minutes after T0, often the same as another's), and whether the customer paid the labour. */
    record Call(Kind kind, int completesAt, boolean labourPaid) {
        boolean claims() {
            return kind != Kind.NOT_CLAIMING;
        }
    }

    @Provide
    Arbitrary<List<Call>> calls() {
        return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 12).map(k -> 60 + k * 240),
                Arbitraries.of(true, false)).as(Call::new).list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 150)
    void anyOrderOfTheJobsRecordsGivesTheFindingsOfTheJournalInTimeOrder(@ForAll("calls") List<Call> calls,
                                                                         @ForAll long seed) throws IOException {
        List<List<String>> streams = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            List<String> stream = job(i, calls.get(i));
            streams.add(stream);
            all.addAll(stream);
        }
        all.sort(Comparator.comparing(EntitlementRankProperties::time));

        Random random = new Random(seed);
        List<String> interleaved = new ArrayList<>();
        List<ArrayDeque<String>> open = new ArrayList<>();
        streams.forEach(s -> open.add(new ArrayDeque<>(s)));
        while (!open.isEmpty()) {
            int k = random.nextInt(open.size());
            interleaved.add(open.get(k).poll());
            if (open.get(k).isEmpty()) {
                open.remove(k);
            }
        }

        List<Finding> inTimeOrder = audit(all);
        assertThat(audit(interleaved)).containsExactlyElementsOf(inTimeOrder);

        // the oracle: rank every call by (completion, job id); the first three are within the entitlement; a job not
        // claiming is within it while fewer than three calls completed by the end of its day
        List<Integer> byRank = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).claims()) {
                byRank.add(i);
            }
        }
        byRank.sort(Comparator.comparing((Integer i) -> calls.get(i).completesAt()).thenComparing(i -> "J-" + (100 + i)));
        List<String> charged = new ArrayList<>();
        List<String> notBilled = new ArrayList<>();
        for (int rank = 1; rank <= byRank.size(); rank++) {
            int i = byRank.get(rank - 1);
            if (rank <= 3 && calls.get(i).labourPaid()) {
                charged.add("J-" + (100 + i));
            } else if (rank > 3 && !calls.get(i).labourPaid()) {
                notBilled.add("J-" + (100 + i));
            }
        }
        for (int i = 0; i < calls.size(); i++) {
            LocalDate day = completionDay(calls.get(i));
            long usedByThen = byRank.stream().filter(k -> !completionDay(calls.get(k)).isAfter(day)).count();
            if (!calls.get(i).claims() && calls.get(i).labourPaid() && usedByThen < 3) {
                charged.add("J-" + (100 + i));
            }
        }
        assertThat(inTimeOrder).filteredOn(f -> f.code() == LeakageCode.COVERED_JOB_CHARGED)
                .extracting(f -> f.job().value()).containsExactlyInAnyOrderElementsOf(charged);
        assertThat(inTimeOrder).filteredOn(f -> f.code() == LeakageCode.EXTRA_VISIT_NOT_BILLED)
                .extracting(f -> f.job().value()).containsExactlyInAnyOrderElementsOf(notBilled);
    }

    private static LocalDate completionDay(Call call) {
        return T0.plusMinutes(call.completesAt()).toLocalDate();
    }

    private static List<String> job(int i, Call call) {
        String job = "J-" + (100 + i);
        String type = call.kind() == Kind.PREVENTIVE ? "AC_PM" : "AC_REPAIR";
        String coverage = call.claims() ? ",\"coverage\":{\"kind\":\"AMC\",\"ref\":\"AMC-H\",\"valid_until\":\"2026-12-31\","
                + "\"job_types\":[\"AC_PM\",\"AC_REPAIR\"]}" : "";
        List<String> lines = new ArrayList<>();
        lines.add("{\"type\":\"job.created\",\"job\":\"" + job + "\",\"at\":\"" + T0 + "\",\"branch\":\"BLR\","
                + "\"customer\":\"C-H\",\"job_type\":\"" + type + "\",\"site\":{\"lat\":12.9,\"lng\":77.6,\"radius_m\":80.0},"
                + "\"quote\":{\"amount\":\"500.00\",\"currency\":\"INR\"}" + coverage + "}");
        lines.add("{\"type\":\"job.assigned\",\"job\":\"" + job + "\",\"at\":\"" + T0.plusMinutes(1) + "\",\"technician\":\"T-1\"}");
        OffsetDateTime done = T0.plusMinutes(call.completesAt());
        lines.add("{\"type\":\"job.status\",\"job\":\"" + job + "\",\"at\":\"" + done + "\",\"status\":\"COMPLETED\"}");
        if (call.labourPaid()) { // invoiced for the labour
            lines.add("{\"type\":\"job.payment\",\"job\":\"" + job + "\",\"at\":\"" + done.plusMinutes(5) + "\","
                    + "\"mode\":\"INVOICE_REQUIRED\",\"amount\":{\"amount\":\"0.00\",\"currency\":\"INR\"}}");
            lines.add("{\"type\":\"job.invoice\",\"job\":\"" + job + "\",\"at\":\"" + done.plusMinutes(6) + "\","
                    + "\"invoice_no\":\"INV/" + job + "\",\"amount\":{\"amount\":\"500.00\",\"currency\":\"INR\"},\"parts\":[]}");
        } else if (call.claims()) {
            lines.add("{\"type\":\"job.payment\",\"job\":\"" + job + "\",\"at\":\"" + done.plusMinutes(5) + "\",\"mode\":\"AMC\","
                    + "\"amount\":{\"amount\":\"0.00\",\"currency\":\"INR\"},\"reference\":\"AMC-H\"}");
        }
        return lines;
    }

    private static Instant time(String line) {
        int at = line.indexOf("\"at\":\"") + 6;
        return OffsetDateTime.parse(line.substring(at, line.indexOf('"', at))).toInstant();
    }

    private static List<Finding> audit(List<String> jobLines) throws IOException {
        List<String> journal = new ArrayList<>(List.of(Scenario.TECHNICIAN_LINE,
                "{\"type\":\"customer.registered\",\"customer\":\"C-H\",\"at\":\"2026-01-05T09:00:00+05:30\",\"branch\":\"BLR\","
                        + "\"name\":\"City Hospital\",\"phones\":[\"+919900112233\"],\"language\":\"en\"}",
                "{\"type\":\"customer.site\",\"customer\":\"C-H\",\"at\":\"2026-01-05T10:00:00+05:30\",\"site_id\":\"S-H\","
                        + "\"location\":{\"lat\":12.9,\"lng\":77.6}}",
                "{\"type\":\"contract.drafted\",\"customer\":\"C-H\",\"at\":\"2026-01-06T11:00:00+05:30\",\"contract\":\"AMC-H\","
                        + "\"contract_kind\":\"AMC\",\"sites\":[\"S-H\"],\"visits_per_year\":1,\"visit_job_type\":\"AC_PM\","
                        + "\"breakdown_calls\":2,\"job_types\":[\"AC_PM\",\"AC_REPAIR\"],\"labour_covered\":true,"
                        + "\"price\":{\"amount\":\"9999.00\",\"currency\":\"INR\"},\"start\":\"2026-01-01\",\"end\":\"2026-12-31\"}",
                "{\"type\":\"contract.activated\",\"customer\":\"C-H\",\"at\":\"2026-01-06T12:00:00+05:30\",\"contract\":\"AMC-H\"}"));
        journal.addAll(jobLines);
        return Scenario.auditWithoutVisitRules(journal, T0.plusDays(10).toInstant());
    }
}
