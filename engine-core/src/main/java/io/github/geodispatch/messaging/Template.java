package io.github.geodispatch.messaging;

import io.github.geodispatch.spi.MessageRecipient;

/**
 * The messages the engine sends, each a WhatsApp Business template ({@link #id()}, approved in every language of
 * {@link Languages}) with positional parameters ({{1}}, {{2}}, ...); {@code docs/messaging.md} lists each with its
 * parameters and text. Customer messages are held through quiet hours unless they are {@linkplain #anytime() about
 * what is happening now} (the technician on the way, an ETA, an arrival, an approval code); technician messages go at
 * any hour.
 */
public enum Template {
    /** A job was booked: {{1}} job, {{2}} service, {{3}} when. */
    BOOKING_CONFIRMED("booking_confirmed", MessageRecipient.Kind.CUSTOMER, false, 3),
    /** A contract's preventive visit was scheduled: {{1}} job, {{2}} service, {{3}} when. */
    AMC_VISIT_DUE("amc_visit_due", MessageRecipient.Kind.CUSTOMER, false, 3),
    /** A technician was assigned: {{1}} job, {{2}} technician, {{3}} when. */
    TECHNICIAN_ASSIGNED("technician_assigned", MessageRecipient.Kind.CUSTOMER, false, 3),
    /** The technician set off: {{1}} job, {{2}} technician, {{3}} expected arrival. */
    ON_THE_WAY("technician_on_the_way", MessageRecipient.Kind.CUSTOMER, true, 3),
    /** The expected arrival moved by more than the threshold: {{1}} job, {{2}} technician, {{3}} new arrival. */
    ETA_UPDATE("eta_update", MessageRecipient.Kind.CUSTOMER, true, 3),
    /** The technician arrived: {{1}} job, {{2}} technician. */
    ARRIVED("technician_arrived", MessageRecipient.Kind.CUSTOMER, true, 2),
    /** The one-time code approving the work: {{1}} code, {{2}} job, {{3}} minutes it is valid. */
    APPROVAL_CODE("approval_code", MessageRecipient.Kind.CUSTOMER, true, 3),
    /** The work is done: {{1}} job, {{2}} amount due, {{3}} how to pay (a UPI link, the M-Pesa prompt), {{4}} feedback link. */
    JOB_COMPLETED("job_completed", MessageRecipient.Kind.CUSTOMER, false, 4),
    /** The visit moved: {{1}} job, {{2}} reason, {{3}} new time. */
    RESCHEDULED("job_rescheduled", MessageRecipient.Kind.CUSTOMER, false, 3),
    /** The job was cancelled: {{1}} job, {{2}} reason. */
    CANCELLED("job_cancelled", MessageRecipient.Kind.CUSTOMER, false, 2),
    /** A contract is ending: {{1}} contract, {{2}} end date, {{3}} renewal price. */
    RENEWAL_DUE("renewal_due", MessageRecipient.Kind.CUSTOMER, false, 3),
    /** A unit's warranty is ending: {{1}} the unit, {{2}} end date. */
    WARRANTY_EXPIRING("warranty_expiring", MessageRecipient.Kind.CUSTOMER, false, 2),
    /** A job for the technician: {{1}} job, {{2}} service, {{3}} address, {{4}} when. */
    TECH_JOB_ASSIGNED("tech_job_assigned", MessageRecipient.Kind.TECHNICIAN, true, 4),
    /** The job was taken off the technician (unassigned or given to another): {{1}} job, {{2}} reason. */
    TECH_JOB_TAKEN_OFF("tech_job_taken_off", MessageRecipient.Kind.TECHNICIAN, true, 2),
    /** The technician's job moved: {{1}} job, {{2}} reason, {{3}} new time. */
    TECH_JOB_RESCHEDULED("tech_job_rescheduled", MessageRecipient.Kind.TECHNICIAN, true, 3),
    /** The technician's job was cancelled: {{1}} job, {{2}} reason. */
    TECH_JOB_CANCELLED("tech_job_cancelled", MessageRecipient.Kind.TECHNICIAN, true, 2);

    private final String id;
    private final MessageRecipient.Kind audience;
    private final boolean anytime;
    private final int parameters;

    Template(String id, MessageRecipient.Kind audience, boolean anytime, int parameters) {
        this.id = id;
        this.audience = audience;
        this.anytime = anytime;
        this.parameters = parameters;
    }

    /** The template's id: its WhatsApp Business template name. */
    public String id() {
        return id;
    }

    /** Who it is written to. */
    public MessageRecipient.Kind audience() {
        return audience;
    }

    /** True when it goes at any hour (quiet hours do not hold it). */
    public boolean anytime() {
        return anytime;
    }

    /** True when the per-customer rate limit counts it: every customer message but the approval code they wait for. */
    public boolean rateLimited() {
        return audience == MessageRecipient.Kind.CUSTOMER && this != APPROVAL_CODE;
    }

    /** How many positional parameters it takes. */
    public int parameters() {
        return parameters;
    }

    /** The template with {@code id}. */
    public static Template of(String id) {
        for (Template t : values()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no template '" + id + "'");
    }
}
