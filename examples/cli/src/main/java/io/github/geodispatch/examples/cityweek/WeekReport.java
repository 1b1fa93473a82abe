package io.github.geodispatch.examples.cityweek;

import io.github.geodispatch.GeoDispatch;
import io.github.geodispatch.examples.cityday.CityBusiness;
import io.github.geodispatch.examples.report.BranchRow;
import io.github.geodispatch.examples.report.CallBack;
import io.github.geodispatch.examples.report.DayFigures;
import io.github.geodispatch.examples.report.HowRun;
import io.github.geodispatch.examples.report.LeakageItem;
import io.github.geodispatch.examples.report.LowStock;
import io.github.geodispatch.examples.report.MessageDay;
import io.github.geodispatch.examples.report.OwnerReport;
import io.github.geodispatch.examples.report.PendingCollection;
import io.github.geodispatch.examples.report.Reconciliation;
import io.github.geodispatch.examples.report.RenewalDue;
import io.github.geodispatch.examples.report.ReportMap;
import io.github.geodispatch.examples.report.ServiceTypeRow;
import io.github.geodispatch.examples.report.Share;
import io.github.geodispatch.examples.report.SlaMiss;
import io.github.geodispatch.examples.report.TechnicianRow;
import io.github.geodispatch.examples.report.UnhappyCustomer;
import io.github.geodispatch.examples.report.Utilisation;
import io.github.geodispatch.insight.CustomerCareKpis;
import io.github.geodispatch.insight.Grouping;
import io.github.geodispatch.insight.KpiQuery;
import io.github.geodispatch.insight.Kpis;
import io.github.geodispatch.insight.Ratio;
import io.github.geodispatch.job.JobState;
import io.github.geodispatch.leakage.Finding;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.DeliveryStatus;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.stock.MarginLine;
import io.github.geodispatch.insight.PartsKpis;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The week in the owner's report model: each day's figures from the owner's view, the action lists (customers to call
 * back, SLA misses, pending collections, renewals, low van stock, leakage with its evidence), the last working day's
 * map, the breakdowns by branch, technician and service, the reconciliation of revenue with collected and pending,
 * and how the week was run. Stateless.
 */
final class WeekReport {
    static final String BUSINESS = "Cool Care Home Services, Bengaluru";

    private WeekReport() {}

