package io.github.geodispatch.journal;

import io.github.geodispatch.billing.BillableJob;
import io.github.geodispatch.billing.Party;
import io.github.geodispatch.job.JobState;
import io.github.geodispatch.journal.JournalProblem.Kind;
import io.github.geodispatch.leakage.AuditReport;
import io.github.geodispatch.leakage.Finding;
import io.github.geodispatch.leakage.LeakageAudit;
import io.github.geodispatch.leakage.LeakageCode;
import io.github.geodispatch.leakage.LeakagePolicy;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.TenantId;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile money journals of issue 17 (kept in {@code src/test/resources/hostile/}): what the audit and the
 * invoice's amount paid make of a duplicated payment line, amounts in another currency, a bank credit below the
 * claim, a negative credit, and amounts near 10^16.
 */
class HostileMoneyJournalsTest {
    private static final Instant AS_OF = Instant.parse("2026-11-09T18:30:00Z");
    private static final Party BUYER = Party.business("Customer 2 Pvt Ltd", "29FNNCF1929M1Z3", "106, 24th Cross",
            "Bengaluru", "560034", "29");

    private static InputStream fixture(String name) {
        InputStream in = HostileMoneyJournalsTest.class.getResourceAsStream("/hostile/" + name);
        assertThat(in).as(name).isNotNull();
        return in;
    }

    private static AuditReport audit(String name) throws IOException {
        try (InputStream in = fixture(name)) {
            return LeakageAudit.run(in, AS_OF, LeakagePolicy.defaults());
        }
    }

    private static Map<JobId, List<JobEvent>> streams(String name) throws IOException {
        Map<JobId, List<JobEvent>> streams = new LinkedHashMap<>();
        try (InputStream in = fixture(name)) {
            JournalReader.create().read(in, new JournalImporter(TenantId.of("t"),
                    e -> streams.computeIfAbsent(e.header().job(), j -> new ArrayList<>()).add(e)));
        }
        return streams;
    }

    private static Money paid(Map<JobId, List<JobEvent>> streams, String job) {
        return BillableJob.fromState(JobState.fold(streams.get(JobId.of(job))), BUYER, ZoneId.of("Asia/Kolkata")).paid();
    }

    private static List<Finding> findings(AuditReport report, LeakageCode code) {
        return report.findings().stream().filter(f -> f.code() == code).toList();
    }

    @Test
    void aDuplicatedPaymentLineIsRefusedWithItsLineAndPaidOnce() throws IOException {
        AuditReport report = audit("duplicate-payment.jsonl");

        assertThat(report.importProblems()).extracting(JournalProblem::line, JournalProblem::kind).containsExactly(
                Tuple.tuple(9L, Kind.REFUSED), Tuple.tuple(17L, Kind.REFUSED), Tuple.tuple(18L, Kind.REFUSED));
        assertThat(report.importProblems()).extracting(p -> p.message().split(":")[0])
                .containsExactly("REPEAT", "REPEAT", "DUPLICATE_REFERENCE");
        // the short collection the duplicate hid: 2849.00 due, 1500.00 paid once
        assertThat(findings(report, LeakageCode.SHORT_COLLECTION)).singleElement().satisfies(f -> {
            assertThat(f.job()).isEqualTo(JobId.of("J-00011"));
            assertThat(f.amountAtRisk()).isEqualTo(Money.inr(134_900));
        });
        Map<JobId, List<JobEvent>> streams = streams("duplicate-payment.jsonl");
        assertThat(paid(streams, "J-00010")).isEqualTo(Money.inr(284_900));
        assertThat(paid(streams, "J-00011")).isEqualTo(Money.inr(150_000));
    }

    @Test
    void amountsInAnotherCurrencyAreRefusedAndNeverSummedAsRupees() throws IOException {
        AuditReport report = audit("foreign-currency.jsonl");

        assertThat(report.importProblems()).extracting(JournalProblem::line, JournalProblem::kind, JournalProblem::message)
                .containsExactly(
                        Tuple.tuple(5L, Kind.REFUSED, "CURRENCY_MISMATCH: part unit price is in KES but job J-00020 is "
                                + "priced in INR"),
                        Tuple.tuple(9L, Kind.REFUSED, "CURRENCY_MISMATCH: payment amount is in KES but job J-00020 is "
                                + "priced in INR"));
        assertThat(findings(report, LeakageCode.PAYMENT_STATUS_MISSING)).singleElement()
                .satisfies(f -> assertThat(f.amountAtRisk()).isEqualTo(Money.inr(284_900)));
        assertThat(paid(streams("foreign-currency.jsonl"), "J-00020")).isEqualTo(Money.inr(0));
    }

    @Test
    void aCreditBelowTheClaimIsAFindingAndANegativeCreditARejectedLine() throws IOException {
        AuditReport report = audit("short-credit.jsonl");

        assertThat(findings(report, LeakageCode.CREDIT_BELOW_CLAIM))
                .extracting(Finding::job, Finding::reference, Finding::amountAtRisk).containsExactly(
                        Tuple.tuple(JobId.of("J-00030"), "641739272191", Money.inr(20_000)),
                        Tuple.tuple(JobId.of("J-00031"), "641739272192", Money.inr(59_800)));
        assertThat(findings(report, LeakageCode.PAYMENT_UNVERIFIED)).isEmpty();
        assertThat(report.journal().problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(16);
            assertThat(p.kind()).isEqualTo(Kind.INVALID);
            assertThat(p.message()).isEqualTo("statement: statement amount must not be negative, was -2849.00 INR");
        });
    }

    @Test
    void amountsAboveTheMaximumAreRejectedLinesNamingTheFieldAndTheAuditFinishes() throws IOException {
        AuditReport report = audit("huge-amounts.jsonl");

        assertThat(report.journal().problems()).extracting(JournalProblem::line, JournalProblem::message).containsExactly(
                Tuple.tuple(3L, "job.created: quote is 9999999999999999.00 INR, above the maximum amount 1000000000.00 INR"),
                Tuple.tuple(6L, "job.part: unit_price is 9999999999999.00 INR, above the maximum amount 1000000000.00 INR"),
                Tuple.tuple(7L, "job.expense: expense amount is 5000000000000000.00 INR, above the maximum amount "
                        + "1000000000.00 INR"),
                Tuple.tuple(11L, "job.payment: payment amount is 9999999999999999.00 INR, above the maximum amount "
                        + "1000000000.00 INR"),
                Tuple.tuple(14L, "statement: statement amount is 9999999999999999.00 INR, above the maximum amount "
                        + "1000000000.00 INR"),
                Tuple.tuple(15L, "cash.deposit: deposit amount is 9999999999999999.00 INR, above the maximum amount "
                        + "1000000000.00 INR"));
        assertThat(report.journal().problems()).allSatisfy(p -> assertThat(p.kind()).isEqualTo(Kind.INVALID));
        // the job at the maximum is paid in full and verified: nothing at risk but the missing site visit
        assertThat(report.findings()).extracting(Finding::code).containsExactly(LeakageCode.GHOST_VISIT);
        assertThat(paid(streams("huge-amounts.jsonl"), "J-00041")).isEqualTo(Money.maxAmount(Currency.INR));
    }
}
