package io.github.geodispatch.examples.cityday;
import io.github.geodispatch.payment.CashDeposit;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.Priority;
import io.github.geodispatch.spi.ProofKind;
import io.github.geodispatch.spi.StatementCredit;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TravelTimes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * Plays one {@link CityWorld} day in 30-second ticks from 07:00 to 21:30: jobs arrive, the dispatcher plans
 * the morning and places later jobs, technicians check in at their branch, ride to sites (their phones
 * pinging every 30 s with GPS noise), work, fill in job cards, take payment, and ride back to deposit cash.
 * People make the world's planted mistakes. Everything is driven by the world's seed. Not thread-safe.
 */
final class CitySimulation {
    static final Instant START = CityWorld.at(LocalTime.of(7, 0));
    static final Instant PLAN_AT = CityWorld.at(LocalTime.of(8, 0));
    static final Instant END = CityWorld.at(LocalTime.of(21, 30));
    static final Duration TICK = Duration.ofSeconds(30);

    /** A phone's location report. */
    record Ping(String pingId, TechnicianId technician, Instant at, GeoPoint point, double accuracyM) {}

    /** A place a technician truly stayed (the simulation's ground truth): a site or branch id and times. */
    record Stay(TechnicianId technician, String place, Instant from, Instant to) {}

    /** What the simulation reports while it runs. */
    interface Progress {
        void at(Instant simTime, double fraction, int completed, int total);

        /** The morning plan starts at {@code simTime}; the next {@link #at} comes after it. */
        default void planning(Instant simTime) { }
    }

    /** Where the simulated world's outputs go: pings, credits and deposits, besides the job record. */
    interface Outputs {
        /** The simulated time reached {@code now} (the start of a 30-second tick). */
        void tick(Instant now);

        void ping(Ping ping);

        void credit(StatementCredit credit);

        void deposit(CashDeposit deposit);

        /** The job was completed and paid (or its payment status left as it is); accounts may invoice it now. */
        void invoiceDue(CityWorld.JobRequest job, Instant at);
    }

    private enum State { OFF, IDLE, DRIVING, ON_SITE, GHOST, RETURNING, DONE }

    private final class Agent {
        final CityWorld.Tech tech;
        GeoPoint pos;
        State state = State.OFF;
        final Deque<CityWorld.JobRequest> queue = new ArrayDeque<>();
        CityWorld.JobRequest current;
        GeoPoint from;
        GeoPoint to;
        Instant departAt;
        Instant until;
        Instant fakeArrival;
        boolean claimedArrival;
        /** On site: whether work has started (after the arrival was recorded) and whether the arrival was tapped. */
        boolean workStarted;
        boolean tappedArrival;
        Instant stayFrom;
        String stayPlace;
        Instant doneAt;
        long cash;
        long recordedCash;
        int pingSeq;
        Instant nextPing;
        Instant lastTrail = Instant.MIN;
        final List<GeoPoint> trail = new ArrayList<>();

        Agent(CityWorld.Tech tech) {
            this.tech = tech;
            this.pos = tech.branch().location();
        }

        Dispatcher.Crew crew(Instant now) {
            Instant free = now;
            if (state == State.OFF) {
                free = tech.shiftStartAt().isAfter(now) ? tech.shiftStartAt() : now;
            } else if ((state == State.DRIVING || state == State.ON_SITE || state == State.GHOST) && current != null) {
                free = until == null ? now : until;
            }
            GeoPoint p = current != null ? current.site().location() : pos;
            boolean onShift = state != State.RETURNING && state != State.DONE && now.isBefore(tech.shiftEndAt());
            return new Dispatcher.Crew(tech, p, free.isBefore(now) ? now : free, current, List.copyOf(queue), onShift);
        }
    }

    private record Later(Instant at, long seq, Runnable action) {}

