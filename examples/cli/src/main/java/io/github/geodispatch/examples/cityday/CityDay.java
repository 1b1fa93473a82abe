package io.github.geodispatch.examples.cityday;

import io.github.geodispatch.geofence.FenceIndex;
import io.github.geodispatch.geofence.JobVisitFinding;
import io.github.geodispatch.internal.JobVisitLink;
import io.github.geodispatch.payment.CashDeposit;
import io.github.geodispatch.insight.Grouping;
import io.github.geodispatch.insight.KpiQuery;
import io.github.geodispatch.insight.KpiReport;
import io.github.geodispatch.insight.OwnerView;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.StatementCredit;

import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One city-day, end to end: generate the world from the seed, run it through the job record, the dispatcher
 * and the owner view, and keep everything the dashboard, the report and the journal need. Not thread-safe.
 */
final class CityDay {
    /** The audit looks at the day from three days later, so every grace period (at most 48 h) has run out. */
    static final Instant AUDIT_AS_OF = CityWorld.at(LocalTime.of(9, 0)).plus(java.time.Duration.ofDays(3));
    static final Instant DAY_END = CityWorld.at(LocalTime.of(23, 59));

    /** {@code planSeconds} = 0 runs the greedy baseline office instead of the dispatch engines. */
    record Options(long seed, int technicians, int jobs, int planSeconds) {}

    /** Which engine (or stand-in) produced each part of the day, in the order the report lists them. */
    record EngineUse(String part, String by, boolean engine) {}

    final CityWorld world;
    final OwnerView owner;
    final EngineDesk desk;
    final Dispatcher dispatcher;
    final List<JobEvent> events = new ArrayList<>();
    final List<CitySimulation.Ping> pings = new ArrayList<>();
    final List<StatementCredit> credits = new ArrayList<>();
    final List<CashDeposit> deposits = new ArrayList<>();
    final List<EngineUse> engines = new ArrayList<>();
    final Presence presence;
    /** Joins the geofence's visits to the job record: ARRIVED from a visit, taps verified, completions with no visit. */
    final JobVisitLink visitLink;
    final LeakageWatch leakage;
    final Billing billing;
    CitySimulation.Run run;

    private CityDay(CityWorld world, int planSeconds) {
        this.world = world;
        this.leakage = new LeakageWatch(world);
        this.owner = OwnerView.builder().tenant(CityWorld.TENANT).currency(Currency.INR).zone(CityWorld.ZONE).build();
        this.desk = new EngineDesk(world, e -> {
            events.add(e);
            owner.accept(e);
            leakage.event(e);
        });
        this.dispatcher = planSeconds == 0 ? new GreedyDispatcher(new Travel())
                : new EngineOffice(world, new Travel(), java.time.Duration.ofSeconds(planSeconds));
        FenceIndex fences = Presence.fences(world);
        this.visitLink = new JobVisitLink(desk.engine(), fences, java.time.Duration.ofMinutes(10));
        desk.engine().subscribe(visitLink);
        this.presence = new Presence(fences, leakage::geofence, visitLink);
        this.billing = new Billing(world);
        engines.add(new EngineUse("job record", desk.name(), true));
        engines.add(new EngineUse("morning plan and live dispatch", dispatcher.name(), planSeconds > 0));
        engines.add(new EngineUse("pings to visits and attendance",
                "geofence VisitTracker over an H3 FenceIndex (a fence per branch and job site); attendance derived from its visits; "
                        + "JobVisitLink ties visits to the job record (ARRIVED taps verified, completions with no visit flagged)", true));
        engines.add(new EngineUse("payments, reconciliation and leakage", "leakage.LeakageMonitor (payment.Reconciler for "
                + "statement credits, payment.CashLedger for cash) fed live: engine events, UPI credits, cash deposits, geofence "
                + "site visits; audited " + CitySimulation.hhmm(AUDIT_AS_OF) + " IST three days later", true));
        engines.add(new EngineUse("GST invoices", "billing InvoiceDrafter (India GST, a series per branch) 5 minutes after "
                + "completion; handoff recorded on the job through DispatchEngine", true));
        engines.add(new EngineUse("owner's KPIs", "insight.OwnerView (incremental, fed every event as it happened)", true));
    }

    static CityDay run(Options options, CitySimulation.Progress progress) {
        CityDay day = new CityDay(CityWorld.generate(options.seed(), options.technicians(), options.jobs()), options.planSeconds());
        CitySimulation sim = new CitySimulation(day.world, day.desk, day.dispatcher, new Travel(), new CitySimulation.Outputs() {
            @Override
            public void ping(CitySimulation.Ping ping) {
                day.pings.add(ping);
                day.presence.ping(ping);
            }

            @Override
            public void credit(StatementCredit credit) {
                day.credits.add(credit);
                day.leakage.credit(credit);
            }

            @Override
            public void invoiceDue(CityWorld.JobRequest job, Instant at) {
                day.billing.draft(job, day.desk.stream(job.id())).ifPresent(inv -> day.desk.invoice(job.id(), inv.number(),
                        inv.total(), inv.lines().stream().filter(l -> l.sku() != null && !l.service()).map(l -> l.sku()).toList(), at));
            }

            @Override
            public void deposit(CashDeposit deposit) {
                day.deposits.add(deposit);
                day.leakage.deposit(deposit);
                day.owner.accept(deposit, day.world.tech(deposit.technician()).branch().id());
            }
        });
        day.run = sim.run(progress);
        day.presence.finish();
        day.presence.attendance(day.world).forEach(day.owner::accept);
        day.leakage.audit(AUDIT_AS_OF).forEach(f -> day.owner.accept(day.leakage.risk(f)));
        return day;
    }

    /** Completed jobs whose technician the geofence never saw at the site between assignment and completion. */
    List<JobId> unverifiedCompletions() {
        return visitLink.completedWithoutVisit(DAY_END).stream().map(JobVisitFinding.CompletedWithoutVisit::job).toList();
    }

    KpiReport report(Grouping grouping) {
        return owner.report(KpiQuery.day(CityWorld.DAY, grouping, DAY_END));
    }

    /** The planted mistakes with the cash keeper filled in from the run. */
    List<CityWorld.Mistake> mistakes() {
        List<CityWorld.Mistake> out = new ArrayList<>();
        for (CityWorld.Mistake m : world.mistakes.values()) {
            out.add(m.kind() == CityWorld.MistakeKind.CASH_NOT_DEPOSITED
                    ? new CityWorld.Mistake(m.kind(), null, run.cashKeeper(), null) : m);
        }
        return out;
    }

    Map<String, Long> jobStates() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("created", (long) world.jobs.size());
        m.put("completed", (long) run.completed());
        m.put("carried over", (long) run.carriedOver().size());
        m.put("not placed", (long) run.unplaced().size());
        return m;
    }
}
