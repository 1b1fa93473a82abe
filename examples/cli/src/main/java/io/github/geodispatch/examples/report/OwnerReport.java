package io.github.geodispatch.examples.report;

import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Everything the owner's report page shows, in the owner's terms: no engine types, amounts as {@link Money} in one
 * currency, instants shown in the business's zone. A simulation (city-day, city-week) fills one with {@link Builder};
 * {@link ReportPage} writes it. Immutable and thread-safe.
 *
 * @param business       the business's name, the page's title
 * @param zone           the business's time zone: every time on the page is shown in it
 * @param currency       the one currency of every amount
 * @param asOf           the end of the period: ageing and lateness are counted to here
 * @param days           one entry per day, oldest first, consecutive; the last is "today"
 * @param callBacks      customers to call back
 * @param slaMisses      jobs not reached in time
 * @param pending        money owed, per job
 * @param renewals       AMC contracts ending soon
 * @param lowStock       parts running low in vans
 * @param leakage        money that may be leaking, with evidence
 * @param map            the last day's map
 * @param branches       breakdown by branch
 * @param technicians    technicians' scorecards
 * @param serviceTypes   breakdown by service type
 * @param reconciliation how the period's revenue splits into collected, pending and explained differences
 * @param howRun         how the period was simulated (the footer)
 * @param unhappy        customers who rated a job 1 or 2 stars
 * @param messages       the messages to customers, per day (empty when the business sent none)
 */
