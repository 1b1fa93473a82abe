package io.github.geodispatch.dispatch.plan.internal;
import io.github.geodispatch.dispatch.Certification;
import io.github.geodispatch.dispatch.DispatchJob;
import io.github.geodispatch.dispatch.RejectionReason;
import io.github.geodispatch.dispatch.Route;
import io.github.geodispatch.dispatch.ServiceAreaFences;
import io.github.geodispatch.dispatch.Technician;
import io.github.geodispatch.dispatch.Visit;
import io.github.geodispatch.dispatch.plan.DayPlan;
import io.github.geodispatch.dispatch.plan.PlanDay;
import io.github.geodispatch.dispatch.plan.PlannedRoute;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.SkillRequirement;
import io.github.geodispatch.spi.TechnicianId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Splits a problem into groups that can be planned apart: two technicians are in one group when some job
 * to plan could go to either (their branch, service areas, skills and certifications all allow it), so no
 * job ever has a possible technician outside its group and the groups' plans together are a plan of the
 * whole. Branches, and service areas within a branch, fall apart this way. Technicians no job could go to
 * share one group with nothing to plan. Jobs no technician could take are left out, unassigned. Also
 * judges why a job stayed unassigned, against every technician on every day. Immutable once built.
 */
final class PlanGroups {
    /** One group: its part of the problem and the visits its planner may move. */
    record Group(PlanInput input, Set<TechnicianId> technicians, int movableVisits) {}

    /** A technician's profile as acceptance tests it, merged over the days (the most any day allows). */
    private record Profile(String branch, Map<String, Integer> skills, Set<String> areas, boolean anywhere) {}

    private final PlanInput input;
    private final List<TechnicianId> order = new ArrayList<>();
    /** Each technician's place in {@link #order}. */
    private final Map<TechnicianId, Integer> index = new HashMap<>();
    private final Map<TechnicianId, Profile> profiles = new HashMap<>();
    private final Map<String, List<TechnicianId>> byBranch = new HashMap<>();
    private final Set<Integer> resolutions = new TreeSet<>();
    private final ServiceAreaFences fences;
    private final Map<TechnicianId, Integer> groupOf = new HashMap<>();
    private final Map<JobId, Integer> jobGroup = new HashMap<>();
    private final List<Group> groups = new ArrayList<>();
    private final List<DispatchJob> nobody = new ArrayList<>();

    PlanGroups(PlanInput input, ServiceAreaFences fences) {
        this.input = input;
        this.fences = fences;
        for (PlanDay day : input.days()) {
            for (Technician t : day.technicians()) {
                addProfile(t);
            }
        }
        order.forEach(t -> byBranch.computeIfAbsent(profiles.get(t).branch(), b -> new ArrayList<>()).add(t));

        for (int i = 0; i < order.size(); i++) {
            index.put(order.get(i), i);
        }
        int[] parent = new int[order.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        Map<JobId, Integer> anchor = new LinkedHashMap<>();
        for (PlanDay day : input.days()) {
            for (Route route : day.routes()) {
                int holder = index.get(route.technician());
                for (Visit v : route.visits()) {
                    anchor.put(v.job().id(), holder); // fixed visits stay with their technician; movable ones may go to any taker
                    if (!v.pinned()) {
                        accepting(v.job()).forEach(t -> union(parent, holder, index.get(t)));
                    }
                }
            }
        }
        for (DispatchJob job : input.jobs()) {
            List<TechnicianId> takers = accepting(job);
            if (takers.isEmpty()) {
                nobody.add(job);
                continue;
            }
            int first = index.get(takers.get(0));
            takers.forEach(t -> union(parent, first, index.get(t)));
            anchor.put(job.id(), first);
        }

        // groups in the order of their first technician; technicians with nothing to plan share the last one
        Set<Integer> withWork = new HashSet<>();
        anchor.values().forEach(i -> withWork.add(find(parent, i)));
        Map<Integer, Integer> groupOfRoot = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            int root = find(parent, i);
            if (withWork.contains(root)) {
                groupOfRoot.computeIfAbsent(root, r -> groupOfRoot.size());
            }
        }
        int idle = groupOfRoot.size();
        for (int i = 0; i < order.size(); i++) {
            Integer g = groupOfRoot.get(find(parent, i));
            groupOf.put(order.get(i), g == null ? idle : g);
        }
        anchor.forEach((job, holder) -> jobGroup.put(job, groupOfRoot.get(find(parent, holder))));
        // a problem without technicians still has one (empty) group, where jobs arriving live wait unassigned
        int count = Math.max(1, idle + (groupOf.containsValue(idle) ? 1 : 0));
        for (int g = 0; g < count; g++) {
            groups.add(part(g));
        }
    }