    private final CityWorld world;
    private final JobDesk desk;
    private final Dispatcher dispatcher;
    private final TravelTimes travel;
    private final Outputs outputs;
    private final Random rnd;
    private final Map<TechnicianId, Agent> agents = new LinkedHashMap<>();
    private final PriorityQueue<Later> later = new PriorityQueue<>((a, b) -> a.at.equals(b.at)
            ? Long.compare(a.seq, b.seq) : a.at.compareTo(b.at));
    private long laterSeq;
    private final List<CityWorld.JobRequest> waitingForPlan = new ArrayList<>();
    private final List<Stay> stays = new ArrayList<>();
    private final List<JobId> unplaced = new ArrayList<>();
    private final List<JobId> carriedOver = new ArrayList<>();
    private final Map<JobId, Long> dueByJob = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final java.util.Set<JobId> secondVisits = new java.util.HashSet<>();
    private int completed;
    private TechnicianId cashKeeper;
    private int pings;

    CitySimulation(CityWorld world, JobDesk desk, Dispatcher dispatcher, TravelTimes travel, Outputs outputs) {
        this.world = world;
        this.desk = desk;
        this.dispatcher = dispatcher;
        this.travel = travel;
        this.outputs = outputs;
        this.rnd = new Random(world.seed * 31 + 7);
        world.techs.forEach(t -> agents.put(t.id(), new Agent(t)));
    }

    /** What happened, beyond the record the desk holds. */
    record Run(TechnicianId cashKeeper, List<Stay> stays, Map<TechnicianId, List<GeoPoint>> trails, List<JobId> unplaced, List<JobId> carriedOver,
               Map<JobId, Long> duePaise, List<String> notes, int completed, int pings) {}

    Run run(Progress progress) {
        int next = 0;
        List<CityWorld.JobRequest> jobs = world.jobs;
        long ticks = Duration.between(START, END).dividedBy(TICK);
        long tick = 0;
        String unlinked = world.mistakes.get(CityWorld.MistakeKind.UNLINKED_UPI_CREDIT).reference();
        Instant creditAt = CityWorld.at(LocalTime.of(15, 20, 17));
        schedule(creditAt, () -> {
            outputs.credit(new StatementCredit("UPI", unlinked, creditAt, Money.inr(118_000), null, "rk.traders@okhdfcbank"));
            notes.add("A UPI credit of " + Money.inr(118_000) + " (UTR " + unlinked + ") arrived at 15:20 with no job reference");
        });
        for (Instant t = START; !t.isAfter(END); t = t.plus(TICK), tick++) {
            outputs.tick(t);
            while (!later.isEmpty() && !later.peek().at.isAfter(t)) {
                later.poll().action.run();
            }
            while (next < jobs.size() && !jobs.get(next).arrivesAt().isAfter(t)) {
                arrive(jobs.get(next++), t);
            }
            if (t.equals(PLAN_AT)) {
                progress.planning(t);
                morningPlan(t);
            }
            for (Agent a : agents.values()) {
                step(a, t);
                ping(a, t);
            }
            if (tick % 20 == 0) {
                progress.at(t, (double) tick / ticks, completed, jobs.size());
            }
        }
        while (!later.isEmpty()) {
            later.poll().action.run();
        }
        for (Agent a : agents.values()) {
            for (CityWorld.JobRequest left : a.queue) {
                desk.unassign(left.id(), a.tech.id(), END, "not reached today: carried over to tomorrow");
                carriedOver.add(left.id());
            }
            a.queue.clear();
        }
        progress.at(END, 1.0, completed, jobs.size());
        Map<TechnicianId, List<GeoPoint>> trails = new LinkedHashMap<>();
        agents.forEach((id, a) -> trails.put(id, List.copyOf(a.trail)));
        return new Run(cashKeeper, stays, trails, unplaced, carriedOver, dueByJob, notes, completed, pings);
    }

    private void schedule(Instant at, Runnable action) {
        later.add(new Later(at, laterSeq++, action));
    }