    static OwnerReport of(CityWeek.Week week, String command) {
        CityWeek.Settings s = week.settings();
        GeoDispatch gd = week.frontDoor();
        CityBusiness business = week.business();
        Actor owner = Actor.owner(CityWeek.TENANT, "owner");
        Instant asOf = s.auditAsOf();
        Map<JobId, CityBusiness.JobLine> lines = new LinkedHashMap<>();
        week.days().forEach(d -> d.played().created().forEach(l -> lines.put(l.job(), l)));
        Map<TechnicianId, CityBusiness.TeamMember> team = new LinkedHashMap<>();
        business.team().forEach(t -> team.put(t.id(), t));
        Map<BranchId, String> branchNames = new LinkedHashMap<>();
        business.branches().forEach(b -> branchNames.put(b.id(), b.name()));
        Map<JobId, LocalDate> findingDays = new LinkedHashMap<>();
        Map<LocalDate, Money> leakageByDay = new TreeMap<>();
        for (Finding f : week.findings()) {
            LocalDate day = CityWeek.dayOf(f, week.planted(), week.plantedStock(), business, s);
            leakageByDay.merge(day, f.amountAtRisk(), Money::plus);
            if (f.job() != null) {
                findingDays.put(f.job(), day);
            }
        }

        OwnerReport.Builder b = OwnerReport.builder(BUSINESS, CityWeek.ZONE, Currency.INR).asOf(asOf);
        for (CityWeek.Day d : week.days()) {
            Kpis k = d.kpis();
            CustomerCareKpis care = gd.owner().customerCare(d.played().day(), d.played().day());
            b.day(new DayFigures(d.played().day(), k.jobsCreated(), k.jobsCompleted(), d.played().notPlaced().size(),
                    k.revenue(), k.collected(), k.pendingCollections(), share(k.slaCompliance()), share(k.firstTimeFix()),
                    new Share(care.satisfied(), care.ratings()), utilisation(k.utilisation()),
                    leakageByDay.getOrDefault(d.played().day(), Money.inr(0))));
        }
        customers(b, week, gd, owner, team, lines);
        // each customer once, for the first day their job was left: not placed, or moved to another day
        Map<JobId, CallBack.Reason> toCall = new LinkedHashMap<>();
        for (CityWeek.Day d : week.days()) {
            d.played().notPlaced().forEach(job -> toCall.putIfAbsent(job, CallBack.Reason.NOT_PLACED));
            d.played().carriedOver().forEach(job -> toCall.putIfAbsent(job, CallBack.Reason.RESCHEDULED));
        }
        toCall.forEach((job, reason) -> {
            CityBusiness.JobLine l = lines.get(job);
            if (l != null) {
                b.callBack(new CallBack(l.customerName(), phone(week, l.customerId()), job.value(), service(l.kind()),
                        reason, l.arrivesAt()));
            }
        });
        for (CityBusiness.JobLine l : lines.values()) {
            if (l.slaDeadline() == null || l.slaDeadline().isAfter(asOf)) {
                continue;
            }
            JobState state = gd.jobs().job(owner, l.job()).orElseThrow();
            if (state.arrivedAt() == null || state.arrivedAt().isAfter(l.slaDeadline())) {
                CityBusiness.TeamMember tech = state.technician() == null ? null : team.get(state.technician());
                b.slaMiss(new SlaMiss(l.customerName(), l.job().value(), service(l.kind()),
                        branchNames.get(l.branch()), tech == null ? "not assigned" : tech.name(), l.slaDeadline(),
                        Optional.ofNullable(state.arrivedAt())));
            }
        }
        for (io.github.geodispatch.insight.PendingCollection p : gd.owner().pendingCollections(CityWeek.FIRST_DAY, s.lastDay())) {
            CityBusiness.JobLine l = lines.get(p.job());
            CityBusiness.TeamMember tech = p.technician() == null ? null : team.get(p.technician());
            String customer = l != null ? l.customerName() : customerName(week, gd, owner, p.job());
            String customerId = gd.jobs().job(owner, p.job()).map(j -> j.customer().value()).orElse("");
            b.pending(new PendingCollection(customer, phone(week, customerId), p.job().value(),
                    tech == null ? "—" : tech.name(), p.pending(), p.completedAt()));
        }
        for (io.github.geodispatch.contract.RenewalDue r : week.contracts().renewalsDue(s.lastDay())) {
            WeekContracts.AmcCustomer c = week.contracts().customer(r.customer());
            b.renewal(new RenewalDue(c == null ? r.customer().value() : c.name(), phone(week, r.customer().value()),
                    "AC AMC, breakdown calls covered", r.end(), r.price()));
        }
        for (io.github.geodispatch.stock.LowStockAlert a : week.stock().lowStock()) {
            CityBusiness.TeamMember tech = a.technician() == null ? null : team.get(a.technician());
            b.lowStock(new LowStock(tech == null ? a.location().value() : tech.name(), partName(a.sku()), a.quantity(),
                    a.minimum()));
        }
        for (Finding f : week.findings()) {
            CityBusiness.TeamMember tech = f.technician() == null ? null : team.get(f.technician());
            b.leakage(new LeakageItem(what(f), tech == null ? "—" : tech.name(), f.job() == null ? "—" : f.job().value(),
                    f.amountAtRisk(), f.evidence().stream().map(business::evidence).collect(Collectors.joining("; "))));
        }
        b.map(map(week, gd, owner, team, branchNames));
        breakdowns(b, week, gd, owner, team, branchNames, lines);
        b.reconciliation(reconciliation(week));
        b.howRun(new HowRun(command, s.seed(), s.technicians(), lines.size(), List.of(
                "Each day the city-day world of the seed: customers' requests through the day, a technician team on a "
                        + "calendar (Sunday closed, a weekday off for one technician in eight).",
                "Each working morning the AMC contracts' visits due that day became jobs, and the vans were topped up "
                        + "from the branch stores.",
                "At 08:00 a planner placed the booked jobs and those carried over; later jobs went to the best-placed "
                        + "technician as they came in.",
                "Phones reported where technicians were; a site visit recorded each arrival; GST invoices followed "
                        + "completed jobs; payments were matched to bank credits.",
                "Customers heard about their jobs on WhatsApp (quiet from 21:00 to 08:00); installations and repairs "
                        + "were approved with a one-time code; four in ten customers answered the rating link.",
                "Three days after the last day every leakage rule looked at the whole period.")));
        return b.build();
    }

