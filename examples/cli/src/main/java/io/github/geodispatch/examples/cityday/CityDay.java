package io.github.geodispatch.examples.cityday;
import io.github.geodispatch.GeoDispatch;
import io.github.geodispatch.billing.PriceBasis;
import io.github.geodispatch.examples.Progress;
import io.github.geodispatch.geofence.JobVisitFinding;
import io.github.geodispatch.insight.Grouping;
import io.github.geodispatch.insight.KpiQuery;
import io.github.geodispatch.insight.KpiReport;
import io.github.geodispatch.insight.OwnerView;
import io.github.geodispatch.job.IdGenerator;
import io.github.geodispatch.payment.CashDeposit;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.StatementCredit;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * One city-day, end to end: generate the world from the seed, run it through the job record, the dispatcher
 * and the owner view, and keep everything the dashboard, the report and the journal need. Not thread-safe.
 */
final class CityDay {
    /** The audit looks at the day from three days later, so every grace period (at most 48 h) has run out. */
    static final Instant AUDIT_AS_OF = CityWorld.at(LocalTime.of(9, 0)).plus(Duration.ofDays(3));
    static final Instant DAY_END = CityWorld.at(LocalTime.of(23, 59));

    /**
     * {@code planSteps}: local-search steps of the morning plan per booked job; 0 runs the greedy baseline office
     * instead of the dispatch engines. {@code planGuard}: the plan's optional wall-clock cap ({@code null} = none).
     */
    record Options(long seed, int technicians, int jobs, int planSteps, Duration planGuard) {}

    /** Which engine (or stand-in) produced each part of the day, in the order the report lists them. */
    record EngineUse(String part, String by, boolean engine) {}

    /** The day being played, or the last one played (a week plays several on one front door). */
    CityWorld world;
    /** The front door every engine of the day is reached through, on the simulated clock. */
    final GeoDispatch gd;
    final SimClock clock;
    final OwnerView owner;
    final EngineDesk desk;
    final Dispatcher dispatcher;
    final List<JobEvent> events = new ArrayList<>();
    final List<CitySimulation.Ping> pings = new ArrayList<>();
    final List<StatementCredit> credits = new ArrayList<>();
    final List<CashDeposit> deposits = new ArrayList<>();
    final List<EngineUse> engines = new ArrayList<>();
    /** Facts recorded outside the job record (a week's customers, contracts and stock), for the journal. */
    final List<JournalExport.Timed> extraRecords = new ArrayList<>();
    final Presence presence;
    final LeakageWatch leakage;
    final Billing billing;
    /** Hears every simulated tick after the clock moved to it (a week's messaging sends what is due); none for a day. */
    Consumer<Instant> onTick = now -> { };
    /** Arrivals the site visits recorded or verified (taken at the end of the day). */
    List<JobVisitFinding> arrivals = List.of();
    CitySimulation.Run run;

    private final CitySimulation.Outputs outputs = new CitySimulation.Outputs() {
        @Override
        public void tick(Instant now) {
            clock.advanceTo(now);
            onTick.accept(now);
        }

        @Override
        public void ping(CitySimulation.Ping ping) {
            pings.add(ping);
            presence.ping(ping);
        }

        @Override
        public void credit(StatementCredit credit) {
            credits.add(credit);
            clock.advanceTo(credit.at());
            leakage.credit(credit);
        }

        @Override
        public void invoiceDue(CityWorld.JobRequest job, Instant at) {
            clock.advanceTo(at);
            billing.invoice(job);
        }

        @Override
        public void deposit(CashDeposit deposit) {
            deposits.add(deposit);
            clock.advanceTo(deposit.at());
            leakage.deposit(deposit);
        }
    };

    /** The business on its front door, before its first day is played ({@code world} gives the team and the seller). */
    CityDay(CityWorld world, Options options) {
        this(world, options, UnaryOperator.identity());
    }

    /** As {@link #CityDay(CityWorld, Options)}, with {@code frontDoor} adding settings (a week's messaging) to the builder. */
    CityDay(CityWorld world, Options options, UnaryOperator<GeoDispatch.Builder> frontDoor) {
        this.world = world;
        this.clock = new SimClock(world.on(CitySimulation.START_TIME));
        this.gd = frontDoor.apply(GeoDispatch.builder()
                .business(CityWorld.TENANT, Currency.INR, CityWorld.ZONE)
                .clock(clock)
                .idGenerator(IdGenerator.sequential(world.seed))
                .travelTimes(new Travel())
                .planTermination(EngineOffice.termination(Math.max(options.planSteps(), 1), options.planGuard()))
                .planSeed(world.seed)
                .seller(Billing.seller(world), PriceBasis.TAX_INCLUSIVE)
                .taxRegime(Billing.regime())
                .usualParts(JobKind.usualParts()))         // the planner prefers a van holding the job's parts
                .build();
        gd.dispatch().putTechnicians(EngineOffice.technicians(world));
        this.owner = gd.owner();
        this.leakage = new LeakageWatch(gd.payments());
        this.desk = new EngineDesk(world, gd.jobs(), clock, e -> {
            events.add(e);
            leakage.event(e);
        });
        this.dispatcher = options.planSteps() == 0 ? new GreedyDispatcher(new Travel())
                : new EngineOffice(gd, clock, options.planSteps(), options.planGuard());
        this.presence = new Presence(world, gd.visits());
        this.billing = new Billing(gd.billing());
        engines.add(new EngineUse("job record", desk.name(), true));
        engines.add(new EngineUse("morning plan and live dispatch", dispatcher.name(), options.planSteps() > 0));
        engines.add(new EngineUse("pings to visits and attendance",
                "GeoDispatch visits: a fence per branch, the job record adds one per job site; attendance from the visits; "
                        + "each visit at an assigned job's site records or verifies its arrival, completions with no visit flagged", true));
        engines.add(new EngineUse("payments, reconciliation and leakage", "GeoDispatch payments: the leakage rules, statement "
                + "reconciliation and the technicians' cash, fed live with job events, UPI credits, cash deposits and site "
                + "visits; audited " + CitySimulation.hhmm(AUDIT_AS_OF) + " IST three days later", true));
        engines.add(new EngineUse("GST invoices", "GeoDispatch billing (India GST, a series per branch) 5 minutes after "
                + "completion: drafted from the job record, handed to accounts, the hand-off recorded on the job", true));
        engines.add(new EngineUse("owner's KPIs", "GeoDispatch owner's view (incremental, fed every event as it happened)", true));
    }

