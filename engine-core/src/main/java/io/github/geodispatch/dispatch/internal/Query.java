package io.github.geodispatch.dispatch.internal;
import io.github.geodispatch.dispatch.DispatchJob;
import io.github.geodispatch.dispatch.ServiceAreaFences;
import io.github.geodispatch.spi.SkillRequirement;
import java.util.Iterator;
import java.util.Set;

/**
 * A job compiled against one {@link Roster}: branch, skills and certifications as interned ids (-1 =
 * nobody holds it), times as epoch seconds, the site's H3 cell at every resolution the roster uses and
 * the SERVICE_AREA fences containing the site. Immutable and thread-safe.
 */
final class Query {
    final DispatchJob job;
    final long now;
    final int branch;
    final int[] skillIds;
    final int[] minLevels;
    final int[] certIds;
    /** max(now, window start): when the work could start at the earliest. */
    final long earliest;
    final long windowFrom;
    final long windowTo;
    final long duration;
    final long deadline;
    final double lat;
    final double lng;
    final Set<String> fences;
    private final long[] cells = new long[16];

    Query(Roster roster, DispatchJob job, long now, ServiceAreaFences fenceLookup) {
        this.job = job;
        this.now = now;
        Integer b = roster.branchIds.get(job.branch());
        this.branch = b == null ? -1 : b;
        int k = job.requiredSkills().size();
        skillIds = new int[k];
        minLevels = new int[k];
        for (int i = 0; i < k; i++) {
            SkillRequirement r = job.requiredSkills().get(i);
            Integer id = roster.skillIds.get(r.skill());
            skillIds[i] = id == null ? -1 : id;
            minLevels[i] = r.minLevel();
        }
        certIds = new int[job.requiredCertifications().size()];
        Iterator<String> it = job.requiredCertifications().iterator();
        for (int i = 0; i < certIds.length; i++) {
            Integer id = roster.certIds.get(it.next());
            certIds[i] = id == null ? -1 : id;
        }
        windowFrom = job.window() == null ? DayState.NO_BOUND_LOW : job.window().from().getEpochSecond();
        windowTo = job.window() == null ? DayState.NO_BOUND_HIGH : job.window().to().getEpochSecond();
        earliest = Roster.earliest(now, job.window());
        duration = job.duration().getSeconds();
        deadline = job.slaDeadline() == null ? DayState.NO_BOUND_HIGH : job.slaDeadline().getEpochSecond();
        lat = job.location().lat();
        lng = job.location().lng();
        int[] res = roster.resolutions;
        if (res.length > 0) {
            int finest = res[res.length - 1];
            long cell = H3Grid.cellAt(lat, lng, finest);
            cells[finest] = cell;
            for (int i = 0; i < res.length - 1; i++) {
                cells[res[i]] = H3Grid.parent(cell, res[i]);
            }
        }
        fences = roster.byFence.isEmpty() ? Set.of() : Set.copyOf(fenceLookup.fencesAt(job.location()));
    }

    /** The site's H3 cell at {@code resolution}. */
    long cellAt(int resolution) {
        long c = cells[resolution];
        return c != 0 ? c : H3Grid.cellAt(lat, lng, resolution);
    }

    boolean hasWindow() {
        return job.window() != null;
    }

    boolean hasDeadline() {
        return job.slaDeadline() != null;
    }
}