    /** The last working day: the branches, that day's job sites by outcome, each technician's ride. */
    private static ReportMap map(CityWeek.Week week, GeoDispatch gd, Actor owner, Map<TechnicianId, CityBusiness.TeamMember> team,
                                 Map<BranchId, String> branchNames) {
        CityWeek.Day last = week.days().stream().filter(d -> d.played().open()).reduce((a, c) -> c).orElseThrow();
        List<ReportMap.Branch> branches = week.business().branches().stream()
                .map(x -> new ReportMap.Branch(x.name(), x.location())).toList();
        List<ReportMap.Site> sites = new ArrayList<>();
        for (CityBusiness.JobLine l : last.played().created()) {
            JobState state = gd.jobs().job(owner, l.job()).orElseThrow();
            ReportMap.Outcome outcome = state.status() == JobStatus.COMPLETED || state.status() == JobStatus.CLOSED
                    ? ReportMap.Outcome.COMPLETED : last.played().notPlaced().contains(l.job())
                    ? ReportMap.Outcome.NOT_PLACED : ReportMap.Outcome.OPEN;
            sites.add(new ReportMap.Site(l.site().location(), l.job().value() + " " + l.customerName(), outcome));
        }
        List<ReportMap.Ride> rides = new ArrayList<>();
        last.played().rides().forEach((id, points) -> {
            if (points.size() > 1) {
                CityBusiness.TeamMember t = team.get(id);
                rides.add(new ReportMap.Ride(t.name(), branchNames.get(t.branch()), points));
            }
        });
        return new ReportMap(branches, sites, rides);
    }

    private static void breakdowns(OwnerReport.Builder b, CityWeek.Week week, GeoDispatch gd, Actor owner,
                                   Map<TechnicianId, CityBusiness.TeamMember> team, Map<BranchId, String> branchNames,
                                   Map<JobId, CityBusiness.JobLine> lines) {
        CityWeek.Settings s = week.settings();
        for (Kpis k : gd.owner().report(KpiQuery.range(CityWeek.FIRST_DAY, s.lastDay(), Grouping.BRANCH, s.auditAsOf())).rows()) {
            String name = branchNames.getOrDefault(BranchId.of(k.group()), k.group());
            b.branch(new BranchRow(name, k.technicians(), k.jobsCreated(), k.jobsCompleted(), k.revenue(), k.collected(),
                    k.pendingCollections(), share(k.slaCompliance()), share(k.firstTimeFix()),
                    csat(week, r -> BranchId.of(k.group()).equals(r.branch()))));
        }
        PartsKpis parts = gd.owner().parts(CityWeek.FIRST_DAY, s.lastDay());
        Map<String, Money> marginByTech = new LinkedHashMap<>();
        for (MarginLine m : parts.byTechnician()) {
            marginByTech.put(m.group(), m.revenue().minus(m.cost()));
        }
        Map<TechnicianId, Long> ridden = new LinkedHashMap<>();
        week.days().forEach(d -> d.played().rides().forEach((id, points) -> ridden.merge(id, metres(points), Long::sum)));
        for (Kpis k : gd.owner().report(KpiQuery.range(CityWeek.FIRST_DAY, s.lastDay(), Grouping.TECHNICIAN, s.auditAsOf())).rows()) {
            CityBusiness.TeamMember t = team.get(TechnicianId.of(k.group()));
            if (t == null) {
                continue; // jobs no technician holds are listed as call-backs, not as a person
            }
            b.technician(new TechnicianRow(t.name(), branchNames.get(t.branch()), k.jobsCompleted(),
                    csat(week, r -> t.id().equals(r.technician())),
                    share(k.firstTimeFix()), share(k.slaCompliance()), k.revenue(),
                    Optional.of(marginByTech.getOrDefault(t.id().value(), Money.inr(0))), utilisation(k.utilisation()),
                    ridden.getOrDefault(t.id(), 0L)));
        }
        Map<String, long[]> byService = new TreeMap<>();
        Map<String, Money> revenueByService = new TreeMap<>();
        for (CityWeek.Day d : week.days()) {
            for (Map.Entry<JobId, Long> due : d.played().duePaise().entrySet()) {
                CityBusiness.JobLine l = lines.get(due.getKey());
                String kind = l != null ? l.kind() : "AMC_VISIT";
                long[] counts = byService.computeIfAbsent(kind, x -> new long[2]);
                counts[0]++;
                boolean rescheduled = gd.jobs().history(owner, due.getKey()).stream().anyMatch(e ->
                        e instanceof JobEvent.StatusChanged c && c.status() == JobStatus.RESCHEDULED);
                counts[1] += rescheduled ? 0 : 1;
                revenueByService.merge(kind, Money.inr(due.getValue()), Money::plus);
            }
        }
        byService.forEach((kind, counts) -> b.serviceType(new ServiceTypeRow(service(kind), counts[0],
                revenueByService.get(kind), Optional.empty(), new Share(counts[1], counts[0]))));
    }

