package io.github.geodispatch.examples.cityday;
import io.github.geodispatch.job.CommandResult;
import io.github.geodispatch.job.JobCommand;
import io.github.geodispatch.job.JobRecord;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.ProofKind;
import io.github.geodispatch.spi.SkillRequirement;
import io.github.geodispatch.spi.StoredEvent;
import io.github.geodispatch.spi.TechnicianId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The job record kept by the real job engine: every office and phone action of the simulation is a
 * {@link JobCommand} executed through the front door's {@link JobRecord} (state machine, roles, closure policies,
 * hash chain) on the simulated clock. Rejections are kept, not hidden: the report lists them.
 * Not thread-safe (the simulation is single-threaded).
 */
final class EngineDesk implements JobDesk {

    /** A command the engine refused, with its reason. */
    record Refusal(JobId job, Instant at, String command, String reason) {}

    private final SimClock clock;
    private final JobRecord engine;
    private final Actor owner = Actor.owner(CityWorld.TENANT, "owner");
    private final Map<TechnicianId, CityWorld.Tech> techs = new LinkedHashMap<>();
    private final Map<JobId, CityWorld.JobRequest> requests = new LinkedHashMap<>();
    private final List<Refusal> refusals = new ArrayList<>();

    EngineDesk(CityWorld world, JobRecord engine, SimClock clock, Consumer<JobEvent> listener) {
        world.techs.forEach(t -> techs.put(t.id(), t));
        this.engine = engine;
        this.clock = clock;
        engine.subscribe(events -> {
            for (StoredEvent e : events) {
                listener.accept(e.event());
            }
        });
    }

    @Override
    public String name() {
        return "GeoDispatch job record (job state machine, roles, closure policies, hash-chained in-memory store)";
    }

    List<Refusal> refusals() {
        return List.copyOf(refusals);
    }

    private void run(Actor actor, JobId job, Instant at, JobCommand command) {
        clock.advanceTo(at);
        CommandResult result = engine.execute(actor, command);
        if (result instanceof CommandResult.Rejected r) {
            refusals.add(new Refusal(job, clock.instant(), command.getClass().getSimpleName(), r.rejection().toString()));
        }
    }

    private Actor office(JobId job) {
        CityWorld.JobRequest r = requests.get(job);
        return Actor.dispatcher(CityWorld.TENANT, r.branch().id(), "desk-" + r.branch().seriesPrefix().toLowerCase());
    }

    private Actor tech(TechnicianId id) {
        return Actor.technician(CityWorld.TENANT, techs.get(id).branch().id(), id);
    }

    @Override
    public void create(CityWorld.JobRequest r) {
        requests.put(r.id(), r);
        JobCommand.CreateJob.Builder b = JobCommand.CreateJob.builder(r.id(), r.branch().id(), r.customer().id(), r.site(), r.kind().name())
                .issue(r.kind().name().replace('_', ' ').toLowerCase())
                .skills(SkillRequirement.of(r.kind().skill, r.kind().level)).priority(r.priority()).window(r.window())
                .estimatedMinutes(r.kind().minutes).quote(Money.inr(r.kind().labourPaise));
        if (r.slaDeadline() != null) {
            b.slaDeadline(r.slaDeadline());
        }
        if (r.coverage() != null) {
            b.coverage(r.coverage());
        }
        run(office(r.id()), r.id(), r.arrivesAt(), b.build());
    }

    @Override
    public void assign(JobId job, TechnicianId technician, Instant at, String overrideReason) {
        run(office(job), job, at, new JobCommand.Assign(job, technician, overrideReason));
    }

    @Override
    public void unassign(JobId job, TechnicianId technician, Instant at, String reason) {
        run(office(job), job, at, new JobCommand.Unassign(job, reason));
    }

    @Override
    public void status(JobId job, TechnicianId by, JobStatus status, Instant at, String reason) {
        Actor actor = status == JobStatus.RESCHEDULED || status == JobStatus.CANCELLED ? office(job) : tech(by);
        run(actor, job, at, new JobCommand.ChangeStatus(job, status, reason, null));
    }

    @Override
    public void arrivalOverride(JobId job, Instant at, String reason) {
        run(office(job), job, at, JobCommand.ChangeStatus.arrivalOverride(job, reason));
    }

    @Override
    public boolean arrived(JobId job) {
        return engine.job(owner, job).map(j -> j.arrivedAt() != null).orElse(false);
    }

    @Override
    public void proof(JobId job, TechnicianId by, ProofKind kind, String label, String reference, String sha256, Instant at) {
        run(tech(by), job, at, new JobCommand.AddProof(job, kind, label, reference, sha256));
    }

    @Override
    public void part(JobId job, TechnicianId by, JobKind.Part part, int quantity, boolean billable, Instant at) {
        run(tech(by), job, at, new JobCommand.UsePart(job, part.sku, part.hsn, quantity, Money.inr(part.pricePaise), billable));
    }

    @Override
    public void payment(JobId job, TechnicianId by, PaymentMode mode, Money amount, String reference, Instant at) {
        run(tech(by), job, at, new JobCommand.RecordPayment(job, mode, amount, reference,
                mode == PaymentMode.PENDING ? CityWorld.DAY.plusDays(3) : null));
    }

    @Override
    public List<JobEvent> stream(JobId job) {
        return engine.history(owner, job);
    }
}
