package io.github.geodispatch.examples.cityday;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.ProofKind;
import io.github.geodispatch.spi.TechnicianId;
import java.time.Instant;
import java.util.List;

/**
 * Where the simulation writes the job record: the office creates and assigns jobs, technicians' phones
 * report status, proof, parts and payments. Every accepted command becomes a {@link JobEvent} that the
 * desk hands to its listeners (the owner view, the journal).
 */
interface JobDesk {

    /** A short description for the report, e.g. which engine records the jobs. */
    String name();

    void create(CityWorld.JobRequest request);

    void assign(JobId job, TechnicianId technician, Instant at, String overrideReason);

    void unassign(JobId job, TechnicianId technician, Instant at, String reason);

    /**
     * A status change from the technician's phone (RESCHEDULED and CANCELLED from the office). An ARRIVED tap names no
     * evidence: the job record finds the technician's geofence visit at the site, or refuses the tap.
     */
    void status(JobId job, TechnicianId by, JobStatus status, Instant at, String reason);

    /** The office records the arrival without a visit (the technician phoned in), saying why. */
    void arrivalOverride(JobId job, Instant at, String reason);

    /** True once the job's arrival is recorded (by its geofence visit, a tap, or the office). */
    boolean arrived(JobId job);

    void proof(JobId job, TechnicianId by, ProofKind kind, String label, String reference, String sha256, Instant at);

    void part(JobId job, TechnicianId by, JobKind.Part part, int quantity, boolean billable, Instant at);

    void payment(JobId job, TechnicianId by, PaymentMode mode, Money amount, String reference, Instant at);

    /** The whole stream of one job, in version order. */
    List<JobEvent> stream(JobId job);
}