    List<Group> groups() {
        return groups;
    }

    /** Jobs to plan that no technician could take on any day. */
    List<DispatchJob> nobody() {
        return nobody;
    }

    /** Visits the planner may move in all groups. */
    int movableVisits() {
        return groups.stream().mapToInt(Group::movableVisits).sum();
    }

    /** Where the technician is first listed in the problem (plans list routes in this order); unknown ones last. */
    int rank(TechnicianId technician) {
        return index.getOrDefault(technician, Integer.MAX_VALUE);
    }

    /** The group of a technician, or -1 when they are not in the problem. */
    int groupOf(TechnicianId technician) {
        return groupOf.getOrDefault(technician, -1);
    }

    /** The group planning a job of the problem, or -1 when it is not in the problem (or nobody can take it). */
    int groupOf(JobId job) {
        return jobGroup.getOrDefault(job, -1);
    }

    /** For a job that arrives while solving: the group with the most technicians who could take it, or -1 for none. */
    int groupFor(DispatchJob job) {
        Map<Integer, Integer> count = new HashMap<>();
        for (TechnicianId t : accepting(job)) {
            count.merge(groupOf.get(t), 1, Integer::sum);
        }
        int best = -1;
        for (Map.Entry<Integer, Integer> e : count.entrySet()) {
            if (best < 0 || e.getValue() > count.get(best) || (e.getValue().equals(count.get(best)) && e.getKey() < best)) {
                best = e.getKey();
            }
        }
        return best;
    }

    /**
     * Why each unassigned job of {@code plan} is not planned: for every technician on every day, how far the
     * job gets through the live board's rules in {@link RejectionReason} order (branch, area, skills,
     * certifications, shift and window, the day's maximum, a slot), and the furthest of them.
     */
    Map<JobId, RejectionReason> reasons(DayPlan plan, Map<JobId, DispatchJob> jobs) {
        Map<String, Integer> planned = new HashMap<>();
        for (PlannedRoute route : plan.routes()) {
            planned.put(route.technician().value() + "@" + route.day(), route.visits().size());
        }
        Map<String, Integer> done = new HashMap<>();
        for (PlanDay day : input.days()) {
            for (Route r : day.routes()) {
                done.put(r.technician().value() + "@" + (input.oneDay() ? null : day.date()), r.completedToday());
            }
        }
        Map<JobId, RejectionReason> reasons = new HashMap<>();
        for (JobId id : plan.unassigned()) {
            DispatchJob job = jobs.get(id);
            Set<String> areas = DayPlanModel.areaKeys(job.location(), resolutions, fences);
            RejectionReason furthest = RejectionReason.BRANCH_MISMATCH;
            for (PlanDay day : input.days()) {
                LocalDate date = input.oneDay() ? null : day.date();
                for (Technician t : day.technicians()) {
                    RejectionReason reached = reached(job, areas, t, planned, done, t.id().value() + "@" + date);
                    if (reached.ordinal() > furthest.ordinal()) {
                        furthest = reached;
                    }
                }
            }
            reasons.put(id, furthest);
        }
        return reasons;
    }

