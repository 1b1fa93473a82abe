package io.github.geodispatch.contract;

import io.github.geodispatch.contract.internal.ContractProjection;
import io.github.geodispatch.customer.CustomerState;
import io.github.geodispatch.journal.JournalImporter;
import io.github.geodispatch.spi.ContractId;
import io.github.geodispatch.spi.Coverage;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.CustomerEvent;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.EquipmentId;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.SiteId;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * A business's contracts and the jobs done under them, kept up to date from the customer and job records'
 * events, answering coverage, entitlements, preventive visits, renewals, warranty expiries, reminders and the
 * owner's contract KPIs without reading a stream. Feed it each customer stream in version order and each job's
 * events (replays change nothing); the front door does. Days are in the zone it was created with; money is
 * counted in its currency.
 *
 * <pre>{@code
 * ContractPortfolio portfolio = ContractPortfolio.create(ZoneId.of("Asia/Kolkata"), Currency.INR);
 * customers.subscribe(events -> events.forEach(e -> portfolio.accept(e.event())));
 * jobs.subscribe(events -> events.forEach(e -> portfolio.accept(e.event())));
 * portfolio.entitlements(LocalDate.of(2026, 11, 30)).forEach(System.out::println);
 * }</pre>
 *
 * <p>Thread-safe: one monitor guards the projection.
 */
public interface ContractPortfolio extends ContractBook {

    static ContractPortfolio create(ZoneId zone, Currency currency) {
        return new ContractProjection(zone, currency);
    }

    /** One customer event, in its stream's version order; a replayed version is ignored, a gap is an error. */
    void accept(CustomerEvent event);

    /**
     * One job event: of the jobs an AMC contract covers, the creation (type and contract) and the first completion
     * are kept; jobs no contract covers are not (memory grows with the contracts, not with the jobs).
     */
    void accept(JobEvent event);

    /** A journal import target that feeds this portfolio the job and customer events it reads (and nothing else). */
    default JournalImporter.Target journalTarget() {
        return new JournalImporter.Target() {
            @Override
            public void event(JobEvent event) {
                accept(event);
            }

            @Override
            public void customerEvent(CustomerEvent event) {
                accept(event);
            }
        };
    }

    /** The customer as last seen, if any. */
    Optional<CustomerState> customer(CustomerId customer);

    /**
     * The coverage a job of {@code jobType} at the customer's site on {@code day} gets: the covering contract's
     * (kind AMC, reference the contract id, valid until its end, its covered job types) when it covers labour;
     * else, when {@code equipment} (may be null) is under warranty on the day, the warranty (kind WARRANTY,
     * reference the equipment id, valid until the warranty's last day); else empty.
     */
    Optional<Coverage> coverage(CustomerId customer, SiteId site, EquipmentId equipment, String jobType, LocalDate day);

    /** Every activated contract's entitlement on {@code asOf}, in the order drafted. */
    List<Entitlement> entitlements(LocalDate asOf);

    /**
     * The undone preventive visits of activated, not cancelled contracts that are due on or before
     * {@code asOf + horizonDays} (overdue, due and upcoming), by due day.
     */
    List<ScheduledVisit> openVisits(LocalDate asOf, int horizonDays);

    /** Active contracts ending within 30 days of {@code asOf} with no activated renewal, by end day. */
    List<RenewalDue> renewalsDue(LocalDate asOf);

    /** Units whose warranty ends within 30 days of {@code asOf}, by last day of warranty. */
    List<WarrantyExpiry> warrantyExpiries(LocalDate asOf);

    /** The renewal and warranty reminders due on {@code asOf}, one per contract or unit at its current stage. */
    List<Reminder> remindersDue(LocalDate asOf);

    /**
     * The instalments ({@link Instalment#of}) due on or before {@code asOf} that are not invoiced yet, of activated
     * contracts, by due day (then in the order the contracts were drafted); a cancelled contract's instalments due
     * before its cancellation day only.
     */
    List<InstalmentDue> instalmentsDue(LocalDate asOf);

    /** The owner's contract KPIs on {@code asOf}. */
    ContractKpis kpis(LocalDate asOf);
}