    private void arrive(CityWorld.JobRequest job, Instant t) {
        desk.create(job);
        if (t.isBefore(PLAN_AT)) {
            waitingForPlan.add(job);
            return;
        }
        List<Dispatcher.Crew> crews = crews(t);
        Optional<Dispatcher.Choice> choice = dispatcher.place(job, crews, t);
        if (choice.isEmpty()) {
            unplaced.add(job.id());
            return;
        }
        for (Dispatcher.Move m : choice.get().moves()) {
            Agent from = agents.get(m.from());
            CityWorld.JobRequest moved = from.queue.stream().filter(q -> q.id().equals(m.job())).findFirst().orElse(null);
            if (moved == null) {
                continue;
            }
            from.queue.remove(moved);
            desk.unassign(moved.id(), from.tech.id(), t, "displaced by emergency " + job.id().value());
            if (m.to() != null) {
                desk.assign(moved.id(), m.to(), t, null);
                agents.get(m.to()).queue.addLast(moved);
            } else {
                unplaced.add(moved.id());
            }
            notes.add(moved.id().value() + " displaced from " + m.from().value() + " by emergency " + job.id().value()
                    + (m.to() == null ? ", left unplaced" : ", moved to " + m.to().value()));
        }
        Agent a = agents.get(choice.get().technician());
        desk.assign(job.id(), a.tech.id(), t, null);
        List<CityWorld.JobRequest> q = new ArrayList<>(a.queue);
        int pos = Math.min(choice.get().position(), q.size());
        q.add(pos, job);
        a.queue.clear();
        a.queue.addAll(q);
        if (job.priority() == Priority.EMERGENCY) {
            notes.add("Emergency " + job.id().value() + " (" + job.customer().name() + ") at " + hhmm(t) + " went to "
                    + a.tech.id().value() + " " + a.tech.name() + ": " + choice.get().why() + "; "
                    + (q.size() - 1) + " queued job(s) moved back");
        }
    }

    private List<Dispatcher.Crew> crews(Instant t) {
        List<Dispatcher.Crew> crews = new ArrayList<>();
        agents.values().forEach(a -> crews.add(a.crew(t)));
        return crews;
    }

    private void morningPlan(Instant t) {
        Map<TechnicianId, List<JobId>> plan = dispatcher.morningPlan(waitingForPlan, crews(t), t);
        Map<JobId, CityWorld.JobRequest> byId = new LinkedHashMap<>();
        waitingForPlan.forEach(j -> byId.put(j.id(), j));
        plan.forEach((tech, ids) -> {
            for (JobId id : ids) {
                desk.assign(id, tech, t, null);
                agents.get(tech).queue.add(byId.remove(id));
            }
        });
        unplaced.addAll(byId.keySet());
        notes.add("Morning plan at 08:00: " + (waitingForPlan.size() - byId.size()) + " of " + waitingForPlan.size()
                + " booked jobs planned onto " + plan.values().stream().filter(l -> !l.isEmpty()).count() + " technicians");
    }

    private void step(Agent a, Instant t) {
        switch (a.state) {
            case OFF -> {
                if (!t.isBefore(a.tech.shiftStartAt().plus(Duration.ofMinutes(a.tech.lateMinutes())))) {
                    a.state = State.IDLE;
                    a.pos = CityWorld.offset(a.tech.branch().location(), 0.01, -0.008);
                    a.stayFrom = t;
                    a.stayPlace = a.tech.branch().id().value();
                    a.nextPing = t;
                }
            }
            case IDLE -> idle(a, t);
            case DRIVING -> {
                if (!t.isBefore(a.until)) {
                    a.pos = a.to;
                    a.state = State.ON_SITE;
                    a.stayFrom = t;
                    a.stayPlace = a.current.site().id().value();
                    CityWorld.JobRequest job = a.current;
                    // the arrival is recorded by the geofence once the visit is confirmed; work starts after that
                    a.workStarted = false;
                    a.tappedArrival = false;
                    a.until = t.plus(Duration.ofSeconds(Math.round(job.kind().minutes * 60 * job.durationFactor())));
                } else {
                    a.pos = along(a.from, a.to, fraction(a.departAt, a.until, t));
                }
            }
            case ON_SITE -> {
                if (!a.workStarted) {
                    startWork(a, t);
                }
                if (!t.isBefore(a.until)) {
                    finish(a, a.current, t);
                    a.current = null;
                    a.state = State.IDLE;
                }
            }
            case GHOST -> {
                if (!a.claimedArrival && !t.isBefore(a.fakeArrival)) {
                    a.claimedArrival = true;
                    // no visit can prove it: the technician phones the office, which overrides
                    desk.arrivalOverride(a.current.id(), t, a.tech.id().value() + " phoned: the phone's GPS is off");
                    desk.status(a.current.id(), a.tech.id(), JobStatus.WORK_STARTED, t.plusSeconds(60), null);
                    desk.proof(a.current.id(), a.tech.id(), ProofKind.PHOTO, "before", "img/" + a.current.id().value() + "-before.jpg",
                            sha(a.current.id().value() + "before"), t.plusSeconds(90));
                }
                if (!t.isBefore(a.until)) {
                    finish(a, a.current, t);
                    a.current = null;
                    a.state = State.IDLE;
                }
            }
            case RETURNING -> {
                if (!t.isBefore(a.until)) {
                    a.pos = a.to;
                    a.state = State.DONE;
                    a.stayFrom = t;
                    a.stayPlace = a.tech.branch().id().value();
                    endOfDay(a, t);
                } else {
                    a.pos = along(a.from, a.to, fraction(a.departAt, a.until, t));
                }
            }
            case DONE -> {
                // the technician has checked out
            }
        }
        if (a.state != State.OFF && !t.isBefore(a.lastTrail.plus(Duration.ofMinutes(3)))) {
            a.trail.add(a.pos);
            a.lastTrail = t;
        }
    }

