package io.github.geodispatch.dispatch.internal;
import io.github.geodispatch.dispatch.Candidate;
import io.github.geodispatch.dispatch.DispatchJob;
import io.github.geodispatch.dispatch.Displacement;
import io.github.geodispatch.dispatch.Insertion;
import io.github.geodispatch.dispatch.Recommendation;
import io.github.geodispatch.dispatch.Rejection;
import io.github.geodispatch.dispatch.RejectionReason;
import io.github.geodispatch.dispatch.ScoreBreakdown;
import io.github.geodispatch.dispatch.Technician;
import io.github.geodispatch.dispatch.Visit;
import io.github.geodispatch.spi.SkillRequirement;
import io.github.geodispatch.spi.TechnicianId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The {@link Recommendation} the board computes: eager where the search already did the work, lazy for the
 * reasons of technicians the indexes ruled out. Immutable once built; the lazy parts are safe to call from any thread.
 */
final class RankedRecommendation implements Recommendation {
    private final Roster roster;
    private final Query query;
    private final Scoring scoring;
    private final Evaluation ev;
    private final Displacement displacement;
    private volatile List<Candidate> ranked;
    private volatile Candidate best;

    public RankedRecommendation(Roster roster, Query query, Scoring scoring, Evaluation ev, Displacement displacement) {
        this.roster = roster;
        this.query = query;
        this.scoring = scoring;
        this.ev = ev;
        this.displacement = displacement;
    }

    @Override
    public DispatchJob job() {
        return query.job;
    }

    @Override
    public Instant at() {
        return Instant.ofEpochSecond(query.now);
    }

    @Override
    public int technicianCount() {
        return roster.size();
    }

    @Override
    public Optional<Candidate> best() {
        if (ev.n == 0) {
            return Optional.empty();
        }
        Candidate b = best;
        if (b == null) {
            int i = ev.bestIndex(roster);
            b = candidate(i, 1);
            best = b;
        }
        return Optional.of(b);
    }

    @Override
    public List<Candidate> ranked() {
        List<Candidate> r = ranked;
        if (r == null) {
            int[] order = ev.order(roster);
            List<Candidate> list = new ArrayList<>(order.length);
            for (int k = 0; k < order.length; k++) {
                list.add(candidate(order[k], k + 1));
            }
            r = Collections.unmodifiableList(list);
            ranked = r;
        }
        return r;
    }

    @Override
    public Map<RejectionReason, Integer> rejectedByPrimaryReason() {
        Map<RejectionReason, Integer> m = new EnumMap<>(RejectionReason.class);
        for (RejectionReason r : RejectionReason.values()) {
            int c = ev.primaryCounts[r.ordinal()];
            if (c > 0) {
                m.put(r, c);
            }
        }
        return m;
    }

    @Override
    public int rejectedCount() {
        return roster.size() - ev.n;
    }

    @Override
    public Optional<Rejection> rejection(TechnicianId technician) {
        Integer t = roster.indexOf.get(technician);
        if (t == null) {
            throw new IllegalArgumentException("technician " + technician + " was not on the roster of this recommendation");
        }
        for (int i = 0; i < ev.n; i++) {
            if (ev.tech[i] == t) {
                return Optional.empty();
            }
        }
        for (int i = 0; i < ev.rejected; i++) {
            if (ev.rejTech[i] == t) {
                return Optional.of(rejection(t, ev.rejBits[i], ev.rejRouteExamined[i]));
            }
        }
        return Optional.of(rejection(t, roster.profileReasons(t, query), false));
    }

    @Override
    public Stream<Rejection> rejections() {
        boolean[] ranked = new boolean[roster.size()];
        for (int i = 0; i < ev.n; i++) {
            ranked[ev.tech[i]] = true;
        }
        return IntStream.range(0, roster.size()).filter(t -> !ranked[t])
                .mapToObj(t -> rejection(roster.techs[t].id()).orElseThrow());
    }

    @Override
    public Optional<Displacement> displacement() {
        return Optional.ofNullable(displacement);
    }

