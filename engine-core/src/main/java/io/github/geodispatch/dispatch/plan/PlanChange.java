package io.github.geodispatch.dispatch.plan;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;

import io.github.geodispatch.dispatch.DispatchJob;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.VisitSlot;

/** Something that happened during the day that the running plan must absorb. Immutable and thread-safe. */
public sealed interface PlanChange {

    /** A new job (typically urgent) to fit into the plan. */
    record NewJob(DispatchJob job) implements PlanChange {
        public NewJob {
            Objects.requireNonNull(job, "job");
        }
    }

    /**
     * A technician is off (sick, vehicle broke down) on {@code day} ({@code null} = every day of the plan): every
     * visit of theirs that day, started or not, goes to others.
     */
    record TechnicianOff(TechnicianId technician, LocalDate day) implements PlanChange {
        public TechnicianOff {
            Objects.requireNonNull(technician, "technician");
        }

        /** Off on every day of the plan (in a one-day plan: today). */
        public TechnicianOff(TechnicianId technician) {
            this(technician, null);
        }
    }

    /**
     * A job was rescheduled with the customer: its work must now start within {@code slot}'s window, by
     * {@code slot}'s technician. A started visit cannot be rescheduled.
     */
    record Reschedule(JobId job, VisitSlot slot) implements PlanChange {
        public Reschedule {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(slot, "slot");
        }
    }

    /** A job is running long: it now needs {@code extra} more time than planned. */
    record JobRunningLong(JobId job, Duration extra) implements PlanChange {
        public JobRunningLong {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(extra, "extra");
            if (extra.isNegative() || extra.isZero() || extra.getNano() != 0) {
                throw new IllegalArgumentException("extra time for job " + job + " must be positive whole seconds, was " + extra);
            }
        }
    }
}