    private void idle(Agent a, Instant t) {
        boolean shiftOver = !t.isBefore(a.tech.shiftEndAt());
        if (a.queue.isEmpty() && (shiftOver || t.isAfter(CityWorld.at(LocalTime.of(17, 0))))) {
            goBack(a, t);
            return;
        }
        if (a.queue.isEmpty() || t.isBefore(a.tech.shiftStartAt())) {
            return;
        }
        CityWorld.JobRequest job = a.queue.peekFirst();
        Duration ride = travel.between(a.pos, job.site().location()).duration();
        Instant reach = t.plus(ride);
        if (reach.plus(Duration.ofMinutes(job.kind().minutes)).isAfter(a.tech.shiftEndAt().plus(Duration.ofMinutes(45)))) {
            goBack(a, t);
            return;
        }
        if (reach.isBefore(job.window().from().minus(Duration.ofMinutes(20)))) {
            return;
        }
        a.queue.pollFirst();
        a.current = job;
        leave(a, t);
        desk.status(job.id(), a.tech.id(), JobStatus.EN_ROUTE, t, null);
        if (isMistake(CityWorld.MistakeKind.GHOST_VISIT, job.id())) {
            a.state = State.GHOST;
            a.claimedArrival = false;
            a.fakeArrival = reach;
            a.until = reach.plus(Duration.ofMinutes(job.kind().minutes));
            return;
        }
        a.state = State.DRIVING;
        a.from = a.pos;
        a.to = job.site().location();
        a.departAt = t;
        a.until = reach;
    }

    /** The technician rides off: the stay where they were (branch or site) ends now. */
    private void leave(Agent a, Instant t) {
        if (a.stayPlace != null) {
            stays.add(new Stay(a.tech.id(), a.stayPlace, a.stayFrom, t));
        }
        a.stayPlace = null;
        a.stayFrom = null;
    }

    private void goBack(Agent a, Instant t) {
        if (a.pos.distanceMetres(a.tech.branch().location()) < 50) {
            a.state = State.DONE;
            endOfDay(a, t);
            return;
        }
        leave(a, t);
        a.state = State.RETURNING;
        a.from = a.pos;
        a.to = CityWorld.offset(a.tech.branch().location(), 0.01, -0.008);
        a.departAt = t;
        a.until = t.plus(travel.between(a.pos, a.to).duration());
    }

    private void endOfDay(Agent a, Instant t) {
        a.doneAt = t;
        if (cashKeeper == null && a.recordedCash > 0) {
            cashKeeper = a.tech.id();
        }
        boolean keeper = a.tech.id().equals(cashKeeper);
        if (a.recordedCash > 0 && !keeper) {
            Instant at = t.plus(Duration.ofMinutes(5 + rnd.nextInt(20)));
            long amount = a.recordedCash;
            schedule(at, () -> outputs.deposit(new CashDeposit(a.tech.id(), at, Money.inr(amount),
                    "DEP-" + a.tech.id().value() + "-" + CityWorld.DAY)));
        } else if (a.recordedCash > 0) {
            notes.add(a.tech.id().value() + " " + a.tech.name() + " went home with " + Money.inr(a.recordedCash)
                    + " of recorded cash, not deposited");
        }
        if (a.cash > a.recordedCash) {
            notes.add(a.tech.id().value() + " " + a.tech.name() + " also holds " + Money.inr(a.cash - a.recordedCash)
                    + " of cash the job record does not know about");
        }
        Instant out = t.plus(Duration.ofMinutes(30));
        schedule(out, () -> stays.add(new Stay(a.tech.id(), a.tech.branch().id().value(), a.stayFrom, out)));
    }

