package io.github.geodispatch.dispatch.internal;
import io.github.geodispatch.dispatch.Assignment;
import io.github.geodispatch.dispatch.AssignmentRejectedException;
import io.github.geodispatch.dispatch.Candidate;
import io.github.geodispatch.dispatch.DispatchJob;
import io.github.geodispatch.dispatch.DispatchListener;
import io.github.geodispatch.dispatch.Dispatcher;
import io.github.geodispatch.dispatch.FreeSlot;
import io.github.geodispatch.dispatch.RejectionReason;
import io.github.geodispatch.dispatch.Route;
import io.github.geodispatch.dispatch.Schedule;
import io.github.geodispatch.dispatch.ServiceAreaFences;
import io.github.geodispatch.dispatch.SlotQuery;
import io.github.geodispatch.dispatch.TeamCalendar;
import io.github.geodispatch.dispatch.Technician;
import io.github.geodispatch.dispatch.Visit;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.CalendarRange;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TimeWindow;
import io.github.geodispatch.spi.TravelTimes;
import io.github.geodispatch.spi.VisitSlot;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link Schedule}: an {@link InMemoryDispatcher} per day, all sharing one map of who holds which job, so
 * a job is held once across the days. The days are an immutable snapshot replaced whole (under a lock) when
 * the horizon moves on or technicians change; moving a job between days changes its holder atomically
 * before it leaves the first day, so nobody can take it in between. Thread-safe.
 */
public final class CalendarSchedule implements Schedule {
    private final TravelTimes travel;
    private final InstantSource clock;
    private final Scoring scoring;
    private final ServiceAreaFences fences;
    private final DispatchListener listener;
    private final Dispatcher.CandidateSearch search;
    private final TeamCalendar calendar;
    private final int length;
    private final ConcurrentHashMap<JobId, InMemoryDispatcher.Holder> holders = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private volatile Days days;
    /** Profiles by id, in the order first added; guarded by {@link #lock}. */
    private final Map<TechnicianId, Technician> profiles = new LinkedHashMap<>();

    /** The boards of the horizon's days, and each board's day. Immutable. */
    private record Days(TreeMap<LocalDate, InMemoryDispatcher> byDate, Map<InMemoryDispatcher, LocalDate> dateOf) {
        InMemoryDispatcher board(LocalDate day) {
            InMemoryDispatcher board = byDate.get(Objects.requireNonNull(day, "day"));
            if (board == null) {
                throw new IllegalArgumentException("day " + day + " is not in the schedule " + byDate.firstKey() + ".."
                        + byDate.lastKey());
            }
            return board;
        }
    }

    public CalendarSchedule(TravelTimes travel, InstantSource clock, Scoring scoring, ServiceAreaFences fences,
            DispatchListener listener, Dispatcher.CandidateSearch search, TeamCalendar calendar, LocalDate first, int length) {
        this.travel = travel;
        this.clock = clock;
        this.scoring = scoring;
        this.fences = fences;
        this.listener = listener;
        this.search = search;
        this.calendar = calendar;
        this.length = length;
        TreeMap<LocalDate, InMemoryDispatcher> byDate = new TreeMap<>();
        for (int d = 0; d < length; d++) {
            byDate.put(first.plusDays(d), board(first.plusDays(d)));
        }
        this.days = snapshot(byDate);
    }

    private InMemoryDispatcher board(LocalDate day) {
        return new InMemoryDispatcher(travel, clock, scoring, fences, listener, search, holders,
                day.toString());
    }

    private static Days snapshot(TreeMap<LocalDate, InMemoryDispatcher> byDate) {
        Map<InMemoryDispatcher, LocalDate> dateOf = new IdentityHashMap<>();
        byDate.forEach((day, board) -> dateOf.put(board, day));
        return new Days(byDate, dateOf);
    }

    @Override
    public LocalDate today() {
        return days.byDate.firstKey();
    }

    @Override
    public List<LocalDate> days() {
        return List.copyOf(days.byDate.keySet());
    }

    @Override
    public Dispatcher day(LocalDate day) {
        return days.board(day);
    }

    @Override
    public void putTechnicians(Collection<Technician> technicians) {
        Objects.requireNonNull(technicians, "technicians");
        synchronized (lock) {
            days.byDate.forEach((day, board) -> board.putTechnicians(technicians.stream().map(t -> calendar.on(t, day)).toList()));
            technicians.forEach(t -> profiles.put(t.id(), t.withShift(null)));
        }
    }

