package io.github.geodispatch.messaging.internal;

import io.github.geodispatch.payment.JobAccount;
import io.github.geodispatch.spi.Coverage;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.Money;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * What the completion message asks the customer to pay: the job's outstanding amount ({@link JobAccount#outstanding()}:
 * the invoice total once invoiced, else quote, billable parts and expenses, less on-site payments), less the quote when
 * the job carries a coverage that covers it on its completion day and no coverage claim is recorded yet (the AMC or
 * warranty pays the labour; the claim is often recorded after the message goes). Stateless.
 */
final class AmountDue {
    private AmountDue() {}

    static Money of(List<JobEvent> history, ZoneId zone) {
        JobAccount account = new JobAccount(zone);
        history.forEach(account::apply);
        Money due = account.outstanding();
        Coverage coverage = account.coverage();
        if (account.invoice() == null && account.claimedCoverage() == null && coverage != null
                && account.completedAt() != null
                && coverage.covers(account.jobType(), LocalDate.ofInstant(account.completedAt(), zone))) {
            due = due.minus(((JobEvent.JobCreated) history.get(0)).quote());
        }
        return due.isNegative() ? Money.zero(due.currency()) : due;
    }
}