    private void finish(Agent a, CityWorld.JobRequest job, Instant t) {
        TechnicianId by = a.tech.id();
        CityWorld.PayPlan plan = job.pay();
        boolean warranty = plan.mode() == PaymentMode.WARRANTY;
        long parts = 0;
        boolean firstOfTwo = plan.needsSecondVisit() && !secondVisits.contains(job.id());
        JobKind.Part part = plan.partNeeded() && !firstOfTwo
                ? job.kind().parts.get(Math.floorMod(job.id().hashCode(), job.kind().parts.size())) : null;
        boolean lateParts = isMistake(CityWorld.MistakeKind.UNBILLED_PARTS, job.id());
        if (part != null && !lateParts) {
            desk.part(job.id(), by, part, 1, !warranty, t.minusSeconds(120));
            parts = warranty ? 0 : part.pricePaise;
        }
        desk.proof(job.id(), by, ProofKind.PHOTO, "after", "img/" + job.id().value() + "-after.jpg", sha(job.id().value() + "after"),
                t.minusSeconds(60));
        if (plan.needsSecondVisit() && secondVisits.add(job.id())) {
            desk.status(job.id(), by, JobStatus.ON_HOLD, t, "compressor relay to be fetched from the branch store");
            desk.status(job.id(), by, JobStatus.RESCHEDULED, t.plusSeconds(30), "second visit later today with the part");
            CityWorld.JobRequest next = a.queue.pollFirst();
            a.queue.addFirst(job);
            if (next != null) {
                a.queue.addFirst(next);
            }
            return;
        }
        String signature = "img/" + job.id().value() + "-signature-" + (100_000 + rnd.nextInt(900_000)) + ".png";
        desk.proof(job.id(), by, ProofKind.SIGNATURE, "customer approval", signature, sha(signature), t.minusSeconds(30));
        desk.status(job.id(), by, JobStatus.COMPLETED, t, null);
        completed++;
        boolean covered = job.coverage() != null && job.coverage().covers(job.kind().name(), CityWorld.DAY);
        long due = (covered ? 0 : job.kind().labourPaise) + parts;
        dueByJob.put(job.id(), due);
        Instant payAt = t.plusSeconds(60);
        switch (plan.mode()) {
            case UPI -> {
                String utr = String.format("%012d", Math.floorMod(rnd.nextLong(), 1_000_000_000_000L));
                desk.payment(job.id(), by, PaymentMode.UPI, Money.inr(due), utr, payAt);
                Instant creditAt = payAt.plusSeconds(30 + rnd.nextInt(300));
                schedule(creditAt, () -> outputs.credit(new StatementCredit("UPI", utr, creditAt, Money.inr(due), job.id().value(),
                        "cust" + job.customer().id().value().substring(2) + "@okaxis")));
            }
            case CASH -> {
                a.cash += due;
                if (isMistake(CityWorld.MistakeKind.FORGOTTEN_PAYMENT_STATUS, job.id())) {
                    notes.add(job.id().value() + ": " + by.value() + " took " + Money.inr(due) + " in cash and recorded no payment status");
                } else {
                    desk.payment(job.id(), by, PaymentMode.CASH, Money.inr(due), null, payAt);
                    a.recordedCash += due;
                }
            }
            case CARD -> desk.payment(job.id(), by, PaymentMode.CARD, Money.inr(due), "AUTH" + (100_000 + rnd.nextInt(900_000)), payAt);
            case AMC, WARRANTY -> desk.payment(job.id(), by, plan.mode(), Money.inr(due), job.coverage().reference(), payAt);
            default -> desk.payment(job.id(), by, plan.mode(), Money.inr(due), null, payAt);
        }
        Instant invoiceAt = t.plus(Duration.ofMinutes(5));
        schedule(invoiceAt, () -> outputs.invoiceDue(job, invoiceAt));
        if (lateParts && part != null) {
            Instant partAt = t.plus(Duration.ofMinutes(25));
            long partDue = part.pricePaise;
            schedule(partAt, () -> {
                desk.part(job.id(), by, part, 1, true, partAt);
                dueByJob.merge(job.id(), partDue, Long::sum);
            });
            notes.add(job.id().value() + ": " + by.value() + " logged part " + part.sku + " 25 minutes after completing the job");
        }
    }

