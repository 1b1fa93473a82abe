package io.github.geodispatch.internal;
import io.github.geodispatch.contract.ContractPortfolio;
import io.github.geodispatch.job.CommandResult;
import io.github.geodispatch.job.HistoryVerification;
import io.github.geodispatch.job.JobCommand;
import io.github.geodispatch.job.JobEventListener;
import io.github.geodispatch.job.JobRecord;
import io.github.geodispatch.job.JobState;
import io.github.geodispatch.job.OfflineInbox;
import io.github.geodispatch.job.ParkedDelivery;
import io.github.geodispatch.job.Rejection;
import io.github.geodispatch.job.Subscription;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.Coverage;
import io.github.geodispatch.spi.CoverageKind;
import io.github.geodispatch.spi.EquipmentId;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The job record as the front door hands it out: a {@link JobCommand.CreateJob} of a customer and site the contracts
 * know gets its coverage from them on the job's day (its window's first day, else today): the covering contract's when
 * it covers labour, else, for a job created for a unit of equipment ({@link #create}), the unit's warranty. So the
 * {@code JobCreated} event records which contract or warranty pays and on what terms, under the hash chain. A command
 * that carries a coverage other than that one (another contract, none due, other terms) is rejected with
 * {@link Rejection.Reason#COVERAGE_DISAGREES}; a customer or site the contracts do not know keeps the command's
 * coverage (a host that keeps no customers). A command without an SLA deadline gets the covering contract's response
 * promise (hours from now) as one. Every other call goes to the record unchanged. Thread-safe.
 */
final class CoveringJobRecord implements JobRecord {
    private final JobRecord record;
    private final ContractPortfolio contracts;
    private final InstantSource clock;
    private final ZoneId zone;

    CoveringJobRecord(JobRecord record, ContractPortfolio contracts, InstantSource clock, ZoneId zone) {
        this.record = record;
        this.contracts = contracts;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public CommandResult execute(Actor actor, JobCommand command) {
        Objects.requireNonNull(command, "command");
        if (command instanceof JobCommand.CreateJob c) {
            EquipmentId unit = c.coverage() != null && c.coverage().kind() == CoverageKind.WARRANTY
                    ? EquipmentId.of(c.coverage().reference()) : null;
            return create(actor, c, unit);
        }
        return record.execute(actor, command);
    }

    /**
     * Creates the job with the coverage the contracts give it on its day for {@code equipment} (null: none named):
     * see the class comment.
     */
    CommandResult create(Actor actor, JobCommand.CreateJob c, EquipmentId equipment) {
        Optional<SiteId> site = contracts.siteOf(c.customer(), c.site());
        if (site.isEmpty()) {
            return record.execute(actor, c);
        }
        LocalDate day = LocalDate.ofInstant(c.window() != null ? c.window().from() : clock.instant(), zone);
        Coverage coverage = contracts.coverage(c.customer(), site.get(), equipment, c.jobType(), day).orElse(null);
        if (c.coverage() != null && !c.coverage().equals(coverage)) {
            return new CommandResult.Rejected(c.job(), Rejection.of(Rejection.Reason.COVERAGE_DISAGREES, "job " + c.job()
                    + " was given coverage " + c.coverage() + " but the contracts give " + (coverage == null
                    ? "none" : coverage.toString()) + " on " + day + "; leave the coverage out and it is set"));
        }
        return record.execute(actor, new JobCommand.CreateJob(c.job(), c.branch(), c.customer(), c.site(), c.issue(),
                c.jobType(), c.requiredSkills(), c.priority(), c.window(), slaDeadline(c, site.get(), day),
                c.estimatedMinutes(), c.quote(), coverage, c.preferredTechnician()));
    }

    /**
     * The command's SLA deadline, else the covering contract's response promise counted from now (none when it
     * promises none).
     */
    private Instant slaDeadline(JobCommand.CreateJob c, SiteId site, LocalDate day) {
        if (c.slaDeadline() != null) {
            return c.slaDeadline();
        }
        int hours = contracts.covering(c.customer(), site, c.jobType(), day)
                .map(contract -> contract.terms().plan().responseHours()).orElse(0);
        return hours == 0 ? null : clock.instant().plus(Duration.ofHours(hours));
    }

    @Override
    public Optional<JobState> job(Actor actor, JobId job) {
        return record.job(actor, job);
    }

    @Override
    public List<JobEvent> history(Actor actor, JobId job) {
        return record.history(actor, job);
    }

    @Override
    public Optional<HistoryVerification> verifyHistory(Actor actor, JobId job) {
        return record.verifyHistory(actor, job);
    }

    @Override
    public Optional<HistoryVerification> verifyHistory(Actor actor, JobId job, String trustedHead) {
        return record.verifyHistory(actor, job, trustedHead);
    }

    @Override
    public Subscription subscribe(JobEventListener listener) {
        return record.subscribe(listener);
    }

    @Override
    public Subscription subscribe(TenantId tenant, JobEventListener listener) {
        return record.subscribe(tenant, listener);
    }

    @Override
    public List<ParkedDelivery> parkedDeliveries() {
        return record.parkedDeliveries();
    }

    @Override
    public void redeliverDue() {
        record.redeliverDue();
    }

    /** Phones queue no job creation (technicians create no jobs), so offline commands need no coverage. */
    @Override
    public OfflineInbox offline() {
        return record.offline();
    }

    @Override
    public JobId newJobId() {
        return record.newJobId();
    }

    @Override
    public String toString() {
        return record.toString();
    }
}