    @Override
    public List<Technician> technicians() {
        synchronized (lock) {
            return List.copyOf(profiles.values());
        }
    }

    @Override
    public Optional<Placement> placement(JobId job) {
        InMemoryDispatcher.Holder holder = holders.get(Objects.requireNonNull(job, "job"));
        if (holder == null) {
            return Optional.empty();
        }
        LocalDate day = days.dateOf.get(holder.board());
        return day == null ? Optional.empty() : Optional.of(new Placement(day, holder.technician()));
    }

    @Override
    public List<FreeSlot> freeSlots(SlotQuery query) {
        Objects.requireNonNull(query, "query");
        List<FreeSlot> slots = new ArrayList<>();
        DispatchJob job = query.asJob(query.within());
        days.byDate.forEach((day, board) -> {
            if (!reaches(query.within(), day)) {
                return;
            }
            for (Candidate c : board.recommend(job).ranked()) {
                slots.add(new FreeSlot(day, c.technician(), c.insertion(), c.score()));
            }
        });
        slots.sort(Comparator.comparing((FreeSlot s) -> s.insertion().start())
                .thenComparingDouble(s -> s.score().total()).thenComparing(FreeSlot::technician));
        return List.copyOf(slots.subList(0, Math.min(query.max(), slots.size())));
    }

    /** {@code window} ({@code null} = any time) cut to {@code day} in the calendar's zone, for a slot on that day. */
    private TimeWindow dayWindow(TimeWindow window, LocalDate day) {
        Instant from = day.atStartOfDay(calendar.zone()).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(calendar.zone()).toInstant().minusSeconds(1);
        if (window != null) {
            from = window.from().isAfter(from) ? window.from() : from;
            to = window.to().isBefore(to) ? window.to() : to;
        }
        return new TimeWindow(from, to);
    }

    /** Whether work within {@code window} ({@code null} = any time) could start on {@code day} in the calendar's zone. */
    private boolean reaches(TimeWindow window, LocalDate day) {
        return window == null || (window.to().isAfter(day.atStartOfDay(calendar.zone()).toInstant())
                && window.from().isBefore(day.plusDays(1).atStartOfDay(calendar.zone()).toInstant()));
    }

    @Override
    public Assignment book(FreeSlot slot, DispatchJob job, Actor by) {
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(by, "actor");
        InMemoryDispatcher board = days.board(slot.day());
        if (!reaches(job.window(), slot.day())) {
            throw new AssignmentRejectedException(job.id(), slot.technician(), Set.of(RejectionReason.OFF_SHIFT),
                    "job " + job.id() + " must start within " + job.window() + ", which misses " + slot.day());
        }
        return placeOn(board, job, slot.technician(), by);
    }

    /** Reserves, places and announces a job on one day's board; nothing is left held when it fails. */
    private Assignment placeOn(InMemoryDispatcher board, DispatchJob job, TechnicianId technician, Actor by) {
        InMemoryDispatcher.Holder held = board.reserve(job.id(), technician);
        if (held != null) {
            throw new AssignmentRejectedException(job.id(), technician, Set.of(), "job " + job.id() + " is already assigned to "
                    + held.technician() + " on " + days.dateOf.getOrDefault(held.board(), null));
        }
        Assignment a;
        try {
            a = board.placeReserved(job, technician, null, Set.of(), by);
        } catch (RuntimeException e) {
            board.release(job.id(), technician);
            throw e;
        }
        board.announce(a);
        return a;
    }