    /** Runs the day, reporting its phases to {@code progress}; the caller ends the last one. */
    static CityDay run(Options options, Progress progress) {
        progress.phase("building the world", 0);
        CityDay day = new CityDay(CityWorld.generate(options.seed(), options.technicians(), options.jobs()), options);
        day.play(day.world, new PhasedProgress(progress, day.world, ""), List.of(), Map.of());
        progress.phase("auditing the day", 0);
        day.leakage.audit(AUDIT_AS_OF);
        return day;
    }

    /**
     * Plays {@code world}'s day on this front door: its requests arrive and are created, the morning plan places them
     * together with {@code carriedIn} (jobs created on an earlier day, not yet done, with the mistakes planted on
     * them then), and the day runs to its end.
     * The technicians on the dispatch board must already have the day's shifts.
     */
    CitySimulation.Run play(CityWorld world, CitySimulation.Progress progress, List<CityWorld.JobRequest> carriedIn,
                            Map<JobId, CityWorld.MistakeKind> plantedEarlier) {
        this.world = world;
        CitySimulation sim = new CitySimulation(world, desk, dispatcher, new Travel(), outputs);
        sim.carryIn(carriedIn, plantedEarlier);
        run = sim.run(progress);
        presence.finish(world.day);
        arrivals = gd.visits().takeArrivals();
        return run;
    }

    /** Takes a job the front door created (not through the desk) into the desk's knowledge, to be worked. */
    void adopt(CityWorld.JobRequest request) {
        desk.adopt(request);
    }

    /**
     * The simulation's reports as phases: the simulated minutes before the morning plan, the plan (whose steps the
     * engine does not report), the minutes after it; the status is the simulated time and the jobs completed.
     */
    static final class PhasedProgress implements CitySimulation.Progress {
        private final Progress progress;
        private final String day;
        private final Instant planAt;
        private final Instant end;
        private Instant reported;
        private boolean planning;

        /** {@code day} names the day before each phase's name ("" for city-day's one day). */
        PhasedProgress(Progress progress, CityWorld world, String day) {
            this.progress = progress;
            this.day = day;
            this.reported = world.on(CitySimulation.START_TIME);
            this.planAt = world.on(CitySimulation.PLAN_TIME);
            this.end = world.on(CitySimulation.END_TIME);
            progress.phase(day + simulating(reported, planAt), minutes(reported, planAt));
        }

        @Override
        public void planning(Instant simTime) {
            advanceTo(simTime);
            progress.phase(day + "the morning plan", 0);
            planning = true;
        }

        @Override
        public void at(Instant simTime, double fraction, int completed, int total) {
            if (planning) {
                planning = false;
                progress.phase(day + simulating(planAt, end), minutes(planAt, end));
            }
            advanceTo(simTime);
            progress.status(CitySimulation.hhmm(simTime) + " IST, completed " + completed + "/" + total);
        }

        private void advanceTo(Instant simTime) {
            progress.advance(minutes(reported, simTime));
            reported = simTime;
        }

        private static String simulating(Instant from, Instant to) {
            return "simulating " + CitySimulation.hhmm(from) + "-" + CitySimulation.hhmm(to);
        }

        private static long minutes(Instant from, Instant to) {
            return Duration.between(from, to).toMinutes();
        }
    }

    /** Completed jobs whose technician the geofence never saw at the site between assignment and completion. */
    List<JobId> unverifiedCompletions() {
        return gd.visits().completedWithoutVisit(DAY_END).stream().map(JobVisitFinding.CompletedWithoutVisit::job).toList();
    }

    KpiReport report(Grouping grouping) {
        return owner.report(KpiQuery.day(CityWorld.DAY, grouping, DAY_END));
    }

    /**
     * The planted mistakes the day made, with the cash keeper filled in from the run. A mistake planted on a job is
     * made when the job is done: one on a job the day did not do (not placed, or carried over) was not made.
     */
    List<CityWorld.Mistake> mistakes() {
        List<CityWorld.Mistake> out = new ArrayList<>();
        for (CityWorld.Mistake m : world.mistakes.values()) {
            if (!notDone(m)) {
                out.add(m.kind() == CityWorld.MistakeKind.CASH_NOT_DEPOSITED
                        ? new CityWorld.Mistake(m.kind(), null, run.cashKeeper(), null) : m);
            }
        }
        return out;
    }

    /** How many mistakes were planted on jobs the day did not do, so were not made. */
    long mistakesNotMade() {
        return world.mistakes.values().stream().filter(this::notDone).count();
    }

    private boolean notDone(CityWorld.Mistake m) {
        return m.job() != null && (run.unplaced().contains(m.job()) || run.carriedOver().contains(m.job()));
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
