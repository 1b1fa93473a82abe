package io.github.geodispatch.insight;
import io.github.geodispatch.contract.ContractKpis;
import io.github.geodispatch.contract.ContractPortfolio;
import io.github.geodispatch.insight.internal.ContractOwnerView;
import io.github.geodispatch.insight.internal.CustomerCareView;
import io.github.geodispatch.insight.internal.IncrementalOwnerView;
import io.github.geodispatch.payment.CashDeposit;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.EquipmentId;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.StockEvent;
import io.github.geodispatch.spi.TenantId;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The owner's dashboard over one tenant: KPIs for a day or a range of days, by branch, technician or route.
 * It is fed like a listener — each job event, attendance day, cash deposit and leakage risk as it happens —
 * and keeps per-day aggregates up to date on every call, so a report merges a few aggregates and never
 * re-reads the job records.
 *
 * <p>Job events must arrive in stream order per job (streams may interleave in any way); a replayed event
 * (same id at the same version) changes nothing; a gap or a different event at a known version is an
 * {@link IllegalArgumentException}. Events of another tenant are rejected.
 *
 * <p>What it is given is checked where it comes in, before anything changes: a null is a
 * {@link NullPointerException} naming the parameter; a job or stock event that happened outside years 0001-9999
 * ({@link io.github.geodispatch.spi.CalendarRange}), an attendance day whose shift does not start on its day in the
 * view's zone, and a query day outside years 0001-9999 or a range that ends before it starts are an
 * {@link IllegalArgumentException}. A query costs the same whatever the length of its range: no call goes day by
 * day. A job or stock event within a day of the range's ends may fall, in the view's zone, on a day in the year 0000
 * or 10000: it is kept, and no query reaches that day.
 *
 * <p>Thread-safe: every method locks the view, so several listeners may feed it and a dashboard may read it
 * at the same time.
 */
public interface OwnerView {

    /** A job event, in stream order per job (see above). */
    void accept(JobEvent event);

    /**
     * One technician's day; a later one for the same technician and day replaces it. Its shift must start on its day
     * in the view's zone.
     */
    void accept(AttendanceDay attendance);

    /**
     * Cash handed in by a technician of {@code branch}. A deposit's reference is its idempotency key: the same
     * reference again with the same details changes nothing, with other details is an error; the branch of a repeat
     * is not compared (the deposit stays with the branch it was first counted for). A deposit with no reference
     * counts each time it is given.
     */
    void accept(CashDeposit deposit, BranchId branch);

    /** A finding's money at risk; a later one with the same code and subject replaces it. */
    void accept(LeakageRisk risk);

    /** A stock event (catalogue, locations, movements): the cost side of the parts KPIs. Replays change nothing. */
    void accept(StockEvent event);

    /** The KPIs of the query's days (its range is checked where it is made, {@link KpiQuery}). */
    KpiReport report(KpiQuery query);

    /**
     * Parts revenue, cost and margin of the given days (inclusive), by branch and technician.
     *
     * @throws IllegalArgumentException when a day is outside years 0001-9999 or {@code to} is before {@code from}
     */
    PartsKpis parts(LocalDate from, LocalDate to);

    /**
     * Completed jobs of the given days (inclusive) with money still to collect, largest first.
     *
     * @throws IllegalArgumentException when a day is outside years 0001-9999 or {@code to} is before {@code from}
     */
    List<PendingCollection> pendingCollections(LocalDate from, LocalDate to);

    /**
     * The contract KPIs on {@code asOf}: active contracts, renewal rate, contract revenue, visits due and overdue
     * (see {@code docs/owner-view.md}).
     *
     * @throws IllegalStateException when the view was built without {@link Builder#contracts contracts}
     * @throws IllegalArgumentException when {@code asOf} is outside years 0001-9999
     */
    default ContractKpis contracts(LocalDate asOf) {
        throw new IllegalStateException("this owner's view knows no contracts: build it with contracts(portfolio)");
    }

    /**
     * The customer-care KPIs of the jobs completed on {@code from}..{@code to}: CSAT and the average rating, repeat
     * service within 30 days, billing cycle time (see {@code docs/owner-view.md}).
     *
     * @throws IllegalArgumentException when a day is outside years 0001-9999 or {@code to} is before {@code from}
     */
    default CustomerCareKpis customerCare(LocalDate from, LocalDate to) {
        throw new IllegalStateException("this owner's view keeps no customer-care KPIs: build it with OwnerView.builder()");
    }

    /**
     * Names the unit of equipment {@code job} serves, so repeat service is counted per unit (see {@link #customerCare});
     * a job the view was not given yet is not linked.
     */
    default void link(JobId job, EquipmentId equipment) {
    }

    static Builder builder() {
        return new Builder();
    }

    /** Configures an {@link OwnerView}. Each setter may be called once; bad values fail at once. Not thread-safe. */
    final class Builder {
        private TenantId tenant;
        private Currency currency;
        private ZoneId zone;
        private Duration checkInGrace;
        private ContractPortfolio contracts;
        private Boolean partPricesIncludeTax;

        private Builder() {}

        /** The one tenant whose records this view reads (required). */
        public Builder tenant(TenantId tenant) {
            requireUnset(this.tenant, "tenant");
            this.tenant = Objects.requireNonNull(tenant, "tenant");
            return this;
        }

        /** The currency all money is in (required). */
        public Builder currency(Currency currency) {
            requireUnset(this.currency, "currency");
            this.currency = Objects.requireNonNull(currency, "currency");
            return this;
        }

        /** The zone that decides which day an instant belongs to (default Asia/Kolkata). */
        public Builder zone(ZoneId zone) {
            requireUnset(this.zone, "zone");
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /** How late after shift start a branch check-in still counts as punctual (default 10 minutes; at most a day). */
        public Builder checkInGrace(Duration grace) {
            requireUnset(this.checkInGrace, "checkInGrace");
            Objects.requireNonNull(grace, "checkInGrace");
            if (grace.isNegative()) {
                throw new IllegalArgumentException("checkInGrace must not be negative, was " + grace);
            }
            if (grace.compareTo(AttendanceDay.MAX_SHIFT) > 0) {
                throw new IllegalArgumentException("checkInGrace must be at most a day, was " + grace);
            }
            this.checkInGrace = grace;
            return this;
        }

        /** The contracts whose KPIs {@link OwnerView#contracts} reports (none when not set). */
        public Builder contracts(ContractPortfolio portfolio) {
            requireUnset(this.contracts, "contracts");
            this.contracts = Objects.requireNonNull(portfolio, "contracts");
            return this;
        }

        /** Whether part prices include GST, which the parts revenue then backs out (default false). */
        public Builder partPricesIncludeTax(boolean includeTax) {
            requireUnset(this.partPricesIncludeTax, "partPricesIncludeTax");
            this.partPricesIncludeTax = includeTax;
            return this;
        }

        public OwnerView build() {
            if (tenant == null) {
                throw new IllegalStateException("OwnerView needs a tenant");
            }
            if (currency == null) {
                throw new IllegalStateException("OwnerView needs a currency");
            }
            ZoneId in = zone == null ? ZoneId.of("Asia/Kolkata") : zone;
            OwnerView view = new IncrementalOwnerView(tenant, currency, in,
                    checkInGrace == null ? Duration.ofMinutes(10) : checkInGrace,
                    partPricesIncludeTax != null && partPricesIncludeTax);
            return new CustomerCareView(contracts == null ? view : new ContractOwnerView(view, contracts), in);
        }

        private static void requireUnset(Object current, String name) {
            if (current != null) {
                throw new IllegalStateException(name + " was already set");
            }
        }
    }
}
