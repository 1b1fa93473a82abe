package io.github.geodispatch.examples.cityday;

import io.github.geodispatch.examples.report.BranchRow;
import io.github.geodispatch.examples.report.CallBack;
import io.github.geodispatch.examples.report.DayFigures;
import io.github.geodispatch.examples.report.Figures;
import io.github.geodispatch.examples.report.HowRun;
import io.github.geodispatch.examples.report.LeakageItem;
import io.github.geodispatch.examples.report.OwnerReport;
import io.github.geodispatch.examples.report.PendingCollection;
import io.github.geodispatch.examples.report.Reconciliation;
import io.github.geodispatch.examples.report.ReportMap;
import io.github.geodispatch.examples.report.ServiceTypeRow;
import io.github.geodispatch.examples.report.Share;
import io.github.geodispatch.examples.report.SlaMiss;
import io.github.geodispatch.examples.report.TechnicianRow;
import io.github.geodispatch.examples.report.Utilisation;
import io.github.geodispatch.insight.Grouping;
import io.github.geodispatch.insight.Kpis;
import io.github.geodispatch.insight.Ratio;
import io.github.geodispatch.leakage.Finding;
import io.github.geodispatch.leakage.LeakageCode;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.StatementCredit;
import io.github.geodispatch.spi.TechnicianId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fills the owner's report for one city-day from what the front door and the simulation recorded, in the owner's
 * words: names instead of ids, no engine types, amounts in rupees, times in IST. City-day has no customers' phone
 * numbers, ratings, contracts or van stock: those parts stay empty (the page shows a dash or "None"). Stateless.
 */
final class DayReport {
    static final String BUSINESS = "Cool Care · Bengaluru";

    private static final Map<LeakageCode, String> FINDING_WORDS = new EnumMap<>(LeakageCode.class);

    static {
        FINDING_WORDS.put(LeakageCode.PAYMENT_STATUS_MISSING, "Payment never recorded");
        FINDING_WORDS.put(LeakageCode.PAYMENT_UNVERIFIED, "Payment not confirmed by the bank");
        FINDING_WORDS.put(LeakageCode.PAYMENT_UNLINKED, "Money received that matches no job");
        FINDING_WORDS.put(LeakageCode.DUPLICATE_PAYMENT_REFERENCE, "One payment reference used twice");
        FINDING_WORDS.put(LeakageCode.SHORT_COLLECTION, "Collected less than billed");
        FINDING_WORDS.put(LeakageCode.PARTS_NOT_BILLED, "Parts used but not billed");
        FINDING_WORDS.put(LeakageCode.PROOF_MISSING, "Job closed without proof");
        FINDING_WORDS.put(LeakageCode.INVOICE_DELAYED, "Invoice made late");
        FINDING_WORDS.put(LeakageCode.CASH_NOT_DEPOSITED, "Cash collected, not deposited");
        FINDING_WORDS.put(LeakageCode.GHOST_VISIT, "Visit marked done without going there");
        FINDING_WORDS.put(LeakageCode.OFF_BOOK_VISIT, "Visit to a customer with no job booked");
        FINDING_WORDS.put(LeakageCode.COVERED_JOB_CHARGED, "Charged for work the contract covers");
        FINDING_WORDS.put(LeakageCode.EXTRA_VISIT_NOT_BILLED, "Extra visit not billed");
    }

    private final CityDay day;
    private final Figures fig = new Figures(Currency.INR, CityWorld.ZONE);
    /** Each job's events in order, and what became of it. */
    private final Map<JobId, List<JobEvent>> streams = new HashMap<>();

    private DayReport(CityDay day) {
        this.day = day;
        day.events.forEach(e -> streams.computeIfAbsent(e.header().job(), k -> new ArrayList<>()).add(e));
    }

    /** The day's report; {@code command} is the command line that made it, for the footer. */
    static OwnerReport of(CityDay day, String command) {
        return new DayReport(day).build(command);
    }

