package io.github.geodispatch.dispatch.internal;
import io.github.geodispatch.dispatch.Certification;
import io.github.geodispatch.dispatch.ServiceAreas;
import io.github.geodispatch.dispatch.Shift;
import io.github.geodispatch.dispatch.Technician;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TimeWindow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The technicians' profiles compiled for candidate search: ids interned to ints, skill levels in a dense
 * byte matrix, certification expiries in a dense long matrix, shifts in long arrays, and the area index
 * (H3 cell to technicians, fence id to technicians, technicians who work anywhere). Immutable and
 * thread-safe; rebuilt whole when the roster changes. {@link #slots} are carried over between rebuilds.
 */
final class Roster {
    static final long NO_CERT = Long.MIN_VALUE;

    final Technician[] techs;
    final TechSlot[] slots;
    final Map<TechnicianId, Integer> indexOf;
    final Map<BranchId, Integer> branchIds;
    final int[] techBranch;
    final int[] branchSize;
    final Map<String, Integer> skillIds;
    final byte[][] levels;
    final Map<String, Integer> certIds;
    final long[][] certExpiry;
    final long[] shiftStart;
    final long[] shiftEnd;
    final int[] maxJobs;
    final Map<Long, int[]> byCell;
    final Map<String, int[]> byFence;
    final int[] anywhere;
    /** Distinct H3 resolutions used by some technician's cells, ascending. */
    final int[] resolutions;

    Roster(List<Technician> technicians, List<TechSlot> slotList) {
        int n = technicians.size();
        techs = technicians.toArray(new Technician[0]);
        slots = slotList.toArray(new TechSlot[0]);
        indexOf = new HashMap<>(n * 2);
        branchIds = new HashMap<>();
        techBranch = new int[n];
        skillIds = new HashMap<>();
        certIds = new HashMap<>();
        for (int t = 0; t < n; t++) {
            Technician tech = techs[t];
            indexOf.put(tech.id(), t);
            techBranch[t] = branchIds.computeIfAbsent(tech.branch(), b -> branchIds.size());
            for (String skill : new TreeSet<>(tech.skills().keySet())) {
                skillIds.computeIfAbsent(skill, k -> skillIds.size());
            }
            for (Certification c : tech.certifications()) {
                certIds.computeIfAbsent(c.code(), k -> certIds.size());
            }
        }
        branchSize = new int[branchIds.size()];
        levels = new byte[n][];
        certExpiry = new long[n][];
        shiftStart = new long[n];
        shiftEnd = new long[n];
        maxJobs = new int[n];
        Map<Long, List<Integer>> cells = new HashMap<>();
        Map<String, List<Integer>> fences = new HashMap<>();
        List<Integer> free = new ArrayList<>();
        Set<Integer> res = new TreeSet<>();
        for (int t = 0; t < n; t++) {
            Technician tech = techs[t];
            branchSize[techBranch[t]]++;
            byte[] lv = new byte[skillIds.size()];
            tech.skills().forEach((k, v) -> lv[skillIds.get(k)] = v.byteValue());
            levels[t] = lv;
            long[] ce = new long[certIds.size()];
            Arrays.fill(ce, NO_CERT);
            for (Certification c : tech.certifications()) {
                ce[certIds.get(c.code())] = c.expiresAt().getEpochSecond();
            }
            certExpiry[t] = ce;
            Shift shift = tech.shift();
            shiftStart[t] = shift == null ? DayState.NO_BOUND_HIGH : shift.start().getEpochSecond();
            shiftEnd[t] = shift == null ? DayState.NO_BOUND_LOW : shift.end().getEpochSecond();
            maxJobs[t] = tech.maxJobsPerDay();
            ServiceAreas areas = tech.serviceAreas();
            if (areas.unrestricted()) {
                free.add(t);
            }
            if (!areas.h3Cells().isEmpty()) {
                res.add(areas.h3Resolution());
            }
            for (long cell : areas.h3Cells()) {
                cells.computeIfAbsent(cell, k -> new ArrayList<>()).add(t);
            }
            for (String fence : areas.fenceIds()) {
                fences.computeIfAbsent(fence, k -> new ArrayList<>()).add(t);
            }
        }
        byCell = new HashMap<>(cells.size() * 2);
        cells.forEach((k, v) -> byCell.put(k, toArray(v)));
        byFence = new HashMap<>(fences.size() * 2);
        fences.forEach((k, v) -> byFence.put(k, toArray(v)));
        anywhere = toArray(free);
        resolutions = res.stream().mapToInt(Integer::intValue).toArray();
    }

    int size() {
        return techs.length;
    }

    /** Bit set of the profile rules technician {@code t} fails for {@code q} (see {@link Reasons}). */
    int profileReasons(int t, Query q) {
        int bits = 0;
        if (techBranch[t] != q.branch) {
            bits |= Reasons.BRANCH_MISMATCH;
        }
        if (!inArea(t, q)) {
            bits |= Reasons.OUTSIDE_SERVICE_AREA;
        }
        if (!skilled(t, q)) {
            bits |= Reasons.SKILL_MISSING;
        }
        if (!certified(t, q)) {
            bits |= Reasons.CERTIFICATION_EXPIRED;
        }
        if (!onShift(t, q)) {
            bits |= Reasons.OFF_SHIFT;
        }
        return bits;
    }

    boolean inArea(int t, Query q) {
        ServiceAreas areas = techs[t].serviceAreas();
        if (areas.unrestricted()) {
            return true;
        }
        if (!areas.h3Cells().isEmpty() && areas.h3Cells().contains(q.cellAt(areas.h3Resolution()))) {
            return true;
        }
        for (String fence : areas.fenceIds()) {
            if (q.fences.contains(fence)) {
                return true;
            }
        }
        return false;
    }

    boolean skilled(int t, Query q) {
        byte[] lv = levels[t];
        int[] ids = q.skillIds;
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || lv[ids[i]] < q.minLevels[i]) {
                return false;
            }
        }
        return true;
    }

    boolean certified(int t, Query q) {
        long[] ce = certExpiry[t];
        int[] ids = q.certIds;
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ce[ids[i]] <= q.earliest) {
                return false;
            }
        }
        return true;
    }

    boolean onShift(int t, Query q) {
        long earliest = Math.max(q.earliest, shiftStart[t]);
        long latest = Math.min(q.windowTo, shiftEnd[t] - q.duration);
        return earliest <= latest;
    }

    /** Work in the profile rules' time frame: earliest start is max(now, window start). */
    static long earliest(long now, TimeWindow window) {
        return window == null ? now : Math.max(now, window.from().getEpochSecond());
    }

    private static int[] toArray(List<Integer> list) {
        int[] a = new int[list.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = list.get(i);
        }
        return a;
    }
}
