package io.github.geodispatch.examples.cityday;

import io.github.geodispatch.GeoDispatch;
import io.github.geodispatch.dispatch.Route;
import io.github.geodispatch.dispatch.TeamCalendar;
import io.github.geodispatch.examples.Progress;
import io.github.geodispatch.dispatch.Technician;
import io.github.geodispatch.dispatch.WorkCalendar;
import io.github.geodispatch.dispatch.WorkingHours;
import io.github.geodispatch.job.JobState;
import io.github.geodispatch.journal.JournalRecord;
import io.github.geodispatch.leakage.Finding;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.Priority;
import io.github.geodispatch.spi.Site;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TimeWindow;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The city-day business played day after day on one front door: the same team (from the seed), a team calendar
 * (the business is closed on Sundays; one technician in eight takes a weekday off instead), each working day's
 * requests and planted mistakes (from the seed and the day), and the jobs a day leaves undone carried into the
 * next working day's morning plan. City-day is one day of it. Not thread-safe (the simulation is single-threaded).
 */
public final class CityBusiness {
    /** The business's size and the morning plan's steps per booked job (0 = the greedy baseline office). */
    public record Settings(long seed, int technicians, int jobsPerDay, int planSteps, Duration planGuard) {}

    /** A branch of the business. */
    public record BranchInfo(BranchId id, String name, GeoPoint location) {}

    /** A technician of the team; the shift hours are those of a working day. */
    public record TeamMember(TechnicianId id, String name, BranchId branch, List<String> skills, LocalTime shiftStart,
                             LocalTime shiftEnd) {}

    /** A job request as the owner's lists need it: who asked, for what, where, by when, and how they will pay. */
    public record JobLine(JobId job, LocalDate day, BranchId branch, String customerId, String customerName, String address,
                          String kind, Priority priority, Instant arrivesAt, Instant slaDeadline, PaymentMode payment,
                          Site site) {}

    /** A spare part the vans carry: SKU, HSN code and the price charged to customers (paise). */
    public record PartInfo(String sku, String hsn, long pricePaise) {}

    /** A mistake planted on a day, with the finding code the leakage rules should give it. */
    public record PlantedMistake(LocalDate day, String findingCode, String story, JobId job, TechnicianId technician,
                                 String reference) {}

    /** What one day did; a closed day has no jobs and nobody on duty. */
    public record DayResult(LocalDate day, boolean open, int onDuty, List<JobLine> created, List<JobId> carriedIn,
                            int completed, List<JobId> notPlaced, List<JobId> carriedOver, Map<JobId, Long> duePaise,
                            List<PlantedMistake> planted, List<String> notes, int pings,
                            Map<TechnicianId, List<GeoPoint>> rides) {}

    private static final Actor OWNER = Actor.owner(CityWorld.TENANT, "owner");

    private final Settings settings;
    private final CityWorld roster;
    private final TeamCalendar calendar;
    private final CityDay business;
    private final List<CityWorld.JobRequest> allRequests = new ArrayList<>();
    private final Map<JobId, CityWorld.JobRequest> undone = new LinkedHashMap<>();
    /** Mistakes planted on jobs still undone: made when the job is worked, on a later day. */
    private final Map<JobId, CityWorld.MistakeKind> plantedOnUndone = new LinkedHashMap<>();

    /** Hears each working day's requests before the day is played (a week registers their customers). */
    private Consumer<List<JobLine>> beforeDay = lines -> { };

    private CityBusiness(Settings settings, LocalDate firstDay, UnaryOperator<GeoDispatch.Builder> frontDoor) {
        this.settings = settings;
        this.roster = CityWorld.generate(settings.seed(), settings.technicians(), 10, firstDay, 0, "", Set.of());
        this.calendar = calendar(roster);
        this.business = new CityDay(roster, new CityDay.Options(settings.seed(), settings.technicians(),
                settings.jobsPerDay(), settings.planSteps(), settings.planGuard()), frontDoor);
    }

    /** Opens the business on its front door; nothing is played yet. */
    public static CityBusiness open(Settings settings, LocalDate firstDay) {
        return new CityBusiness(settings, firstDay, UnaryOperator.identity());
    }

    /**
     * Opens the business on a front door built with {@code frontDoor}'s settings added (a week's messaging); nothing is
     * played yet.
     */
    public static CityBusiness open(Settings settings, LocalDate firstDay, UnaryOperator<GeoDispatch.Builder> frontDoor) {
        return new CityBusiness(settings, firstDay, frontDoor);
    }

    /** {@code hook} hears every simulated tick (every 30 s of a played day) once the clock reads it. */
    public void onTick(Consumer<Instant> hook) {
        business.onTick = Objects.requireNonNull(hook, "tick hook");
    }

    /** {@code hook} hears each working day's requests before the first of them arrives. */
    public void beforeEachDay(Consumer<List<JobLine>> hook) {
        beforeDay = Objects.requireNonNull(hook, "day hook");
    }

