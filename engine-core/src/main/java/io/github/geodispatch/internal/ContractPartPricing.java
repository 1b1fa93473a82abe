package io.github.geodispatch.internal;

import io.github.geodispatch.contract.ContractBook;
import io.github.geodispatch.contract.ContractCharges;
import io.github.geodispatch.job.JobCommand;
import io.github.geodispatch.job.JobState;
import io.github.geodispatch.job.PartPricing;
import java.time.LocalDate;

/**
 * Parts priced by the contract covering the job's customer, site and type on the job's day (its window's first day,
 * else its creation day), while the contract's calls are not used up ({@link ContractCharges}). A job of a customer or
 * site the contracts do not know, or that no contract covers, records its parts as used. Thread-safe as the book is.
 */
final class ContractPartPricing implements PartPricing {
    private final ContractBook book;

    ContractPartPricing(ContractBook book) {
        this.book = book;
    }

    @Override
    public JobCommand.UsePart price(JobState job, JobCommand.UsePart part) {
        LocalDate day = LocalDate.ofInstant(job.window() != null ? job.window().from() : job.createdAt(), book.zone());
        return book.siteOf(job.customer(), job.site())
                .flatMap(site -> book.covering(job.customer(), site, job.jobType(), day))
                .filter(contract -> ContractCharges.withinEntitlement(book, contract, job.id(), day))
                .map(contract -> ContractCharges.price(contract.terms().plan(), part))
                .orElse(part);
    }
}
