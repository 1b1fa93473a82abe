package io.github.geodispatch.dispatch;

import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RecommendProperties {
    private static final Actor DISPATCHER = Actor.dispatcher(TenantId.of("acme"), BranchId.of("blr-north"), "d1");

    private static Dispatcher board(Scenarios s, Dispatcher.CandidateSearch search) {
        Dispatcher d = Dispatcher.builder().clock(InstantSource.fixed(s.now)).serviceAreaFences(Scenarios.FENCES)
                .candidateSearch(search).build();
        d.putTechnicians(s.technicians);
        s.routes.forEach(d::putRoute);
        return d;
    }

    @Property(tries = 300)
    void everyRecommendedTechnicianSatisfiesEveryHardRuleAndNoFeasibleOneIsRejected(@ForAll long seed) {
        Scenarios s = new Scenarios(seed, 12, 6);
        Dispatcher board = board(s, Dispatcher.CandidateSearch.INDEXED);
        BruteForceOracle oracle = new BruteForceOracle(HaversineTravelTimes.defaults(), Scenarios.FENCES);
        for (int k = 0; k < 4; k++) {
            DispatchJob job = s.job();
            Recommendation rec = board.recommend(job);
            Statistics.label("ranked").collect(rec.ranked().isEmpty() ? "none" : rec.ranked().size() < 3 ? "1-2" : "3+");
            rec.rejectedByPrimaryReason().keySet().forEach(r -> Statistics.label("reasons").collect(r));
            Set<TechnicianId> ranked = new HashSet<>();
            for (Candidate c : rec.ranked()) {
                ranked.add(c.technician());
                Technician t = board.technician(c.technician()).orElseThrow();
                Route route = board.route(c.technician());
                Long start = oracle.startIfFeasible(t, route, t.liveLocation(), job, c.insertion().position(), s.now);
                assertThat(start).as("oracle start of %s at %s", c.technician(), c.insertion()).isNotNull();
                assertThat(Instant.ofEpochSecond(start)).isEqualTo(c.insertion().start());
            }
            for (Technician t : s.technicians) {
                Route route = board.route(t.id());
                boolean feasible = oracle.feasible(t, route, t.liveLocation(), job, s.now);
                assertThat(ranked.contains(t.id())).as("%s feasible per oracle: %s", t.id(), feasible).isEqualTo(feasible);
                if (!feasible) {
                    Rejection r = rec.rejection(t.id()).orElseThrow();
                    Set<RejectionReason> profile = oracle.profileReasons(t, job, s.now);
                    if (profile.isEmpty()) {
                        boolean full = route.completedToday() + route.visits().size() >= t.maxJobsPerDay();
                        assertThat(r.reasons()).containsExactly(full ? RejectionReason.OVER_CAPACITY : RejectionReason.NO_SLOT);
                    } else {
                        assertThat(r.reasons()).isEqualTo(profile);
                    }
                } else {
                    assertThat(rec.rejection(t.id())).isEmpty();
                }
            }
            int counted = rec.rejectedByPrimaryReason().values().stream().mapToInt(Integer::intValue).sum();
            assertThat(counted + rec.ranked().size()).isEqualTo(s.technicians.size());
        }
    }

    @Property(tries = 150)
    void indexedAndExhaustiveSearchesRankTheSame(@ForAll long seed) {
        Scenarios s = new Scenarios(seed, 10, 7);
        Dispatcher fast = board(s, Dispatcher.CandidateSearch.INDEXED);
        Dispatcher naive = board(s, Dispatcher.CandidateSearch.EXHAUSTIVE);
        for (int k = 0; k < 4; k++) {
            DispatchJob job = s.job();
            Recommendation a = fast.recommend(job);
            Recommendation b = naive.recommend(job);
            assertThat(a.ranked()).isEqualTo(b.ranked());
            assertThat(a.best()).isEqualTo(b.best());
            assertThat(a.rejectedByPrimaryReason()).isEqualTo(b.rejectedByPrimaryReason());
        }
    }

    @Property(tries = 150)
    void assigningNeverBreaksAnExistingVisitWindowPinOrShiftEnd(@ForAll long seed) {
        Scenarios s = new Scenarios(seed, 6, 5);
        Dispatcher board = board(s, Dispatcher.CandidateSearch.INDEXED);
        BruteForceOracle oracle = new BruteForceOracle(HaversineTravelTimes.defaults(), Scenarios.FENCES);
        for (int k = 0; k < 6; k++) {
            DispatchJob job = s.job();
            Recommendation rec = board.recommend(job);
            if (rec.best().isEmpty()) {
                continue;
            }
            TechnicianId tech = rec.best().get().technician();
            Technician t = board.technician(tech).orElseThrow();
            Route before = board.route(tech);
            BruteForceOracle.Timing was = oracle.time(t, t.liveLocation(), before.visits(), s.now);
            Assignment a = board.assign(rec, DISPATCHER);
            Route after = board.route(tech);
            BruteForceOracle.Timing is = oracle.time(t, t.liveLocation(), after.visits(), s.now);
            int at = a.insertion().position();
            assertThat(after.visits().get(at).job().id()).isEqualTo(job.id());
            List<Visit> old = before.visits();
            for (int i = 0; i < old.size(); i++) {
                if (old.get(i).started()) {
                    continue;
                }
                long oldStart = was.start()[i];
                long newStart = is.start()[i < at ? i : i + 1];
                DispatchJob v = old.get(i).job();
                if (old.get(i).pinned()) {
                    assertThat(newStart).isLessThanOrEqualTo(oldStart);
                } else if (v.window() != null) {
                    assertThat(newStart).isLessThanOrEqualTo(Math.max(oldStart, v.window().to().getEpochSecond()));
                }
            }
            if (job.window() != null) {
                assertThat(is.start()[at]).isBetween(job.window().from().getEpochSecond(), job.window().to().getEpochSecond());
            }
            assertThat(is.back()).isLessThanOrEqualTo(Math.max(was.back(), t.shift().end().getEpochSecond()));
        }
    }
}