    private OwnerReport build(String command) {
        Kpis t = day.report(Grouping.TOTAL).total();
        OwnerReport.Builder b = OwnerReport.builder(BUSINESS, CityWorld.ZONE, Currency.INR).asOf(CityDay.DAY_END);
        b.day(new DayFigures(CityWorld.DAY, t.jobsCreated(), t.jobsCompleted(), day.run.unplaced().size(), t.revenue(),
                t.collected(), t.pendingCollections(), share(t.slaCompliance()), share(t.firstTimeFix()), Share.NONE,
                utilisation(t.utilisation()), t.leakageTotal()));
        callBacks(b);
        slaMisses(b);
        for (io.github.geodispatch.insight.PendingCollection p : day.owner.pendingCollections(CityWorld.DAY, CityWorld.DAY)) {
            b.pending(new PendingCollection(day.world.job(p.job()).customer().name(), "", p.job().value(),
                    p.technician() == null ? "nobody assigned" : day.world.tech(p.technician()).name(), p.pending(),
                    p.completedAt()));
        }
        day.leakage.findings().forEach(f -> b.leakage(leakage(f)));
        b.map(map());
        branches(b);
        technicians(b);
        serviceTypes(b);
        b.reconciliation(reconciliation(t));
        b.howRun(howRun(command));
        return b.build();
    }

    private static Share share(Ratio r) {
        return new Share(r.numerator(), r.denominator());
    }

    /** The owner's view counts seconds; the report counts minutes. */
    private static Utilisation utilisation(Ratio seconds) {
        return new Utilisation(seconds.numerator() / 60, seconds.denominator() / 60);
    }

    private void callBacks(OwnerReport.Builder b) {
        Set<JobId> listed = new HashSet<>();
        for (JobId id : day.run.unplaced()) {
            if (listed.add(id)) {
                b.callBack(callBack(id, CallBack.Reason.NOT_PLACED));
            }
        }
        for (CityWorld.JobRequest j : day.world.jobs) {
            boolean moved = day.run.carriedOver().contains(j.id()) || status(j.id(), JobStatus.RESCHEDULED).isPresent();
            if (moved && !completed(j.id()) && listed.add(j.id())) {
                b.callBack(callBack(j.id(), CallBack.Reason.RESCHEDULED));
            }
        }
    }

    private CallBack callBack(JobId id, CallBack.Reason reason) {
        CityWorld.JobRequest j = day.world.job(id);
        return new CallBack(j.customer().name(), "", id.value(), service(j.kind()), reason, j.arrivesAt());
    }

    private void slaMisses(OwnerReport.Builder b) {
        for (CityWorld.JobRequest j : day.world.jobs) {
            if (j.slaDeadline() == null || !j.slaDeadline().isBefore(CityDay.DAY_END)) {
                continue;
            }
            Optional<Instant> arrived = status(j.id(), JobStatus.ARRIVED);
            if (arrived.isPresent() && !arrived.get().isAfter(j.slaDeadline())) {
                continue;
            }
            b.slaMiss(new SlaMiss(j.customer().name(), j.id().value(), service(j.kind()), j.branch().name(),
                    technician(j.id()).map(id -> day.world.tech(id).name()).orElse("not assigned"), j.slaDeadline(), arrived));
        }
    }

    private Optional<Instant> status(JobId job, JobStatus status) {
        return streams.getOrDefault(job, List.of()).stream()
                .filter(e -> e instanceof JobEvent.StatusChanged s && s.status() == status)
                .map(e -> e.header().occurredAt()).findFirst();
    }

    private boolean completed(JobId job) {
        return status(job, JobStatus.COMPLETED).isPresent();
    }

    /** The technician last assigned to the job, if any. */
    private Optional<TechnicianId> technician(JobId job) {
        TechnicianId last = null;
        for (JobEvent e : streams.getOrDefault(job, List.of())) {
            if (e instanceof JobEvent.JobAssigned a) {
                last = a.technician();
            } else if (e instanceof JobEvent.JobUnassigned) {
                last = null;
            }
        }
        return Optional.ofNullable(last);
    }

    static String service(JobKind kind) {
        return switch (kind) {
            case AC_SERVICE -> "AC service";
            case AC_REPAIR -> "AC repair";
            case RO_SERVICE -> "RO service";
            case PEST_CONTROL -> "Pest control";
            case CCTV_INSTALL -> "CCTV installation";
            case ELECTRICAL_REPAIR -> "Electrical repair";
            case AMC_VISIT -> "AMC visit";
        };
    }