    private RejectionReason reached(DispatchJob job, Set<String> areas, Technician t, Map<String, Integer> planned,
            Map<String, Integer> done, String routeKey) {
        if (!t.branch().equals(job.branch())) {
            return RejectionReason.BRANCH_MISMATCH;
        }
        Set<String> served = DayPlanModel.areasOf(t.serviceAreas());
        if (!served.isEmpty() && served.stream().noneMatch(areas::contains)) {
            return RejectionReason.OUTSIDE_SERVICE_AREA;
        }
        for (SkillRequirement need : job.requiredSkills()) {
            if (t.levelIn(need.skill()) < need.minLevel()) {
                return RejectionReason.SKILL_MISSING;
            }
        }
        for (String cert : job.requiredCertifications()) {
            boolean held = t.shift() == null ? t.certifications().stream().anyMatch(c -> c.code().equals(cert))
                    : t.certifiedAt(cert, t.shift().end());
            if (!held) {
                return RejectionReason.CERTIFICATION_EXPIRED;
            }
        }
        if (t.shift() == null) {
            return RejectionReason.OFF_SHIFT;
        }
        long earliest = Math.max(t.shift().start().getEpochSecond(), input.now().getEpochSecond());
        long latest = t.shift().end().getEpochSecond() - job.duration().getSeconds();
        if (job.window() != null) {
            earliest = Math.max(earliest, job.window().from().getEpochSecond());
            latest = Math.min(latest, job.window().to().getEpochSecond());
        }
        if (earliest > latest) {
            return RejectionReason.OFF_SHIFT;
        }
        int load = planned.getOrDefault(routeKey, 0) + done.getOrDefault(routeKey, 0);
        return load >= t.maxJobsPerDay() ? RejectionReason.OVER_CAPACITY : RejectionReason.NO_SLOT;
    }

    /** Technicians (of any day) whose profile could take the job on some day. */
    private List<TechnicianId> accepting(DispatchJob job) {
        List<TechnicianId> takers = new ArrayList<>();
        Map<String, Integer> needs = DayPlanModel.needs(job);
        Set<String> areas = null;
        for (TechnicianId t : byBranch.getOrDefault(job.branch().value(), List.of())) {
            Profile p = profiles.get(t);
            if (!holds(p.skills(), needs)) {
                continue;
            }
            if (!p.anywhere()) {
                if (areas == null) {
                    areas = DayPlanModel.areaKeys(job.location(), resolutions, fences);
                }
                if (p.areas().stream().noneMatch(areas::contains)) {
                    continue;
                }
            }
            takers.add(t);
        }
        return takers;
    }

    private static boolean holds(Map<String, Integer> skills, Map<String, Integer> needs) {
        for (Map.Entry<String, Integer> need : needs.entrySet()) {
            Integer level = skills.get(need.getKey());
            if (level == null || level < need.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** Adds a day's profile of a technician; a certification counts whatever its expiry (grouping may only over-join). */
    private void addProfile(Technician t) {
        Map<String, Integer> skills = new HashMap<>(t.skills());
        for (Certification c : t.certifications()) {
            skills.put("cert:" + c.code(), 1);
        }
        skills.put("branch:" + t.branch().value(), 1);
        Set<String> areas = DayPlanModel.areasOf(t.serviceAreas());
        if (!t.serviceAreas().h3Cells().isEmpty()) {
            resolutions.add(t.serviceAreas().h3Resolution());
        }
        Profile before = profiles.get(t.id());
        if (before == null) {
            order.add(t.id());
            profiles.put(t.id(), new Profile(t.branch().value(), skills, areas, areas.isEmpty()));
            return;
        }
        if (!before.branch().equals(t.branch().value())) {
            throw new IllegalArgumentException("technician " + t.id() + " works for " + before.branch()
                    + " on one day and " + t.branch() + " on another; plan such days apart");
        }
        before.skills().forEach((k, v) -> skills.merge(k, v, Math::max));
        Set<String> allAreas = new HashSet<>(before.areas());
        allAreas.addAll(areas);
        profiles.put(t.id(), new Profile(before.branch(), skills, allAreas, before.anywhere() || areas.isEmpty()));
    }

    /** Group {@code g}'s part of the problem: its technicians' days and routes, and its jobs to plan. */
    private Group part(int g) {
        Set<TechnicianId> members = new HashSet<>();
        groupOf.forEach((t, group) -> {
            if (group == g) {
                members.add(t);
            }
        });
        List<PlanDay> days = new ArrayList<>();
        for (PlanDay day : input.days()) {
            days.add(new PlanDay(day.date(), day.technicians().stream().filter(t -> members.contains(t.id())).toList(),
                    day.routes().stream().filter(r -> members.contains(r.technician())).toList()));
        }
        List<DispatchJob> jobs = input.jobs().stream().filter(j -> Integer.valueOf(g).equals(jobGroup.get(j.id()))).toList();
        PlanInput part = new PlanInput(input.now(), days, jobs, input.oneDay());
        return new Group(part, members, part.movableVisits());
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
