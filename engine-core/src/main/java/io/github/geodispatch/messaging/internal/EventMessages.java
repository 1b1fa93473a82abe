package io.github.geodispatch.messaging.internal;

import io.github.geodispatch.job.JobState;
import io.github.geodispatch.messaging.Template;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.MessageRecipient;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.VisitSlot;
import java.util.ArrayList;
import java.util.List;

/**
 * The policy from job events to messages, before any language: which templates an event sends to whom, with what
 * values, given the job before and after it. The completion message is not drafted here (it waits on a payment
 * request; see {@code EngineMessaging}). Stateless and thread-safe.
 * <ul>
 *   <li>created: the customer's booking confirmation, or the AMC visit notice for a contract's preventive visit;</li>
 *   <li>assigned: the customer hears who comes and when, the technician gets the job, and a technician it was taken
 *       from (a re-assignment) is told;</li>
 *   <li>unassigned: the technician is told it was taken off them;</li>
 *   <li>on the way (with the ETA), arrived: the customer;</li>
 *   <li>rescheduled: the customer and the job's technician, with the new slot's window; when the slot names another
 *       technician, both technicians (one loses the job, the other gets it);</li>
 *   <li>cancelled: the customer and the job's technician.</li>
 * </ul>
 */
final class EventMessages {

    /** What drafting needs to know beyond the job. */
    interface Facts {
        String technicianName(TechnicianId technician);

        boolean preventiveVisit(JobState job);

        /** The expected arrival of the job's technician (an {@link java.time.Instant}) or {@link Phrase#SHORTLY}. */
        Object expectedArrival(JobState job);
    }

    private EventMessages() {}

    /** The drafts {@code event} makes, {@code before} (null for the first event) and {@code after} it. */
    static List<Draft> draft(JobState before, JobEvent event, JobState after, Facts facts) {
        List<Draft> out = new ArrayList<>(3);
        MessageRecipient customer = MessageRecipient.customer(after.customer());
        String job = after.id().value();
        if (event instanceof JobEvent.JobCreated) {
            out.add(Draft.of(facts.preventiveVisit(after) ? Template.AMC_VISIT_DUE : Template.BOOKING_CONFIRMED, customer,
                    job, service(after), when(after)));
        } else if (event instanceof JobEvent.JobAssigned a) {
            out.add(Draft.of(Template.TECHNICIAN_ASSIGNED, customer, job, facts.technicianName(a.technician()), when(after)));
            out.add(Draft.of(Template.TECH_JOB_ASSIGNED, MessageRecipient.technician(a.technician()), job, service(after),
                    address(after), when(after)));
            if (before != null && before.technician() != null && !before.technician().equals(a.technician())) {
                out.add(Draft.of(Template.TECH_JOB_TAKEN_OFF, MessageRecipient.technician(before.technician()), job,
                        Phrase.REASSIGNED));
            }
        } else if (event instanceof JobEvent.JobUnassigned u) {
            out.add(Draft.of(Template.TECH_JOB_TAKEN_OFF, MessageRecipient.technician(u.technician()), job, reason(u.reason())));
        } else if (event instanceof JobEvent.StatusChanged s) {
            status(before, s, after, facts, customer, job, out);
        }
        return out;
    }

    private static void status(JobState before, JobEvent.StatusChanged s, JobState after, Facts facts,
                               MessageRecipient customer, String job, List<Draft> out) {
        TechnicianId technician = before.technician();
        switch (s.status()) {
            case EN_ROUTE -> {
                if (before.enRouteAt() == null) {
                    out.add(Draft.of(Template.ON_THE_WAY, customer, job, facts.technicianName(technician),
                            facts.expectedArrival(after)));
                }
            }
            case ARRIVED -> {
                if (before.arrivedAt() == null) {
                    out.add(Draft.of(Template.ARRIVED, customer, job, facts.technicianName(technician)));
                }
            }
            case RESCHEDULED -> rescheduled(s, after, technician, customer, job, out);
            case CANCELLED -> {
                out.add(Draft.of(Template.CANCELLED, customer, job, reason(s.reason())));
                if (technician != null) {
                    out.add(Draft.of(Template.TECH_JOB_CANCELLED, MessageRecipient.technician(technician), job,
                            reason(s.reason())));
                }
            }
            case NEW, ASSIGNED, WORK_STARTED, ON_HOLD, DELAYED, COMPLETED, CLOSED -> { }
        }
    }

    /**
     * The customer hears the new window (or that one will be fixed when the event carries no slot). The job's
     * technician hears the new window when the slot stays theirs; when it goes to another technician, the first is
     * told the job was taken off them and the second is given it.
     */
    private static void rescheduled(JobEvent.StatusChanged s, JobState after, TechnicianId technician,
                                    MessageRecipient customer, String job, List<Draft> out) {
        VisitSlot slot = s.slot();
        Object when = slot == null ? Phrase.TO_BE_SCHEDULED : slot.window();
        out.add(Draft.of(Template.RESCHEDULED, customer, job, reason(s.reason()), when));
        if (technician != null && (slot == null || slot.technician().equals(technician))) {
            out.add(Draft.of(Template.TECH_JOB_RESCHEDULED, MessageRecipient.technician(technician), job,
                    reason(s.reason()), when));
            return;
        }
        if (technician != null) {
            out.add(Draft.of(Template.TECH_JOB_TAKEN_OFF, MessageRecipient.technician(technician), job, reason(s.reason())));
        }
        if (slot != null) {
            out.add(Draft.of(Template.TECH_JOB_ASSIGNED, MessageRecipient.technician(slot.technician()), job,
                    service(after), address(after), slot.window()));
        }
    }

    private static String address(JobState job) {
        return job.site().address().isBlank() ? job.site().id().value() : job.site().address();
    }

    /** The job type as words: {@code AC_SERVICE} is {@code AC SERVICE}. */
    static String service(JobState job) {
        return job.jobType().replace('_', ' ');
    }

    private static Object when(JobState job) {
        return job.window() != null ? job.window() : Phrase.TO_BE_SCHEDULED;
    }

    private static Object reason(String reason) {
        return reason == null || reason.isBlank() ? Phrase.NO_REASON : reason;
    }

    /** True when {@code status} ends a technician's trip to the site. */
    static boolean endsTrip(JobStatus status) {
        return status != JobStatus.EN_ROUTE && status != JobStatus.DELAYED;
    }
}
