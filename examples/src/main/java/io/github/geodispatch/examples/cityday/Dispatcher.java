package io.github.geodispatch.examples.cityday;

import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.TechnicianId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Who decides which technician does which job: the morning plan, then one decision per job that arrives later. */
interface Dispatcher {

    /** A short description for the report (which engine or stand-in made the decisions). */
    String name();

    /** Where a technician is and what is still queued for them, as the office sees it at a moment. */
    record Crew(CityWorld.Tech tech, GeoPoint position, Instant freeAt, List<CityWorld.JobRequest> queue, boolean onShift) {}

    /** A decision: the technician, where in their queue the job goes (0 = next), and why. */
    record Choice(TechnicianId technician, int position, String why) {}

    /** The plan for the jobs known at the start of the day: an ordered queue per technician. */
    Map<TechnicianId, List<JobId>> morningPlan(List<CityWorld.JobRequest> known, List<Crew> crews, Instant at);

    /** Where to put a job that arrived during the day, or empty when nobody can take it today. */
    Optional<Choice> place(CityWorld.JobRequest job, List<Crew> crews, Instant now);
}