    /** The share of the week's ratings {@code which} selects that gave 4 or 5 stars. */
    static Share csat(CityWeek.Week week, Predicate<WeekMessages.Rating> which) {
        List<WeekMessages.Rating> rated = week.messages().ratings().stream().filter(which).toList();
        return new Share(rated.stream().filter(WeekMessages.Rating::satisfied).count(), rated.size());
    }

    /** The customers who rated a job 1 or 2 stars, and the messages to customers by the day they were written. */
    private static void customers(OwnerReport.Builder b, CityWeek.Week week, GeoDispatch gd, Actor owner,
                                  Map<TechnicianId, CityBusiness.TeamMember> team, Map<JobId, CityBusiness.JobLine> lines) {
        for (WeekMessages.Rating r : week.messages().ratings()) {
            if (r.rating() > 2) {
                continue;
            }
            CityBusiness.JobLine l = lines.get(r.job());
            CityBusiness.TeamMember tech = r.technician() == null ? null : team.get(r.technician());
            b.unhappy(new UnhappyCustomer(l != null ? l.customerName() : customerName(week, gd, owner, r.job()),
                    phone(week, r.customer().value()), r.job().value(), service(l != null ? l.kind() : "AMC_VISIT"),
                    tech == null ? "—" : tech.name(), r.rating(), r.comment(), r.at()));
        }
        Map<LocalDate, long[]> byDay = new TreeMap<>();
        for (CityWeek.Day d : week.days()) {
            byDay.put(d.played().day(), new long[6]);
        }
        for (WeekMessages.CustomerMessage m : week.messages().toCustomers()) {
            long[] c = byDay.get(LocalDate.ofInstant(m.queuedAt(), CityWeek.ZONE));
            if (c == null) {
                continue; // written the morning after the last day: not one of the week's days
            }
            DeliveryStatus status = m.stored().status();
            c[0]++;
            c[1] += m.stored().sentAt() != null ? 1 : 0;
            c[2] += status == DeliveryStatus.DELIVERED || status == DeliveryStatus.READ ? 1 : 0;
            c[3] += status == DeliveryStatus.READ ? 1 : 0;
            c[4] += status == DeliveryStatus.FAILED || status == DeliveryStatus.EXPIRED ? 1 : 0;
            c[5] += m.heldForQuietHours() ? 1 : 0;
        }
        byDay.forEach((day, c) -> b.messages(new MessageDay(day, c[0], c[1], c[2], c[3], c[4], c[5])));
    }

