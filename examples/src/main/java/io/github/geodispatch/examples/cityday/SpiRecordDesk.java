package io.github.geodispatch.examples.cityday;

import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.EventHeader;
import io.github.geodispatch.spi.HashChain;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.ProofKind;
import io.github.geodispatch.spi.SkillRequirement;
import io.github.geodispatch.spi.StreamId;
import io.github.geodispatch.spi.TechnicianId;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Writes the job record as SPI events with versions and the hash chain, straight from the simulation's
 * commands: no state machine, no role checks. It is the stand-in while the job engine
 * ({@code DispatchEngine}) is not on main; the report names it so nobody mistakes it for the engine.
 * Event ids are name-based UUIDs of job and version, so a seed always gives the same record.
 * Not thread-safe (the simulation is single-threaded).
 */
final class SpiRecordDesk implements JobDesk {
    private final Map<JobId, List<JobEvent>> streams = new LinkedHashMap<>();
    private final Map<JobId, CityWorld.JobRequest> requests = new LinkedHashMap<>();
    private final Map<TechnicianId, CityWorld.Tech> techs = new LinkedHashMap<>();
    private final Consumer<JobEvent> listener;

    SpiRecordDesk(CityWorld world, Consumer<JobEvent> listener) {
        world.techs.forEach(t -> techs.put(t.id(), t));
        this.listener = listener;
    }

    @Override
    public String name() {
        return "SPI events written by the simulation (DispatchEngine not on main: no state machine or role checks)";
    }

    private EventHeader header(JobId job, Instant at, Actor actor) {
        List<JobEvent> s = streams.computeIfAbsent(job, j -> new ArrayList<>());
        long version = s.size() + 1;
        UUID id = UUID.nameUUIDFromBytes((job.value() + "#" + version).getBytes(StandardCharsets.UTF_8));
        return new EventHeader(id, StreamId.of(CityWorld.TENANT, job), version, at, actor, HashChain.head(s));
    }

    private void append(JobEvent e) {
        streams.get(e.header().job()).add(e);
        listener.accept(e);
    }

    private Actor tech(TechnicianId id) {
        CityWorld.Tech t = techs.get(id);
        return Actor.technician(CityWorld.TENANT, t.branch().id(), id);
    }

    @Override
    public void create(CityWorld.JobRequest r) {
        requests.put(r.id(), r);
        Actor office = Actor.dispatcher(CityWorld.TENANT, r.branch().id(), "desk-" + r.branch().seriesPrefix().toLowerCase());
        append(new JobEvent.JobCreated(header(r.id(), r.arrivesAt(), office), r.branch().id(), r.customer().id(), r.site(),
                r.kind().name().replace('_', ' ').toLowerCase(), r.kind().name(), List.of(SkillRequirement.of(r.kind().skill, r.kind().level)),
                r.priority(), r.window(), r.slaDeadline(), r.kind().minutes, Money.inr(r.kind().labourPaise), r.coverage(), null));
    }

    @Override
    public void assign(JobId job, TechnicianId technician, Instant at, String overrideReason) {
        CityWorld.JobRequest r = requests.get(job);
        Actor office = Actor.dispatcher(CityWorld.TENANT, r.branch().id(), "desk-" + r.branch().seriesPrefix().toLowerCase());
        append(new JobEvent.JobAssigned(header(job, at, office), technician, overrideReason));
    }

    @Override
    public void unassign(JobId job, TechnicianId technician, Instant at, String reason) {
        CityWorld.JobRequest r = requests.get(job);
        Actor office = Actor.dispatcher(CityWorld.TENANT, r.branch().id(), "desk-" + r.branch().seriesPrefix().toLowerCase());
        append(new JobEvent.JobUnassigned(header(job, at, office), technician, reason));
    }

    @Override
    public void status(JobId job, TechnicianId by, JobStatus status, Instant at, String reason) {
        append(new JobEvent.StatusChanged(header(job, at, tech(by)), status, reason, null));
    }

    @Override
    public void proof(JobId job, TechnicianId by, ProofKind kind, String label, String reference, String sha256, Instant at) {
        append(new JobEvent.ProofAdded(header(job, at, tech(by)), kind, label, reference, sha256));
    }

    @Override
    public void part(JobId job, TechnicianId by, JobKind.Part part, int quantity, boolean billable, Instant at) {
        append(new JobEvent.PartUsed(header(job, at, tech(by)), part.sku, part.hsn, quantity, Money.inr(part.pricePaise), billable));
    }

    @Override
    public void payment(JobId job, TechnicianId by, PaymentMode mode, Money amount, String reference, Instant at) {
        LocalDate promised = mode == PaymentMode.PENDING ? CityWorld.DAY.plusDays(3) : null;
        append(new JobEvent.PaymentRecorded(header(job, at, tech(by)), mode, amount, reference, promised, null));
    }

    @Override
    public List<JobEvent> stream(JobId job) {
        return List.copyOf(streams.getOrDefault(job, List.of()));
    }
}