    @Override
    public Assignment reschedule(JobId job, VisitSlot slot, String reason, Actor by) {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(by, "actor");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reschedule needs a reason");
        }
        Days now = days;
        InMemoryDispatcher.Holder was = holders.get(job);
        if (was == null || !now.dateOf.containsKey(was.board())) {
            throw new IllegalStateException("job " + job + " is not on the schedule; book it instead");
        }
        InMemoryDispatcher to = now.board(LocalDate.ofInstant(slot.window().from(), calendar.zone()));
        InMemoryDispatcher.Holder goes = new InMemoryDispatcher.Holder(slot.technician(), to);
        InMemoryDispatcher.Taken taken = was.board().take(job, was.technician());
        if (taken == null) {
            throw new IllegalStateException("job " + job + " is held by " + was.technician() + " but not on their route");
        }
        if (!holders.replace(job, was, goes)) {
            was.board().putBack(was.technician(), taken);
            throw new AssignmentRejectedException(job, slot.technician(), Set.of(), "job " + job + " changed hands meanwhile");
        }
        Assignment moved;
        try {
            moved = to.placeReserved(taken.visit().job().withWindow(slot.window()), slot.technician(), null, Set.of(), by);
        } catch (RuntimeException e) {
            holders.replace(job, goes, was);
            was.board().putBack(was.technician(), taken);
            throw e;
        }
        try {
            listener.rescheduled(job, slot, reason, by);
            if (!slot.technician().equals(was.technician())) {
                listener.assigned(moved);
            }
        } catch (RuntimeException e) {
            to.take(job, slot.technician());
            holders.replace(job, goes, was);
            was.board().putBack(was.technician(), taken);
            throw e;
        }
        return moved;
    }

    @Override
    public List<CarryOver> advanceTo(LocalDate newToday, Actor by) {
        CalendarRange.require(newToday, "today");
        Horizons.require(newToday, length, "today");
        Objects.requireNonNull(by, "actor");
        Map<LocalDate, InMemoryDispatcher> leaving = new TreeMap<>();
        synchronized (lock) {
            Days before = days;
            if (newToday.isBefore(before.byDate.firstKey())) {
                throw new IllegalArgumentException("the schedule starts " + before.byDate.firstKey() + "; it cannot go back to " + newToday);
            }
            TreeMap<LocalDate, InMemoryDispatcher> byDate = new TreeMap<>(before.byDate);
            byDate.headMap(newToday).forEach(leaving::put);
            byDate.headMap(newToday).clear();
            for (int d = 0; d < length; d++) {
                LocalDate day = newToday.plusDays(d);
                if (!byDate.containsKey(day)) {
                    InMemoryDispatcher board = board(day);
                    board.putTechnicians(profiles.values().stream().map(t -> calendar.on(t, day)).toList());
                    byDate.put(day, board);
                }
            }
            // the leaving boards stay known until their visits are carried over, so placements still resolve
            Map<InMemoryDispatcher, LocalDate> dateOf = new IdentityHashMap<>(snapshot(byDate).dateOf());
            leaving.forEach((day, board) -> dateOf.put(board, day));
            days = new Days(byDate, dateOf);
        }
        List<CarryOver> carried = new ArrayList<>();
        leaving.forEach((day, board) -> {
            for (Route route : board.routes()) {
                for (Visit v : route.visits()) {
                    carried.add(carryOver(board, day, route.technician(), v, by));
                }
            }
        });
        days = snapshot(days.byDate);
        return carried;
    }

    /**
     * Moves a visit of a day leaving the schedule to the soonest place left for it, or unassigns it. A visit whose
     * work started is only let go: closing it is the job record's business.
     */
    private CarryOver carryOver(InMemoryDispatcher from, LocalDate day, TechnicianId technician, Visit visit, Actor by) {
        JobId job = visit.job().id();
        Placement was = new Placement(day, technician);
        if (visit.started()) {
            from.release(job, technician);
            return new CarryOver(job, was, null);
        }
        DispatchJob open = visit.job().window() != null && visit.job().window().to().isAfter(clock.instant())
                ? visit.job() : visit.job().withWindow(null);
        for (Map.Entry<LocalDate, InMemoryDispatcher> e : days.byDate.entrySet()) {
            if (!reaches(open.window(), e.getKey())) {
                continue;
            }
            from.release(job, technician);
            Optional<Candidate> best = e.getValue().recommend(open).best();
            if (best.isEmpty()) {
                from.reserve(job, technician);
                continue;
            }
            try {
                Assignment a = placeOn(e.getValue(), open, best.get().technician(), by);
                listener.rescheduled(job, new VisitSlot(a.technician(), dayWindow(open.window(), e.getKey())),
                        "carried over from " + day, by);
                return new CarryOver(job, was, new Placement(e.getKey(), a.technician()));
            } catch (AssignmentRejectedException gone) {
                from.reserve(job, technician); // the slot went meanwhile: try the next day
            }
        }
        from.release(job, technician);
        listener.unassigned(job, technician, "not done on " + day + " and no place left in the schedule's days", by);
        return new CarryOver(job, was, null);
    }
}
