package io.github.geodispatch.billing;

import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Coverage;
import io.github.geodispatch.spi.CoverageKind;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** jqwik generators of billable jobs for the Bengaluru seller: any buyer, parts, expenses and cover. */
final class RandomJobs {
    static final Party MAHARASHTRA_CONSUMER = Party.consumer("Pune Resident", "12 FC Road", "Pune", "411004", "27");
    static final Party DELHI_BUSINESS = Party.business("Amazon Web Services India Private Limited",
            "07AAJCA9880A1ZL", "Ground Floor, Eros Corporate Tower, Nehru Place", "New Delhi", "110019", "07");

    private RandomJobs() {}

    static Arbitrary<BillableJob> jobs() {
        Arbitrary<String> ids = Arbitraries.integers().between(1, 99_999).map(n -> "J-" + n);
        Arbitrary<String> branches = Arbitraries.of("BR-1", "BR-2");
        Arbitrary<Long> labour = Arbitraries.longs().between(0, 2_000_000);
        Arbitrary<List<BillableJob.Part>> parts = part().list().ofMaxSize(4);
        Arbitrary<List<BillableJob.Expense>> expenses = expense().list().ofMaxSize(3);
        Arbitrary<Party> buyers = Arbitraries.of(Fixtures.KARNATAKA_BUYER, Fixtures.TAMIL_NADU_BUYER, Fixtures.CONSUMER,
                MAHARASHTRA_CONSUMER, DELHI_BUSINESS);
        Arbitrary<Coverage> coverage = Arbitraries.of(CoverageKind.class)
                .map(kind -> new Coverage(kind, kind + "-1234", Fixtures.DAY.plusMonths(6), List.of()))
                .injectNull(0.7);
        Arbitrary<Long> paid = Arbitraries.longs().between(0, 500_000);
        return Combinators.combine(ids, branches, labour, parts, expenses, buyers, coverage, paid)
                .as((id, branch, price, partList, expenseList, buyer, cover, paise) -> new BillableJob(JobId.of(id),
                        BranchId.of(branch), "AC_SERVICE", Fixtures.DAY, Money.inr(price), cover, partList, expenseList,
                        Money.inr(paise), buyer, null));
    }

    static Arbitrary<BillableJob.Part> part() {
        return Combinators.combine(Arbitraries.of("85322200", "84159000", "84212190", "8536"),
                Arbitraries.integers().between(1, 12), Arbitraries.longs().between(0, 5_000_000),
                Arbitraries.of(true, true, false))
                .as((hsn, quantity, unit, billable) -> new BillableJob.Part("SKU-" + hsn, "Part \"" + hsn + "\"", hsn,
                        quantity, Money.inr(unit), billable));
    }

    static Arbitrary<BillableJob.Expense> expense() {
        return Combinators.combine(Arbitraries.of("parking", "travel", "ladder hire"),
                Arbitraries.longs().between(0, 300_000), Arbitraries.of(true, false))
                .as((kind, amount, billable) -> new BillableJob.Expense(kind, Money.inr(amount), billable));
    }
}