    @Override
    public String explain() {
        StringBuilder sb = new StringBuilder();
        DispatchJob job = query.job;
        sb.append("Job ").append(job.id()).append(" (").append(job.jobType()).append(", ").append(job.priority())
                .append(") at ").append(at()).append(": ").append(ev.n).append(" of ").append(roster.size())
                .append(" technicians can take it.\n");
        List<Candidate> list = ranked();
        for (int k = 0; k < Math.min(3, list.size()); k++) {
            Candidate c = list.get(k);
            sb.append(k == 0 ? "Recommended: " : "  #" + c.rank() + ": ").append(c.technician())
                    .append(" - arrives ").append(c.insertion().eta()).append(", starts ").append(c.insertion().start())
                    .append(", visit ").append(c.insertion().position() + 1).append(" of the route; ")
                    .append(c.score().describe()).append('\n');
        }
        if (list.isEmpty()) {
            sb.append("Nobody can take it.\n");
        }
        sb.append("Not chosen:");
        rejectedByPrimaryReason().forEach((r, c) -> sb.append(' ').append(r).append('=').append(c));
        sb.append('\n');
        if (displacement != null) {
            sb.append("Emergency option: ").append(displacement.explanation()).append('\n');
        }
        return sb.toString();
    }

    private Candidate candidate(int i, int rank) {
        DayState s = ev.state[i];
        int p = ev.pos[i];
        List<Visit> visits = s.route.visits();
        int at = s.started + p;
        Insertion ins = new Insertion(at, at > 0 ? visits.get(at - 1).job().id() : null,
                at < visits.size() ? visits.get(at).job().id() : null, Instant.ofEpochSecond(ev.eta[i]),
                Instant.ofEpochSecond(ev.start[i]), Instant.ofEpochSecond(ev.end[i]));
        int t = ev.tech[i];
        boolean preferred = s.technician.id().equals(query.job.preferredTechnician());
        int max = roster.maxJobs[t];
        ScoreBreakdown score = new ScoreBreakdown(Duration.ofSeconds(ev.added[i]),
                query.hasWindow() ? Duration.ofSeconds(query.windowTo - ev.start[i]) : null,
                query.hasDeadline() ? Duration.ofSeconds(query.deadline - ev.end[i]) : null,
                ev.jobsAfter[i], max, preferred, ev.skillMargin[i],
                scoring.travelCost(ev.added[i]), scoring.slackCost(query, ev.start[i]),
                scoring.slaCost(query, ev.end[i]), scoring.workloadCost(ev.jobsAfter[i], max),
                scoring.continuityCost(query, preferred), scoring.skillMarginCost(ev.skillMargin[i]));
        return new Candidate(roster.techs[t].id(), rank, ins, score);
    }

    private Rejection rejection(int t, int bits, boolean routeExamined) {
        Technician tech = roster.techs[t];
        DispatchJob job = query.job;
        List<String> details = new ArrayList<>();
        Set<RejectionReason> reasons = Reasons.toSet(bits);
        for (RejectionReason r : reasons) {
            switch (r) {
                case BRANCH_MISMATCH -> details.add("works for branch " + tech.branch() + ", job is in " + job.branch());
                case OUTSIDE_SERVICE_AREA -> details.add("site " + job.location().lat() + "," + job.location().lng()
                        + " outside the technician's service areas");
                case SKILL_MISSING -> {
                    for (SkillRequirement req : job.requiredSkills()) {
                        int level = tech.levelIn(req.skill());
                        if (level < req.minLevel()) {
                            details.add(req.skill() + " level " + level + " < " + req.minLevel());
                        }
                    }
                }
                case CERTIFICATION_EXPIRED -> {
                    Instant earliest = Instant.ofEpochSecond(query.earliest);
                    for (String code : job.requiredCertifications()) {
                        if (!tech.certifiedAt(code, earliest)) {
                            details.add("certification " + code + " missing or expired at " + earliest);
                        }
                    }
                }
                case OFF_SHIFT -> details.add(tech.shift() == null ? "no shift today"
                        : "shift " + tech.shift().start() + ".." + tech.shift().end() + " leaves no time for "
                        + job.duration().toMinutes() + " min of work in the job's window");
                case OVER_CAPACITY -> details.add("already " + roster.slots[t].state.jobsToday() + " of "
                        + tech.maxJobsPerDay() + " jobs today");
                case NO_SLOT -> details.add("no position in the route fits travel and "
                        + job.duration().toMinutes() + " min of work without breaking a visit or the shift end");
                default -> throw new IllegalStateException(r.name());
            }
        }
        return new Rejection(tech.id(), reasons, routeExamined, details);
    }
}
