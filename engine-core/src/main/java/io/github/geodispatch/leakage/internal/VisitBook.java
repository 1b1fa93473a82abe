package io.github.geodispatch.leakage.internal;
import io.github.geodispatch.geofence.SpoofSignal;
import io.github.geodispatch.leakage.Finding;
import io.github.geodispatch.leakage.LeakageCode;
import io.github.geodispatch.leakage.LeakagePolicy;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.Site;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.TechnicianId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The site visits the monitor was fed, indexed for the visit rules: by site (GHOST_VISIT asks whether the
 * job's technician stayed at the job's site between assignment and completion, SUSPECT_VISIT whether only stays
 * built from suspect pings did) and the long stays (OFF_BOOK_VISIT asks, per long stay, whether the technician had
 * a job there that day). A stay carries the spoof signals of its pings; a refused one is no visit. What can no
 * longer change is let go by {@link #settleStays} and {@link #forgetJob}. Not thread-safe.
 */
public final class VisitBook {
    /** {@code fromDay} is {@code from}'s calendar day in the policy's zone, kept so that retiring compares days only. */
    private record Stay(TechnicianId technician, SiteId site, Instant from, Instant to, Set<SpoofSignal> signals,
                        boolean refused, LocalDate fromDay) {
        /** How evidence names the stay: {@code visit:SITE@FROM/TO}, then {@code  flagged:} or {@code  refused:} signals. */
        String evidence() {
            String base = "visit:" + site + "@" + from + "/" + to;
            return signals.isEmpty() ? base : base + (refused ? " refused:" : " flagged:")
                    + signals.stream().map(Enum::name).collect(Collectors.joining(","));
        }
    }

    /** A day a technician had a job, with the job's site (kept here, so the day outlives the job's other state). */
    private record JobDay(JobId job, LocalDate day, Site site) {}

    /**
     * A site of no job held any more, with its currency, how many long stays there still wait to be settled and how
     * many visits there were still going on when its last job was let go (each is judged when it ends).
     */
    private static final class LapsedSite {
        final Site site;
        final Currency currency;
        int staysToSettle;
        int visitsGoingOn;

        boolean needed() {
            return staysToSettle > 0 || visitsGoingOn > 0;
        }

        LapsedSite(Site site, Currency currency) {
            this.site = site;
            this.currency = currency;
        }
    }

    private final LeakagePolicy policy;
    private final Map<JobId, Site> jobSites = new HashMap<>();
    private final Map<JobId, Currency> currencies = new HashMap<>();
    private final Map<SiteId, List<JobId>> siteJobs = new HashMap<>();
    private final Map<SiteId, List<Stay>> staysBySite = new HashMap<>();
    private final Map<TechnicianId, List<JobDay>> technicianDays = new HashMap<>();
    private final Map<JobId, TechnicianId> assigned = new HashMap<>();
    private final Set<Stay> longStays = new LinkedHashSet<>();
    /**
     * The long stays again, per technician by start (stays that start together in the order fed): settling walks only
     * the stays that started before its cut, not every long stay kept.
     */
    private final Map<TechnicianId, TreeMap<Instant, List<Stay>>> longStaysByStart = new HashMap<>();
    private final Set<Stay> seen = new HashSet<>();
    /** Long stays whose site's stays were let go before they were settled: they leave {@link #seen} when settled. */
    private final Set<Stay> keptOnlyAsLong = new HashSet<>();
    /**
     * Sites whose last job was let go while long stays there still waited to be judged for OFF_BOOK_VISIT (a stay
     * days after the job, at its site): kept, with the stays' count, until those stays are settled.
     */
    private final Map<SiteId, LapsedSite> lapsedSites = new HashMap<>();
    /** Lapsed sites whose last visit going on has ended: a visit detector may drop their fences now. */
    private final List<SiteId> released = new ArrayList<>();
    /** The sites that had stays before any job there was known (a live detector may report them). */
    private final Set<SiteId> unplaced = new HashSet<>();

    public VisitBook(LeakagePolicy policy) {
        this.policy = policy;
    }

    public void site(JobId job, Site site, Currency currency) {
        jobSites.put(job, site);
        currencies.put(job, currency);
        siteJobs.computeIfAbsent(site.id(), s -> new ArrayList<>(1)).add(job);
    }

    public void assigned(TechnicianId technician, JobId job, Instant at) {
        assigned.put(job, technician);
        technicianDays.computeIfAbsent(technician, t -> new ArrayList<>()).add(new JobDay(job, day(at), jobSites.get(job)));
    }

    public void completed(JobId job, Instant at) {
        TechnicianId technician = assigned.get(job);
        if (technician != null) {
            technicianDays.computeIfAbsent(technician, t -> new ArrayList<>())
                    .add(new JobDay(job, day(at), jobSites.get(job)));
        }
    }

    /**
     * Records a stay (a repeated one changes nothing): with {@code signals} it was built from suspect pings, and
     * {@code refused} says the business does not count it as a visit. Returns the jobs at that site, whose
     * GHOST_VISIT and SUSPECT_VISIT verdicts may change.
     */
    public List<JobId> visit(TechnicianId technician, SiteId site, Instant from, Instant to, Set<SpoofSignal> signals,
                             boolean refused) {
        Objects.requireNonNull(technician, "technician");
        Objects.requireNonNull(site, "site");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a visit ends before it starts: " + from + " > " + to);
        }
        Stay stay = new Stay(technician, site, from, to, Set.copyOf(signals), refused && !signals.isEmpty(), day(from));
        if (!seen.add(stay)) {
            return List.of();
        }
        LapsedSite lapsed = siteJobs.containsKey(site) ? null : lapsedSites.get(site);
        if (lapsed != null && lapsed.visitsGoingOn > 0) {
            // a visit that was going on when the site's last job was let go: judged for OFF_BOOK_VISIT like the
            // long stays kept there, and no more
            if (--lapsed.visitsGoingOn == 0) {
                released.add(site);
            }
            if (keptIfLong(stay)) {
                keptOnlyAsLong.add(stay);
                lapsed.staysToSettle++;
            } else {
                seen.remove(stay);
                if (!lapsed.needed()) {
                    lapsedSites.remove(site);
                }
            }
            return List.of();
        }
        staysBySite.computeIfAbsent(site, s -> new ArrayList<>(2)).add(stay);
        if (!siteJobs.containsKey(site)) {
            unplaced.add(site);
        }
        keptIfLong(stay);
        return siteJobs.getOrDefault(site, List.of());
    }

    /** Keeps {@code stay} among the long stays OFF_BOOK_VISIT judges, if it is one (not refused, long enough). */
    private boolean keptIfLong(Stay stay) {
        if (stay.refused || Duration.between(stay.from, stay.to).compareTo(policy.offBookMinimumStay()) < 0) {
            return false;
        }
        longStays.add(stay);
        longStaysByStart.computeIfAbsent(stay.technician, t -> new TreeMap<>())
                .computeIfAbsent(stay.from, f -> new ArrayList<>(1)).add(stay);
        return true;
    }

    /**
     * The stays of {@code technician} at the job's site of at least the ghost minimum within {@code [from, to]},
     * refused ones included, in the order they were fed.
     */
    List<Stay> stays(JobId job, TechnicianId technician, Instant from, Instant to) {
        Site site = jobSites.get(job);
        if (site == null) {
            return List.of();
        }
        List<Stay> out = new ArrayList<>();
        for (Stay s : staysBySite.getOrDefault(site.id(), List.of())) {
            if (!s.technician.equals(technician)) {
                continue;
            }
            Instant start = s.from.isAfter(from) ? s.from : from;
            Instant end = s.to.isBefore(to) ? s.to : to;
            if (!end.isBefore(start) && Duration.between(start, end).compareTo(policy.ghostVisitMinimumStay()) >= 0) {
                out.add(s);
            }
        }
        return out;
    }

    /** What the visit rules conclude for a completed job: a clean visit, only flagged ones, or none (refused ones named). */
    Visited visited(JobId job, TechnicianId technician, Instant from, Instant to) {
        List<Stay> stays = stays(job, technician, from, to);
        if (stays.stream().anyMatch(s -> s.signals.isEmpty())) {
            return new Visited(true, List.of());
        }
        List<String> evidence = stays.stream().map(Stay::evidence).toList();
        return new Visited(stays.stream().anyMatch(s -> !s.refused), evidence);
    }

    /** Whether the technician was there ({@code visited}), and the suspect stays that were all there was. */
    record Visited(boolean visited, List<String> suspectStays) {}

    /**
     * One finding per off-book stay: a long stay at a known site, ended by {@code asOf}, where the technician had
     * no job there that day. Simultaneous stays of one technician at several fences (one customer's sites of
     * several jobs overlap) are one stay, with every site in the evidence.
     */
    public List<Finding> offBook(Instant asOf, Function<TechnicianId, BranchId> branches) {
        List<Stay> ended = new ArrayList<>();
        for (Stay stay : longStays) {
            if (!stay.to.isAfter(asOf)) {
                ended.add(stay);
            }
        }
        return offBook(ended, branches);
    }

    /**
     * Settles the long stays that ended before {@code before} and that no later stay of the same technician can
     * join (none still kept starts within a second of their end): returns their OFF_BOOK_VISIT findings (judged
     * now, while the jobs of their day are all known) and lets the stays go from the off-book list.
     */
    public List<Finding> settleStays(Instant before, Function<TechnicianId, BranchId> branches) {
        List<Stay> settled = new ArrayList<>();
        List<Stay> atLapsedSites = new ArrayList<>();
        for (Iterator<TreeMap<Instant, List<Stay>>> byTechnician = longStaysByStart.values().iterator();
             byTechnician.hasNext(); ) {
            TreeMap<Instant, List<Stay>> byStart = byTechnician.next();
            // a stay that ended before the cut started before it; of the stays kept, the first to start either
            // started before the cut too or is the first to start after it
            NavigableMap<Instant, List<Stay>> started = byStart.headMap(before, false);
            Instant firstKept = byStart.ceilingKey(before);
            List<Stay> ended = new ArrayList<>();
            for (List<Stay> stays : started.values()) {
                for (Stay stay : stays) {
                    if (stay.to.isBefore(before)) {
                        ended.add(stay);
                    } else if (firstKept == null || stay.from.isBefore(firstKept)) {
                        firstKept = stay.from;
                    }
                }
            }
            for (Stay stay : ended) {
                if (firstKept == null || stay.to.plusSeconds(1).isBefore(firstKept)) {
                    settled.add(stay);
                    longStays.remove(stay);
                    if (keptOnlyAsLong.remove(stay)) {
                        seen.remove(stay);
                        atLapsedSites.add(stay);
                    }
                    List<Stay> sameStart = byStart.get(stay.from);
                    sameStart.remove(stay);
                    if (sameStart.isEmpty()) {
                        byStart.remove(stay.from);
                    }
                }
            }
            if (byStart.isEmpty()) {
                byTechnician.remove();
            }
        }
        List<Finding> found = offBook(settled, branches);
        for (Stay stay : atLapsedSites) { // judged: their site may go
            LapsedSite lapsed = lapsedSites.get(stay.site);
            if (lapsed != null && --lapsed.staysToSettle == 0 && !lapsed.needed()) {
                lapsedSites.remove(stay.site);
            }
        }
        return found;
    }

    /**
     * Lets go of {@code job}'s site and assignment; returns its site when no other job uses it (its stays are let go
     * too, and a visit detector may drop its fence). {@code visitsGoingOn} visits at the site have begun and not
     * ended: if the site goes, it is kept known for them, to judge them for OFF_BOOK_VISIT when they end, and is not
     * returned (its fence must stay for them): {@link #takeReleasedSites} gives it once they have ended.
     */
    public Optional<SiteId> forgetJob(JobId job, int visitsGoingOn) {
        Currency currency = currencies.remove(job);
        assigned.remove(job);
        Site site = jobSites.remove(job);
        if (site == null) {
            return Optional.empty();
        }
        List<JobId> jobs = siteJobs.get(site.id());
        jobs.remove(job);
        if (!jobs.isEmpty()) {
            return Optional.empty();
        }
        siteJobs.remove(site.id());
        List<Stay> stays = staysBySite.remove(site.id());
        int unsettled = forgetStays(stays);
        if (unsettled > 0 || visitsGoingOn > 0) {
            LapsedSite lapsed = lapsedSites.computeIfAbsent(site.id(), id -> new LapsedSite(site, currency));
            lapsed.staysToSettle += unsettled;
            lapsed.visitsGoingOn += visitsGoingOn;
        }
        return visitsGoingOn > 0 ? Optional.empty() : Optional.of(site.id());
    }

    /** The sites kept for visits going on when their last job was let go, whose visits have all ended since. */
    public List<SiteId> takeReleasedSites() {
        List<SiteId> out = List.copyOf(released);
        released.clear();
        return out;
    }

    /** How many sites of no job held are kept for their stays or visits going on (for tests of what is let go). */
    public int lapsedSitesHeld() {
        return lapsedSites.size();
    }

    /**
     * Lets go of the days before {@code before}'s day (and before the day of any long stay still kept), and of
     * stays at sites of no known job that ended before {@code before}.
     */
    public void forgetBefore(Instant before) {
        LocalDate keepFrom = day(before).minusDays(1);
        for (TreeMap<Instant, List<Stay>> byStart : longStaysByStart.values()) {
            LocalDate firstDay = byStart.firstEntry().getValue().get(0).fromDay;
            if (firstDay.isBefore(keepFrom)) {
                keepFrom = firstDay;
            }
        }
        LocalDate cut = keepFrom;
        for (Iterator<List<JobDay>> it = technicianDays.values().iterator(); it.hasNext(); ) {
            List<JobDay> days = it.next();
            days.removeIf(d -> d.day.isBefore(cut));
            if (days.isEmpty()) {
                it.remove();
            }
        }
        for (Iterator<SiteId> it = unplaced.iterator(); it.hasNext(); ) {
            SiteId site = it.next();
            List<Stay> stays = staysBySite.get(site);
            if (siteJobs.containsKey(site) || stays == null) {
                it.remove();
                continue;
            }
            List<Stay> old = new ArrayList<>();
            stays.removeIf(s -> s.to.isBefore(before) && !longStays.contains(s) && old.add(s));
            forgetStays(old);
            if (stays.isEmpty()) {
                staysBySite.remove(site);
                it.remove();
            }
        }
    }

    /** Lets go of {@code stays} but for the long ones still to be settled; returns how many of those there are. */
    private int forgetStays(Collection<Stay> stays) {
        int unsettled = 0;
        if (stays != null) {
            for (Stay s : stays) {
                if (longStays.contains(s)) {
                    keptOnlyAsLong.add(s);
                    unsettled++;
                } else {
                    seen.remove(s);
                }
            }
        }
        return unsettled;
    }

    private List<Finding> offBook(List<Stay> stays, Function<TechnicianId, BranchId> branches) {
        List<Stay> offBook = new ArrayList<>();
        for (Stay stay : stays) {
            if (knownSite(stay.site) != null && !hadJobThere(stay)) {
                offBook.add(stay);
            }
        }
        offBook.sort(Comparator.comparing((Stay st) -> st.technician.value()).thenComparing(Stay::from)
                .thenComparing(st -> st.site.value()));
        List<Finding> out = new ArrayList<>();
        int i = 0;
        while (i < offBook.size()) {
            Stay first = offBook.get(i);
            Instant end = first.to;
            List<String> evidence = new ArrayList<>();
            int j = i;
            while (j < offBook.size() && offBook.get(j).technician.equals(first.technician)
                    && offBook.get(j).from.isBefore(end.plusSeconds(1))) {
                Stay s = offBook.get(j);
                evidence.add(s.evidence());
                if (s.to.isAfter(end)) {
                    end = s.to;
                }
                j++;
            }
            out.add(new Finding(LeakageCode.OFF_BOOK_VISIT, null, first.technician, branches.apply(first.technician), null,
                    Money.zero(currencyAt(first.site)), evidence, end));
            i = j;
        }
        return out;
    }

    /** The site of a job held, or of a job let go while long stays there wait to be settled; else null. */
    private Site knownSite(SiteId id) {
        List<JobId> jobs = siteJobs.get(id);
        if (jobs != null) {
            return jobSites.get(jobs.get(0));
        }
        LapsedSite lapsed = lapsedSites.get(id);
        return lapsed == null ? null : lapsed.site;
    }

    private Currency currencyAt(SiteId id) {
        List<JobId> jobs = siteJobs.get(id);
        return jobs != null ? currencies.get(jobs.get(0)) : lapsedSites.get(id).currency;
    }

    private boolean hadJobThere(Stay stay) {
        Site here = knownSite(stay.site);
        LocalDate day = stay.fromDay;
        for (JobDay jd : technicianDays.getOrDefault(stay.technician, List.of())) {
            if (!jd.day.equals(day)) {
                continue;
            }
            Site there = jd.site != null ? jd.site : jobSites.get(jd.job);
            if (there != null && (there.id().equals(here.id()) || there.location().distanceMetres(here.location())
                    <= there.radiusMetres() + here.radiusMetres())) {
                return true;
            }
        }
        return false;
    }

    private LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, policy.zone());
    }
}