    /**
     * Revenue against collected plus pending over the week: the owner's view counts revenue as the amount due, and
     * pending against the invoice; a part logged after its job's invoice is in the first and not the second.
     */
    static Reconciliation reconciliation(CityWeek.Week week) {
        Money revenue = Money.inr(0);
        Money collected = Money.inr(0);
        Money pending = Money.inr(0);
        for (CityWeek.Day d : week.days()) {
            revenue = revenue.plus(d.kpis().revenue());
            collected = collected.plus(d.kpis().collected());
            pending = pending.plus(d.kpis().pendingCollections());
        }
        List<Reconciliation.Difference> differences = new ArrayList<>();
        Money explained = Money.inr(0);
        for (Finding f : week.findings()) {
            if (f.code().name().equals("PARTS_NOT_BILLED")) {
                differences.add(new Reconciliation.Difference("A part logged after its invoice, not billed (job "
                        + f.job().value() + ")", f.amountAtRisk()));
                explained = explained.plus(f.amountAtRisk());
            }
        }
        Money rest = revenue.minus(collected).minus(pending).minus(explained);
        if (!rest.isZero()) {
            differences.add(new Reconciliation.Difference("Other differences between what was due and what was billed",
                    rest));
        }
        return new Reconciliation(revenue, collected, pending, differences);
    }

    private static String customerName(CityWeek.Week week, GeoDispatch gd, Actor owner, JobId job) {
        CustomerId id = gd.jobs().job(owner, job).map(JobState::customer).orElse(null);
        WeekContracts.AmcCustomer c = id == null ? null : week.contracts().customer(id);
        return c != null ? c.name() : id != null ? id.value() : job.value();
    }

    /**
     * The customer's first phone from the customer record, written as people write an Indian mobile number
     * ({@code +91 98450 11223}); empty when the business has none.
     */
    static String phone(CityWeek.Week week, String customerId) {
        return week.frontDoor().customers().customer(Actor.owner(CityWeek.TENANT, "owner"), CustomerId.of(customerId))
                .map(c -> c.profile().phones()).filter(phones -> !phones.isEmpty())
                .map(phones -> phones.get(0).replaceFirst("^\\+91(\\d{5})(\\d{5})$", "+91 $1 $2")).orElse("");
    }

    static String service(String kind) {
        return switch (kind) {
            case "AC_SERVICE" -> "AC service";
            case "AC_REPAIR" -> "AC repair";
            case "RO_SERVICE" -> "RO purifier service";
            case "PEST_CONTROL" -> "Pest control";
            case "CCTV_INSTALL" -> "CCTV installation";
            case "ELECTRICAL_REPAIR" -> "Electrical repair";
            case "AMC_VISIT" -> "AMC visit";
            default -> kind.replace('_', ' ').toLowerCase(Locale.ROOT);
        };
    }

    static String partName(String sku) {
        return switch (sku) {
            case "CAP-35" -> "Capacitor 35 µF";
            case "GAS-R32" -> "R32 gas refill";
            case "RO-SED-10" -> "RO sediment filter";
            case "CAM-2MP" -> "2 MP camera";
            case "MCB-32A" -> "MCB 32 A";
            default -> sku;
        };
    }

    /** A finding in the owner's words, never its rule code. */
    static String what(Finding f) {
        return switch (f.code()) {
            case PAYMENT_STATUS_MISSING -> "Job done, no payment recorded";
            case PAYMENT_UNLINKED -> "Money received that matches no job";
            case PARTS_NOT_BILLED -> "Part used, not on the invoice";
            case GHOST_VISIT -> "Job closed without a visit to the site";
            case CASH_NOT_DEPOSITED -> "Cash collected, not deposited";
            case OFF_BOOK_PART -> "Part fitted that the van's stock did not hold";
            case STOCK_SHRINKAGE -> "Parts missing from a van at the count";
            case VAN_USE_UNEXPLAINED -> "Parts taken from a van for no job";
            default -> f.code().name().charAt(0) + f.code().name().substring(1).replace('_', ' ').toLowerCase(Locale.ROOT);
        };
    }

    private static Share share(Ratio r) {
        return new Share(r.numerator(), r.denominator());
    }

    /** The owner's view measures utilisation in seconds; the report in minutes. */
    private static Utilisation utilisation(Ratio r) {
        return new Utilisation(r.numerator() / 60, r.denominator() / 60);
    }

    private static long metres(List<GeoPoint> points) {
        double m = 0;
        for (int i = 1; i < points.size(); i++) {
            m += points.get(i - 1).distanceMetres(points.get(i));
        }
        return Math.round(m);
    }
}
