package io.github.geodispatch.examples.report;

import io.github.geodispatch.spi.Money;

/**
 * Money that may be leaking, with what shows it. Immutable and thread-safe.
 *
 * @param what       the finding in owner words ("Cash collected, not deposited"), never a rule code
 * @param technician who is involved (or "—" when nobody is)
 * @param jobNumber  the job concerned (or "—")
 * @param atRisk     the amount at risk
 * @param evidence   what the records show, in plain sentences with times in the business's zone
 */
public record LeakageItem(String what, String technician, String jobNumber, Money atRisk, String evidence) {
    public LeakageItem {
        Checks.text(what, "what");
        Checks.text(technician, "technician");
        Checks.text(jobNumber, "jobNumber");
        Checks.amount(atRisk, "atRisk");
        Checks.text(evidence, "evidence");
    }
}