    /**
     * On site, before work: once the arrival is recorded (the geofence confirms the visit after its dwell) the
     * technician starts and photographs the unit; ten minutes in without it, the technician taps "arrived", which
     * the job record proves from the visit (or refuses, and the refusal is reported).
     */
    private void startWork(Agent a, Instant t) {
        JobId job = a.current.id();
        if (!desk.arrived(job) && !a.tappedArrival && !t.isBefore(a.stayFrom.plus(Duration.ofMinutes(10)))) {
            a.tappedArrival = true;
            desk.status(job, a.tech.id(), JobStatus.ARRIVED, t, null);
        }
        if (desk.arrived(job)) {
            a.workStarted = true;
            desk.status(job, a.tech.id(), JobStatus.WORK_STARTED, t, null);
            desk.proof(job, a.tech.id(), ProofKind.PHOTO, "before", "img/" + job.value() + "-before.jpg",
                    sha(job.value() + "before"), t.plusSeconds(30));
        }
    }

    private boolean isMistake(CityWorld.MistakeKind kind, JobId job) {
        return job.equals(world.mistakes.get(kind).job());
    }

    private void ping(Agent a, Instant t) {
        if (a.state == State.OFF || a.nextPing == null || t.isBefore(a.nextPing)) {
            return;
        }
        if (a.state == State.DONE && t.isAfter(a.doneAt.plus(Duration.ofMinutes(30)))) {
            return;
        }
        Instant at = t.plusSeconds(rnd.nextInt(5));
        double accuracy = 5 + rnd.nextInt(14);
        GeoPoint p;
        if (rnd.nextInt(150) == 0) {
            p = CityWorld.offset(a.pos, (rnd.nextDouble() - 0.5) * 0.9, (rnd.nextDouble() - 0.5) * 0.9);
            accuracy = 25 + rnd.nextInt(30);
        } else {
            double sigma = accuracy / 2.0 / 1000.0;
            p = CityWorld.offset(a.pos, rnd.nextGaussian() * sigma, rnd.nextGaussian() * sigma);
        }
        Ping ping = new Ping(a.tech.id().value() + "-" + (++a.pingSeq), a.tech.id(), at, p, accuracy);
        outputs.ping(ping);
        pings++;
        if (rnd.nextInt(200) == 0) {
            outputs.ping(ping);
        }
        a.nextPing = t.plus(TICK);
    }

    /** Along an L-shaped ride (first along the latitude, then the longitude) — close enough to city roads for a map. */
    static GeoPoint along(GeoPoint from, GeoPoint to, double f) {
        double dLat = Math.abs(to.lat() - from.lat());
        double dLng = Math.abs(to.lng() - from.lng());
        double total = dLat + dLng;
        if (total == 0) {
            return to;
        }
        double d = f * total;
        if (d <= dLat) {
            return GeoPoint.of(from.lat() + Math.signum(to.lat() - from.lat()) * d, from.lng());
        }
        return GeoPoint.of(to.lat(), from.lng() + Math.signum(to.lng() - from.lng()) * (d - dLat));
    }

    private static double fraction(Instant from, Instant to, Instant t) {
        long total = Duration.between(from, to).toSeconds();
        return total <= 0 ? 1 : Math.min(1, (double) Duration.between(from, t).toSeconds() / total);
    }

    static String hhmm(Instant t) {
        return LocalTime.ofInstant(t, CityWorld.ZONE).toString();
    }

    static String sha(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

}