    /**
     * The team's calendar: Monday to Saturday in each technician's own hours, Sunday off, and every eighth
     * technician off on one weekday (Tuesday to Saturday, in turn) instead of working six days.
     */
    static TeamCalendar calendar(CityWorld roster) {
        Set<DayOfWeek> sixDays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY);
        TeamCalendar calendar = TeamCalendar.of(CityWorld.ZONE,
                WorkCalendar.weekly(WorkingHours.of(LocalTime.of(8, 30), LocalTime.of(18, 30)), sixDays));
        for (int i = 0; i < roster.techs.size(); i++) {
            CityWorld.Tech t = roster.techs.get(i);
            Set<DayOfWeek> days = EnumSet.copyOf(sixDays);
            if (i % 8 == 7) {
                days.remove(DayOfWeek.of(2 + (i / 8) % 5));
            }
            calendar = calendar.with(t.id(), WorkCalendar.weekly(WorkingHours.of(t.shiftStart(), t.shiftEnd()), days));
        }
        return calendar;
    }

    /** The front door every day is played through (the week's contracts, stock and reports use it too). */
    public GeoDispatch frontDoor() {
        return business.gd;
    }

    /** Whether anyone in the team has a shift on {@code day}. */
    public boolean isWorkingDay(LocalDate day) {
        return roster.techs.stream().anyMatch(t -> calendar.shiftOn(technician(t), day).isPresent());
    }

    /** The spare parts the business's jobs use. */
    public static List<PartInfo> parts() {
        return Arrays.stream(JobKind.Part.values()).map(p -> new PartInfo(p.sku, p.hsn, p.pricePaise)).toList();
    }

    /** Moves the simulated clock every engine reads forward to {@code at} (never back), for the office's own work. */
    public void advanceClockTo(Instant at) {
        business.clock.advanceTo(at);
    }

    public List<BranchInfo> branches() {
        return roster.branches.stream().map(b -> new BranchInfo(b.id(), b.name(), b.location())).toList();
    }

    public List<TeamMember> team() {
        return roster.techs.stream().map(t -> new TeamMember(t.id(), t.name(), t.branch().id(),
                List.copyOf(t.skills().keySet()), t.shiftStart(), t.shiftEnd())).toList();
    }

    /** The id tag of a day's jobs, customers and sites: {@code 1116-} for 16 November. */
    static String tag(LocalDate day) {
        return day.format(DateTimeFormatter.ofPattern("MMdd")) + "-";
    }

    /**
     * Plays {@code day}, the {@code dayIndex}th of the run: the team on the calendar's shifts goes on the dispatch
     * board; on a day nobody works nothing happens and the undone jobs wait for the next working day.
     */
    public DayResult play(LocalDate day, int dayIndex, Progress progress) {
        Set<TechnicianId> off = roster.techs.stream()
                .filter(t -> calendar.shiftOn(technician(t), day).isEmpty()).map(CityWorld.Tech::id).collect(Collectors.toSet());
        List<JobId> waiting = List.copyOf(undone.keySet());
        if (off.size() == roster.techs.size()) {
            return new DayResult(day, false, 0, List.of(), List.of(), 0, List.of(), waiting, Map.of(), List.of(),
                    List.of("Closed: nobody works on " + day.getDayOfWeek().toString().toLowerCase()), 0, Map.of());
        }
        CityWorld world = CityWorld.generate(settings.seed(), settings.technicians(), settings.jobsPerDay(), day, dayIndex,
                tag(day), off);
        allRequests.addAll(world.jobs);
        beforeDay.accept(world.jobs.stream().map(CityBusiness::line).toList());
        business.gd.dispatch().putTechnicians(roster.techs.stream().map(t -> calendar.on(technician(t), day)).toList());
        // yesterday's routes are done or carried over: each day's board starts empty, as the office's does
        roster.techs.forEach(t -> business.gd.dispatch().putRoute(new Route(t.id(), List.of(), 0)));
        List<CityWorld.JobRequest> carriedIn = undone.values().stream().map(j -> onDay(j, day)).toList();
        undone.clear();
        String label = day.format(DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH)) + ": ";
        Map<JobId, CityWorld.MistakeKind> plantedOnCarriedIn = new LinkedHashMap<>(plantedOnUndone);
        CitySimulation.Run run = business.play(world, new CityDay.PhasedProgress(progress, world, label), carriedIn,
                Map.copyOf(plantedOnCarriedIn));
        Map<JobId, CityWorld.JobRequest> known = new LinkedHashMap<>();
        carriedIn.forEach(j -> known.put(j.id(), j));
        world.jobs.forEach(j -> known.put(j.id(), j));
        run.carriedOver().forEach(id -> undone.put(id, known.get(id)));
        run.unplaced().forEach(id -> undone.put(id, known.get(id)));
        world.mistakes.values().stream().filter(m -> m.job() != null)
                .forEach(m -> plantedOnUndone.put(m.job(), m.kind()));
        plantedOnUndone.keySet().retainAll(undone.keySet());
        // a mistake is made when its job is done: today's (but those on jobs left undone), and those planted on an
        // earlier day on the jobs carried in and done today
        List<PlantedMistake> planted = new ArrayList<>();
        business.mistakes().forEach(m -> planted.add(new PlantedMistake(day, m.kind().findingCode, m.kind().story,
                m.job(), m.technician(), m.reference())));
        plantedOnCarriedIn.forEach((job, kind) -> {
            if (!undone.containsKey(job)) {
                planted.add(new PlantedMistake(day, kind.findingCode, kind.story, job, null, null));
            }
        });
        return new DayResult(day, true, roster.techs.size() - off.size(), world.jobs.stream().map(CityBusiness::line).toList(),
                carriedIn.stream().map(CityWorld.JobRequest::id).toList(), run.completed(), List.copyOf(run.unplaced()),
                List.copyOf(run.carriedOver()), Map.copyOf(run.duePaise()), List.copyOf(planted), List.copyOf(run.notes()), run.pings(),
                run.trails());
    }

    /**
     * Takes a job the front door created for this business (a contract's preventive visit) into the next working
     * day's morning plan, worked 09:00-18:00 that day and paid by its coverage. {@code customerName},
     * {@code address} and {@code pincode} are the customer's, from the customer record.
     */
    public void adopt(JobId job, String customerName, String address, String pincode) {
        JobState state = business.gd.jobs().job(OWNER, job)
                .orElseThrow(() -> new IllegalArgumentException("the front door has no job " + job.value()));
        CityWorld.Branch branch = roster.branches.stream().filter(b -> b.id().equals(state.branch())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("job " + job.value() + " is at an unknown branch " + state.branch()));
        JobKind kind = Arrays.stream(JobKind.values()).filter(k -> k.name().equals(state.jobType())).findFirst()
                .orElse(JobKind.AMC_VISIT);
        PaymentMode mode = state.coverage() != null ? PaymentMode.AMC : PaymentMode.UPI;
        LocalDate day = state.window() != null ? state.window().from().atZone(CityWorld.ZONE).toLocalDate()
                : state.createdAt().atZone(CityWorld.ZONE).toLocalDate();
        TimeWindow window = new TimeWindow(CityWorld.at(day, LocalTime.of(9, 0)), CityWorld.at(day, LocalTime.of(18, 0)));
        CityWorld.JobRequest request = new CityWorld.JobRequest(job, state.createdAt(), branch,
                new CityWorld.Customer(state.customer(), customerName, address, pincode, null), state.site(), kind,
                state.priority() == null ? Priority.NORMAL : state.priority(), window, state.slaDeadline(), state.coverage(),
                new CityWorld.PayPlan(mode, false, false), 1.0);
        business.adopt(request);
        allRequests.add(request); // its customer gets a customer line in the journal, which invoices read
        undone.put(job, request);
    }

    /** How many mistakes were planted on jobs not done by the last day played, so not made. */
    public int plantedNotMade() {
        return plantedOnUndone.size();
    }

    /**
     * A fact the week recorded on the front door outside the job record (customers, contracts, stock), to go into
     * the journal in time order.
     */
    public void record(JournalRecord record, Instant at) {
        business.extraRecords.add(new JournalExport.Timed(at, record));
    }

    /** The leakage findings of everything played, as of {@code asOf} (each also counted in the owner's view once). */
    public List<Finding> audit(Instant asOf) {
        return business.leakage.audit(asOf);
    }

    /** One piece of a finding's evidence in the owner's words: the job event or statement row it names. */
    public String evidence(String evidence) {
        return business.leakage.describe(evidence);
    }

    /** Writes everything played as one journal (the journal format), in time order; returns the line count. */
    public int writeJournal(Path file) throws IOException {
        return JournalExport.write(roster.techs, allRequests, business, file);
    }

    /** A request not done on its day, put on {@code day} in the same hours (its SLA deadline stays as agreed). */
    private static CityWorld.JobRequest onDay(CityWorld.JobRequest j, LocalDate day) {
        Function<Instant, Instant> move = t -> CityWorld.at(day, t.atZone(CityWorld.ZONE).toLocalTime());
        TimeWindow window = new TimeWindow(move.apply(j.window().from()), move.apply(j.window().to()));
        return new CityWorld.JobRequest(j.id(), j.arrivesAt(), j.branch(), j.customer(), j.site(), j.kind(), j.priority(),
                window, j.slaDeadline(), j.coverage(), j.pay(), j.durationFactor());
    }

    private static JobLine line(CityWorld.JobRequest j) {
        return new JobLine(j.id(), j.arrivesAt().atZone(CityWorld.ZONE).toLocalDate(), j.branch().id(), j.customer().id().value(),
                j.customer().name(), j.customer().address(), j.kind().name(), j.priority(), j.arrivesAt(), j.slaDeadline(),
                j.pay().mode(), j.site());
    }

    private static Technician technician(CityWorld.Tech t) {
        return EngineOffice.technician(t);
    }
}
