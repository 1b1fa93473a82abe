package io.github.geodispatch.examples.report;

import io.github.geodispatch.spi.Money;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An AMC contract ending soon. Immutable and thread-safe.
 *
 * @param customer the customer's name
 * @param phone    the number to call (empty when not known: the page shows a dash)
 * @param plan     the contract's plan in owner words ("AC AMC, 3 visits a year")
 * @param endsOn   the contract's last day
 * @param value    what a renewal brings in
 */
public record RenewalDue(String customer, String phone, String plan, LocalDate endsOn, Money value) {
    public RenewalDue {
        Checks.text(customer, "customer");
        Objects.requireNonNull(phone, "phone");
        Checks.text(plan, "plan");
        Objects.requireNonNull(endsOn, "endsOn");
        Checks.amount(value, "value");
    }
}
