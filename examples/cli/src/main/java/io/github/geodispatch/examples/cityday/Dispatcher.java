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
    record Crew(CityWorld.Tech tech, GeoPoint position, Instant freeAt, CityWorld.JobRequest current,
                List<CityWorld.JobRequest> queue, boolean onShift) {}

    /** A queued job taken from one technician and given to another ({@code to} null = to nobody). */
    record Move(JobId job, TechnicianId from, TechnicianId to) {}

    /** A decision: the technician, where in their queue the job goes (0 = next), why, and queued jobs it moves. */
    record Choice(TechnicianId technician, int position, String why, List<Move> moves) {}

    /** The plan for the jobs known at the start of the day: an ordered queue per technician. */
    Map<TechnicianId, List<JobId>> morningPlan(List<CityWorld.JobRequest> known, List<Crew> crews, Instant at);

    /** Where to put a job that arrived during the day, or empty when nobody can take it today. */
    Optional<Choice> place(CityWorld.JobRequest job, List<Crew> crews, Instant now);
}
