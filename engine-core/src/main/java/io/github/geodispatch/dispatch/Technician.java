package io.github.geodispatch.dispatch;

import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.SkillRequirement;
import io.github.geodispatch.spi.TechnicianId;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A technician as dispatch sees them today: branch, skills with levels (1-5), certifications with expiry,
 * service areas, today's shift ({@code null} = off today), the most jobs they take in a day, where they
 * start and end the day, and their last live location ({@code null} = none yet). Immutable and thread-safe.
 */
public record Technician(TechnicianId id, BranchId branch, Map<String, Integer> skills,
                         List<Certification> certifications, ServiceAreas serviceAreas, Shift shift,
                         int maxJobsPerDay, GeoPoint startLocation, GeoPoint endLocation,
                         LiveLocation liveLocation) {
    /** The largest {@code maxJobsPerDay} accepted. */
    public static final int MAX_JOBS_PER_DAY = 100;

    public Technician {
        Objects.requireNonNull(id, "technician id");
        Objects.requireNonNull(branch, "branch of technician " + id);
        skills = Map.copyOf(Objects.requireNonNull(skills, "skills of technician " + id));
        for (Map.Entry<String, Integer> e : skills.entrySet()) {
            new SkillRequirement(e.getKey(), e.getValue()); // validates code and level 1-5
        }
        certifications = List.copyOf(Objects.requireNonNull(certifications, "certifications of technician " + id));
        Map<String, Certification> seen = new HashMap<>();
        for (Certification c : certifications) {
            if (seen.put(c.code(), c) != null) {
                throw new IllegalArgumentException("technician " + id + " lists certification " + c.code() + " twice");
            }
        }
        Objects.requireNonNull(serviceAreas, "service areas of technician " + id);
        if (maxJobsPerDay < 0 || maxJobsPerDay > MAX_JOBS_PER_DAY) {
            throw new IllegalArgumentException("max jobs per day of technician " + id + " must be 0-"
                    + MAX_JOBS_PER_DAY + ", was " + maxJobsPerDay);
        }
        Objects.requireNonNull(startLocation, "start location of technician " + id);
        Objects.requireNonNull(endLocation, "end location of technician " + id);
    }

    /** The technician's level in {@code skill}, 0 when they lack it. */
    public int levelIn(String skill) {
        Integer level = skills.get(skill);
        return level == null ? 0 : level;
    }

    /** True when the technician holds {@code code} and it is valid at {@code t}. */
    public boolean certifiedAt(String code, Instant t) {
        for (Certification c : certifications) {
            if (c.code().equals(code)) {
                return c.validAt(t);
            }
        }
        return false;
    }

    /** This technician on another day: the same profile with {@code dayShift} ({@code null} = off that day). */
    public Technician withShift(Shift dayShift) {
        return new Technician(id, branch, skills, certifications, serviceAreas, dayShift, maxJobsPerDay, startLocation,
                endLocation, liveLocation);
    }

    /** This technician with a new live location. */
    public Technician withLiveLocation(LiveLocation live) {
        return new Technician(id, branch, skills, certifications, serviceAreas, shift, maxJobsPerDay,
                startLocation, endLocation, live);
    }
}
