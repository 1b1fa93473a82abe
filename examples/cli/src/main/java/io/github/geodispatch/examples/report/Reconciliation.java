package io.github.geodispatch.examples.report;

import io.github.geodispatch.spi.Money;

import java.util.List;

/**
 * How the period's money adds up: revenue = collected + pending + each explained difference. Whatever remains is
 * shown on the page as "not explained", never hidden. Immutable and thread-safe.
 *
 * @param revenue     invoiced for the period's completed jobs
 * @param collected   received against it
 * @param pending     still owed
 * @param differences each known reason revenue is not collected + pending, with its signed amount
 */
public record Reconciliation(Money revenue, Money collected, Money pending, List<Difference> differences) {
    public Reconciliation {
        Checks.amount(revenue, "revenue");
        Checks.amount(collected, "collected");
        Checks.amount(pending, "pending");
        differences = Checks.list(differences, "differences");
    }

    /** One reason the totals differ, e.g. "A part billed after its invoice (₹650 on J-00102)". */
    public record Difference(String reason, Money amount) {
        public Difference {
            Checks.text(reason, "reason");
            java.util.Objects.requireNonNull(amount, "amount");
        }
    }

    /** revenue − collected − pending − the differences: zero when everything is explained. */
    public Money unexplained() {
        Money rest = revenue.minus(collected).minus(pending);
        for (Difference d : differences) {
            rest = rest.minus(d.amount());
        }
        return rest;
    }
}