public record OwnerReport(String business, ZoneId zone, Currency currency, Instant asOf, List<DayFigures> days,
                          List<CallBack> callBacks, List<SlaMiss> slaMisses, List<PendingCollection> pending,
                          List<RenewalDue> renewals, List<LowStock> lowStock, List<LeakageItem> leakage, ReportMap map,
                          List<BranchRow> branches, List<TechnicianRow> technicians, List<ServiceTypeRow> serviceTypes,
                          Reconciliation reconciliation, HowRun howRun, List<UnhappyCustomer> unhappy,
                          List<MessageDay> messages) {
    public OwnerReport {
        Checks.text(business, "business");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(asOf, "asOf");
        days = Checks.list(days, "days");
        callBacks = Checks.list(callBacks, "callBacks");
        slaMisses = Checks.list(slaMisses, "slaMisses");
        pending = Checks.list(pending, "pending");
        renewals = Checks.list(renewals, "renewals");
        lowStock = Checks.list(lowStock, "lowStock");
        leakage = Checks.list(leakage, "leakage");
        Objects.requireNonNull(map, "map");
        branches = Checks.list(branches, "branches");
        technicians = Checks.list(technicians, "technicians");
        serviceTypes = Checks.list(serviceTypes, "serviceTypes");
        Objects.requireNonNull(reconciliation, "reconciliation");
        Objects.requireNonNull(howRun, "howRun");
        unhappy = Checks.list(unhappy, "unhappy");
        messages = Checks.list(messages, "messages");
        if (days.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one day");
        }
        for (int i = 1; i < days.size(); i++) {
            LocalDate expected = days.get(i - 1).date().plusDays(1);
            if (!days.get(i).date().equals(expected)) {
                throw new IllegalArgumentException("days must be consecutive, oldest first: " + days.get(i).date()
                        + " follows " + days.get(i - 1).date());
            }
        }
        amounts(days, pending, renewals, leakage, branches, technicians, serviceTypes, reconciliation)
                .filter(m -> !m.currency().equals(currency)).findFirst().ifPresent(m -> {
                    throw new IllegalArgumentException("amount " + m + " is not in the report's currency " + currency);
                });
    }

    /**
     * Today: the period's last day on which the business worked (a job booked or completed), so that a report
     * ending on a closed Sunday opens on Saturday; the last day when no day had work.
     */
    public DayFigures today() {
        return days.get(todayIndex());
    }

    /** The day before {@link #today()} in the period, if there is one. */
    public Optional<DayFigures> yesterday() {
        int today = todayIndex();
        return today == 0 ? Optional.empty() : Optional.of(days.get(today - 1));
    }

    private int todayIndex() {
        for (int i = days.size() - 1; i >= 0; i--) {
            if (days.get(i).jobsCreated() > 0 || days.get(i).jobsCompleted() > 0) {
                return i;
            }
        }
        return days.size() - 1;
    }

    private static Stream<Money> amounts(List<DayFigures> days, List<PendingCollection> pending, List<RenewalDue> renewals,
                                         List<LeakageItem> leakage, List<BranchRow> branches,
                                         List<TechnicianRow> technicians, List<ServiceTypeRow> serviceTypes,
                                         Reconciliation reconciliation) {
        return Stream.of(
                days.stream().flatMap(d -> Stream.of(d.revenue(), d.collected(), d.pending(), d.leakage())),
                pending.stream().map(PendingCollection::owed),
                renewals.stream().map(RenewalDue::value),
                leakage.stream().map(LeakageItem::atRisk),
                branches.stream().flatMap(b -> Stream.of(b.revenue(), b.collected(), b.pending())),
                technicians.stream().flatMap(t -> Stream.concat(Stream.of(t.revenue()), t.partsMargin().stream())),
                serviceTypes.stream().flatMap(s -> Stream.concat(Stream.of(s.revenue()), s.partsMargin().stream())),
                Stream.concat(Stream.of(reconciliation.revenue(), reconciliation.collected(), reconciliation.pending()),
                        reconciliation.differences().stream().map(Reconciliation.Difference::amount))
        ).flatMap(s -> s);
    }

    /** Starts a report; the builder collects the lists one entry at a time. */
    public static Builder builder(String business, ZoneId zone, Currency currency) {
        return new Builder(business, zone, currency);
    }

    /** Collects a report's parts; {@link #build()} checks them. Not thread-safe: fill it from one thread. */
    public static final class Builder {
        private final String business;
        private final ZoneId zone;
        private final Currency currency;
        private Instant asOf;
        private final List<DayFigures> days = new ArrayList<>();
        private final List<CallBack> callBacks = new ArrayList<>();
        private final List<SlaMiss> slaMisses = new ArrayList<>();
        private final List<PendingCollection> pending = new ArrayList<>();
        private final List<RenewalDue> renewals = new ArrayList<>();
        private final List<LowStock> lowStock = new ArrayList<>();
        private final List<LeakageItem> leakage = new ArrayList<>();
        private ReportMap map = new ReportMap(List.of(), List.of(), List.of());
        private final List<BranchRow> branches = new ArrayList<>();
        private final List<TechnicianRow> technicians = new ArrayList<>();
        private final List<ServiceTypeRow> serviceTypes = new ArrayList<>();
        private Reconciliation reconciliation;
        private HowRun howRun;
        private final List<UnhappyCustomer> unhappy = new ArrayList<>();
        private final List<MessageDay> messages = new ArrayList<>();

        private Builder(String business, ZoneId zone, Currency currency) {
            this.business = business;
            this.zone = zone;
            this.currency = currency;
        }

        public Builder asOf(Instant asOf) {
            this.asOf = asOf;
            return this;
        }

        public Builder day(DayFigures day) {
            days.add(day);
            return this;
        }

        public Builder callBack(CallBack c) {
            callBacks.add(c);
            return this;
        }

        public Builder slaMiss(SlaMiss s) {
            slaMisses.add(s);
            return this;
        }

        public Builder pending(PendingCollection p) {
            pending.add(p);
            return this;
        }

        public Builder renewal(RenewalDue r) {
            renewals.add(r);
            return this;
        }

        public Builder lowStock(LowStock l) {
            lowStock.add(l);
            return this;
        }

        public Builder leakage(LeakageItem l) {
            leakage.add(l);
            return this;
        }

        public Builder map(ReportMap map) {
            this.map = map;
            return this;
        }

        public Builder branch(BranchRow b) {
            branches.add(b);
            return this;
        }

        public Builder technician(TechnicianRow t) {
            technicians.add(t);
            return this;
        }

        public Builder serviceType(ServiceTypeRow s) {
            serviceTypes.add(s);
            return this;
        }

        public Builder reconciliation(Reconciliation r) {
            this.reconciliation = r;
            return this;
        }

        public Builder howRun(HowRun h) {
            this.howRun = h;
            return this;
        }

        public Builder unhappy(UnhappyCustomer u) {
            unhappy.add(u);
            return this;
        }

        public Builder messages(MessageDay m) {
            messages.add(m);
            return this;
        }

        /** The report; throws {@link IllegalArgumentException} or {@link NullPointerException} naming what is wrong. */
        public OwnerReport build() {
            return new OwnerReport(business, zone, currency, asOf, days, callBacks, slaMisses, pending, renewals, lowStock,
                    leakage, map, branches, technicians, serviceTypes, reconciliation, howRun, unhappy, messages);
        }
    }
}