    private LeakageItem leakage(Finding f) {
        String what = FINDING_WORDS.getOrDefault(f.code(), sentence(f.code().name()));
        List<String> evidence = new ArrayList<>();
        f.evidence().forEach(ev -> evidence.add(evidence(ev)));
        if (evidence.isEmpty() && f.reference() != null) {
            evidence.add("Bank reference " + f.reference());
        }
        return new LeakageItem(what, f.technician() == null ? "—" : day.world.tech(f.technician()).name(),
                f.job() == null ? "—" : f.job().value(), f.amountAtRisk(),
                evidence.isEmpty() ? "No record beyond the finding itself" : String.join("; ", evidence));
    }

    private static String sentence(String code) {
        String words = code.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** One piece of evidence told in words, with times in IST. */
    private String evidence(String evidence) {
        Optional<JobEvent> event = day.leakage.event(evidence);
        if (event.isPresent()) {
            JobEvent e = event.get();
            String at = " at " + fig.time(e.header().occurredAt());
            String job = e.header().job().value() + ": ";
            if (e instanceof JobEvent.StatusChanged s) {
                return job + "marked " + s.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + at;
            } else if (e instanceof JobEvent.PaymentRecorded p) {
                return job + fig.money(p.amount()) + " recorded as paid by " + p.mode().name().toLowerCase(Locale.ROOT) + at;
            } else if (e instanceof JobEvent.PartUsed p) {
                return job + "part " + p.sku() + " used, " + fig.money(p.lineTotal()) + (p.billable() ? " to bill" : "") + at;
            } else if (e instanceof JobEvent.InvoiceHandedOff i) {
                return job + "invoice " + i.invoiceNumber() + " for " + fig.money(i.total()) + at;
            } else if (e instanceof JobEvent.JobAssigned a) {
                return job + "given to " + day.world.tech(a.technician()).name() + at;
            }
            return job + "updated" + at;
        }
        Optional<StatementCredit> credit = day.leakage.statement(evidence);
        if (credit.isPresent()) {
            StatementCredit c = credit.get();
            return c.source() + " credit of " + fig.money(c.amount()) + " from " + c.payer() + " at " + fig.time(c.at())
                    + (c.billRef() == null ? ", with no job reference" : ", for " + c.billRef());
        }
        return evidence;
    }

    private ReportMap map() {
        List<ReportMap.Branch> branches = day.world.branches.stream()
                .map(br -> new ReportMap.Branch(br.name(), br.location())).toList();
        Set<JobId> lost = new HashSet<>(day.run.unplaced());
        List<ReportMap.Site> sites = new ArrayList<>();
        for (CityWorld.JobRequest j : day.world.jobs) {
            ReportMap.Outcome outcome = completed(j.id()) ? ReportMap.Outcome.COMPLETED
                    : lost.contains(j.id()) ? ReportMap.Outcome.NOT_PLACED : ReportMap.Outcome.OPEN;
            sites.add(new ReportMap.Site(j.site().location(), j.id().value() + " " + service(j.kind()) + ", "
                    + j.customer().name(), outcome));
        }
        List<ReportMap.Ride> rides = new ArrayList<>();
        day.run.trails().forEach((id, points) -> {
            CityWorld.Tech tech = day.world.tech(id);
            rides.add(new ReportMap.Ride(tech.name(), tech.branch().name(), points));
        });
        return new ReportMap(branches, sites, rides);
    }

    private void branches(OwnerReport.Builder b) {
        Map<String, Kpis> rows = rows(Grouping.BRANCH);
        for (CityWorld.Branch br : day.world.branches) {
            Kpis k = rows.get(br.id().value());
            if (k == null) {
                continue;
            }
            long technicians = day.world.techs.stream().filter(t -> t.branch().equals(br)).count();
            b.branch(new BranchRow(br.name(), technicians, k.jobsCreated(), k.jobsCompleted(), k.revenue(), k.collected(),
                    k.pendingCollections(), share(k.slaCompliance()), share(k.firstTimeFix()), Share.NONE));
        }
    }

    /** Only people: the owner's view's row for jobs nobody was assigned to is not a technician. */
    private void technicians(OwnerReport.Builder b) {
        Map<String, Kpis> rows = rows(Grouping.TECHNICIAN);
        for (CityWorld.Tech tech : day.world.techs) {
            Kpis k = rows.get(tech.id().value());
            if (k == null) {
                continue;
            }
            b.technician(new TechnicianRow(tech.name(), tech.branch().name(), k.jobsCompleted(), Share.NONE,
                    share(k.firstTimeFix()), share(k.slaCompliance()), k.revenue(), Optional.empty(),
                    utilisation(k.utilisation()), rideMetres(day.run.trails().getOrDefault(tech.id(), List.of()))));
        }
    }

    private Map<String, Kpis> rows(Grouping grouping) {
        Map<String, Kpis> rows = new LinkedHashMap<>();
        day.report(grouping).rows().forEach(k -> rows.put(k.group(), k));
        return rows;
    }

    private static long rideMetres(List<GeoPoint> trail) {
        double metres = 0;
        for (int i = 1; i < trail.size(); i++) {
            metres += trail.get(i - 1).distanceMetres(trail.get(i));
        }
        return Math.round(metres);
    }

    /**
     * By service type, from the GST invoices (what was billed): a part added after its invoice is in the revenue
     * tile but not here, and the page's money section says by how much. First-time fix: completed without having
     * been moved to another visit.
     */
    private void serviceTypes(OwnerReport.Builder b) {
        Map<JobKind, Money> billed = new EnumMap<>(JobKind.class);
        Map<JobKind, long[]> jobs = new EnumMap<>(JobKind.class);
        day.billing.invoices().forEach(i -> billed.merge(day.world.job(i.job()).kind(), i.total(), Money::plus));
        for (CityWorld.JobRequest j : day.world.jobs) {
            if (completed(j.id())) {
                long[] n = jobs.computeIfAbsent(j.kind(), k -> new long[2]);
                n[0]++;
                if (status(j.id(), JobStatus.RESCHEDULED).isEmpty() && status(j.id(), JobStatus.ON_HOLD).isEmpty()) {
                    n[1]++;
                }
            }
        }
        for (JobKind kind : JobKind.values()) {
            long[] n = jobs.get(kind);
            if (n != null) {
                b.serviceType(new ServiceTypeRow(service(kind), n[0], billed.getOrDefault(kind, Money.inr(0)), Optional.empty(),
                        new Share(n[1], n[0])));
            }
        }
    }

    /** Revenue − collected − still owed: the parts billed after their invoice explain what remains. */
    private Reconciliation reconciliation(Kpis t) {
        List<Reconciliation.Difference> differences = new ArrayList<>();
        for (Finding f : day.leakage.findings()) {
            if (f.code() == LeakageCode.PARTS_NOT_BILLED && f.job() != null) {
                differences.add(new Reconciliation.Difference("Parts used on " + f.job().value()
                        + " after its invoice: earned, but not billed, so neither collected nor owed", f.amountAtRisk()));
            }
        }
        return new Reconciliation(t.revenue(), t.collected(), t.pendingCollections(), differences);
    }

    private HowRun howRun(String command) {
        CityWorld w = day.world;
        List<String> steps = new ArrayList<>();
        steps.add("Customers booked " + fig.count(w.jobs.size()) + " jobs across " + fig.count(w.branches.size())
                + " branches, some the evening before and the rest through the day.");
        steps.add(day.dispatcher instanceof EngineOffice
                ? "Before the day a planner placed the booked jobs with technicians who had the skills, "
                + "stopping after a fixed number of improvement steps; jobs booked later were placed as they came."
                : "Jobs were placed with the nearest free technician who had the skills (the planner was off).");
        steps.add("Technicians' phones sent their position " + fig.count(day.run.pings())
                + " times; arrivals at sites and branches were recognised from them.");
        steps.add("Customers paid by cash and UPI; a GST invoice was made five minutes after each job; the leakage "
                + "checks ran three days later, once every grace period had passed.");
        long found = day.mistakes().stream().filter(m -> day.leakage.finding(m).isPresent()).count();
        long notMade = day.mistakesNotMade();
        steps.add(fig.count(day.mistakes().size()) + " mistakes were planted for the checks to find; they found "
                + fig.count(found) + "." + (notMade == 0 ? "" : " " + fig.count(notMade)
                + " more were planted on jobs the day did not do, so were not made."));
        return new HowRun(command, w.seed, w.techs.size(), w.jobs.size(), steps);
    }
}
