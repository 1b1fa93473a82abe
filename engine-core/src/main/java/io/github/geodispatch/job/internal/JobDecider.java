package io.github.geodispatch.job.internal;
import io.github.geodispatch.job.ArrivalEvidence;
import io.github.geodispatch.job.ArrivalVisits;
import io.github.geodispatch.job.ClosurePolicies;
import io.github.geodispatch.job.ClosurePolicy;
import io.github.geodispatch.job.JobCommand.AddExpense;
import io.github.geodispatch.job.JobCommand.AddProof;
import io.github.geodispatch.job.JobCommand.Assign;
import io.github.geodispatch.job.JobCommand.ChangeStatus;
import io.github.geodispatch.job.JobCommand.CreateJob;
import io.github.geodispatch.job.JobCommand.RecordInvoiceHandoff;
import io.github.geodispatch.job.JobCommand.RecordPayment;
import io.github.geodispatch.job.JobCommand.Unassign;
import io.github.geodispatch.job.JobCommand.UsePart;
import io.github.geodispatch.job.PartPricing;
import io.github.geodispatch.job.JobCommand;
import io.github.geodispatch.job.JobState;
import io.github.geodispatch.job.JobTransitions;
import io.github.geodispatch.job.ProofRequirement;
import io.github.geodispatch.job.Rejection.Reason;
import io.github.geodispatch.payment.MoneyRules;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.ChainFormat;
import io.github.geodispatch.spi.DeviceOrigin;
import io.github.geodispatch.spi.EventHeader;
import io.github.geodispatch.spi.HashChain;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.Role;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.StreamId;
import io.github.geodispatch.spi.TechnicianId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Decides a {@link JobCommand} against a job's current state: the pure heart of the engine. It checks, in
 * order, that the job exists in the actor's tenant, that the actor's role may issue the command, that a
 * technician acts only on a job assigned to them and branch staff only within their branch, that the move is
 * in {@link JobTransitions the transition table}, that an ARRIVED has evidence that checks out (a geofence visit of
 * the job's technician at the job's site, found through {@link ArrivalVisits}, or an override by a dispatcher or
 * owner), and the job type's {@link ClosurePolicy}. It never changes anything itself. Role rules besides status
 * moves:
 * <ul>
 *   <li>create, assign, unassign: OWNER, DISPATCHER, SYSTEM;</li>
 *   <li>proof, parts, expenses: OWNER, DISPATCHER, SYSTEM and the assigned TECHNICIAN;</li>
 *   <li>payments: those and ACCOUNTANT; WAIVED only an OWNER;</li>
 *   <li>invoice handoff: OWNER, ACCOUNTANT, SYSTEM, once the job is COMPLETED;</li>
 *   <li>talking with the customer (one-time codes, message statuses, payment requests, feedback):
 *       {@link ContactDecisions}; an OTP proof is never a technician's to add.</li>
 * </ul>
 * Immutable and thread-safe.
 */
final class JobDecider {
    private static final Set<Role> CREATE_ROLES = EnumSet.of(Role.OWNER, Role.DISPATCHER, Role.SYSTEM);
    private static final Set<Role> WORK_ROLES = EnumSet.of(Role.OWNER, Role.DISPATCHER, Role.SYSTEM, Role.TECHNICIAN);
    private static final Set<Role> PAYMENT_ROLES = EnumSet.of(Role.OWNER, Role.DISPATCHER, Role.SYSTEM,
            Role.TECHNICIAN, Role.ACCOUNTANT);
    private static final Set<Role> INVOICE_ROLES = EnumSet.of(Role.OWNER, Role.ACCOUNTANT, Role.SYSTEM);

    private static final Set<Role> OVERRIDE_ROLES = EnumSet.of(Role.OWNER, Role.DISPATCHER);

    private final ClosurePolicies policies;
    private final ArrivalVisits visits;
    private final PartPricing pricing;

    public JobDecider(ClosurePolicies policies, ArrivalVisits visits, PartPricing pricing) {
        this.policies = Objects.requireNonNull(policies, "closure policies");
        this.visits = Objects.requireNonNull(visits, "arrival visits");
        this.pricing = Objects.requireNonNull(pricing, "part pricing");
    }

    /** {@link #decide(JobState, Actor, JobCommand, Instant, DeviceOrigin, Supplier)} for a command sent online. */
    public Decision decide(JobState current, Actor actor, JobCommand command, Instant now, Supplier<UUID> eventIds) {
        return decide(current, actor, command, now, null, eventIds);
    }

    /**
     * Decides {@code command} issued by {@code actor} at {@code now}. {@code current} is the job's state, or
     * null when the actor's tenant has no stream for the command's job. New events take their ids from
     * {@code eventIds} and chain onto {@code current}. A command queued offline carries its {@code origin}: its
     * events record it, and happened at its device time (at {@code now} when the phone's clock is ahead).
     */
    public Decision decide(JobState current, Actor actor, JobCommand command, Instant now, DeviceOrigin origin,
                           Supplier<UUID> eventIds) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(eventIds, "event ids");
        Instant occurredAt = origin == null || origin.deviceTime().isAfter(now) ? now : origin.deviceTime();
        try {
            Decision decision = dispatch(current, actor, command, now, occurredAt, origin, eventIds);
            // every event must have a hash before it is stored, or its stream could not be folded again: text that is
            // not valid Unicode (an unpaired surrogate) has no canonical encoding
            decision.events().forEach(HashChain::hash);
            return decision;
        } catch (IllegalArgumentException | ArithmeticException e) {
            return Decision.reject(Reason.INVALID_INPUT, e.getMessage());
        }
    }

    private Decision dispatch(JobState current, Actor actor, JobCommand command, Instant now, Instant occurredAt,
                              DeviceOrigin origin, Supplier<UUID> eventIds) {
        if (command instanceof CreateJob create) {
            return create(current, actor, create, occurredAt, origin, eventIds);
        }
        if (current == null || !current.tenant().equals(actor.tenant())) {
            return Decision.reject(Reason.JOB_NOT_FOUND, "no job " + command.job() + " in tenant " + actor.tenant());
        }
        Context c = new Context(current, actor, now, occurredAt, origin, eventIds);
        if (command instanceof Assign assign) {
            return assign(c, assign);
        } else if (command instanceof Unassign unassign) {
            return unassign(c, unassign);
        } else if (command instanceof ChangeStatus change) {
            return changeStatus(c, change);
        } else if (command instanceof AddProof proof) {
            return addProof(c, proof);
        } else if (command instanceof UsePart part) {
            return usePart(c, part);
        } else if (command instanceof AddExpense expense) {
            return addExpense(c, expense);
        } else if (command instanceof RecordPayment payment) {
            return recordPayment(c, payment);
        } else if (command instanceof RecordInvoiceHandoff invoice) {
            return recordInvoice(c, invoice);
        } else if (command instanceof JobCommand.ContactCommand contact) {
            return ContactDecisions.decide(c, contact);
        }
        throw new IllegalStateException("unknown command " + command.getClass().getName());
    }

    private Decision create(JobState current, Actor actor, CreateJob c, Instant occurredAt, DeviceOrigin origin,
                            Supplier<UUID> ids) {
        if (!CREATE_ROLES.contains(actor.role())) {
            return Decision.reject(Reason.ROLE_NOT_PERMITTED, actor.role() + " may not create jobs");
        }
        if (!actor.covers(c.branch())) {
            return Decision.reject(Reason.OUTSIDE_BRANCH, "actor " + actor.id() + " of branch " + actor.branch()
                    + " may not create a job for branch " + c.branch());
        }
        if (current != null) {
            return Decision.reject(Reason.JOB_ALREADY_EXISTS, "job " + c.job() + " already exists");
        }
        EventHeader header = new EventHeader(ids.get(), StreamId.of(actor.tenant(), c.job()), 1, occurredAt, actor,
                HashChain.GENESIS, ChainFormat.CURRENT, origin);
        return Decision.accept(new JobEvent.JobCreated(header, c.branch(), c.customer(), c.site(), c.issue(),
                c.jobType(), c.requiredSkills(), c.priority(), c.window(), c.slaDeadline(), c.estimatedMinutes(),
                c.quote(), c.coverage(), c.preferredTechnician()));
    }

    private Decision assign(Context c, Assign a) {
        Decision denied = c.permit(JobTransitions.rolesFor(JobStatus.ASSIGNED), "assign");
        if (denied != null) {
            return denied;
        }
        if (c.job.status() == JobStatus.ASSIGNED && c.job.isAssignedTo(a.technician())) {
            return Decision.alreadyDone();
        }
        Decision illegal = c.transition(JobStatus.ASSIGNED);
        if (illegal != null) {
            return illegal;
        }
        return Decision.accept(new JobEvent.JobAssigned(c.header(), a.technician(), a.overrideReason()));
    }

    private Decision unassign(Context c, Unassign u) {
        Decision denied = c.permit(JobTransitions.rolesFor(JobStatus.NEW), "unassign");
        if (denied != null) {
            return denied;
        }
        Decision illegal = c.transition(JobStatus.NEW);
        if (illegal != null) {
            return illegal;
        }
        if (c.job.technician() == null) {
            return Decision.reject(Reason.NO_TECHNICIAN, "job " + c.job.id() + " has no technician to unassign");
        }
        return Decision.accept(new JobEvent.JobUnassigned(c.header(), c.job.technician(), u.reason()));
    }

    private Decision changeStatus(Context c, ChangeStatus s) {
        JobStatus to = s.status();
        Decision denied = c.permit(JobTransitions.rolesFor(to), "move a job to " + to);
        if (denied != null) {
            return denied;
        }
        Decision illegal = c.transition(to);
        if (illegal != null) {
            return illegal;
        }
        String evidence = s.evidence();
        if (to == JobStatus.ARRIVED) {
            Proof proof = arrivalEvidence(c, s);
            if (proof.refused() != null) {
                return proof.refused();
            }
            evidence = proof.evidence().text();
        }
        if (JobTransitions.needsArrival(to) && c.job.arrivedAt() == null) {
            return Decision.reject(Reason.NOT_ARRIVED, "job " + c.job.id() + " cannot move to " + to
                    + " before the technician's arrival is recorded");
        }
        ClosurePolicy policy = policies.forJobType(c.job.jobType());
        if (to == JobStatus.COMPLETED) {
            List<ProofRequirement> missing = policy.missingForCompletion(c.job);
            if (!missing.isEmpty()) {
                return Decision.reject(Reason.PROOF_MISSING, c.job.jobType() + " job " + c.job.id()
                        + " needs " + missing + " before COMPLETED");
            }
        }
        if (to == JobStatus.CLOSED) {
            List<ProofRequirement> missing = policy.missingForClosing(c.job);
            if (!missing.isEmpty()) {
                return Decision.reject(Reason.PROOF_MISSING, c.job.jobType() + " job " + c.job.id()
                        + " needs " + missing + " before CLOSED");
            }
            if (policy.clearPaymentBeforeClosed() && !c.job.hasClearPayment()) {
                return Decision.reject(Reason.PAYMENT_NOT_CLEAR, "job " + c.job.id()
                        + " needs a recorded payment that is not PENDING before CLOSED (latest: "
                        + c.job.latestPayment().map(p -> p.mode().name()).orElse("none") + ")");
            }
        }
        return Decision.accept(new JobEvent.StatusChanged(c.header(), to, s.reason(), evidence, s.slot()));
    }

    /**
     * The evidence an ARRIVED records, or the rejection: an override needs an OWNER or DISPATCHER; a named visit
     * must be the technician's at the job's site and known to {@link ArrivalVisits}; with none named, the
     * technician's latest visit at the site since the assignment is taken. A visit is looked for from the
     * assignment to now (it may still be open). The recorded visit carries the signals the lookup reports.
     */
    private Proof arrivalEvidence(Context c, ChangeStatus s) {
        if (ArrivalEvidence.OVERRIDE.equals(s.evidence())) {
            if (!OVERRIDE_ROLES.contains(c.actor.role())) {
                return Proof.refused(Reason.ROLE_NOT_PERMITTED, c.actor.role() + " may not record an arrival by "
                        + "override; a dispatcher or owner may, or the technician's geofence visit proves it");
            }
            return new Proof(new ArrivalEvidence.Override(c.actor.id(), s.reason()), null);
        }
        TechnicianId technician = c.job.technician();
        SiteId site = c.job.site().id();
        Instant since = c.job.assignedAt();
        List<ArrivalEvidence.Visit> known = visits.visits(technician, site, since, c.now);
        if (s.evidence() == null) {
            if (known.isEmpty()) {
                return Proof.refused(Reason.ARRIVAL_NOT_PROVEN, "no geofence visit of " + technician + " at " + site
                        + " since the assignment at " + since + " proves the arrival at job " + c.job.id()
                        + ": it is recorded once the phone's pings show a stay at the site, or by a dispatcher's override");
            }
            return new Proof(known.get(known.size() - 1), null);
        }
        ArrivalEvidence.Visit named = (ArrivalEvidence.Visit) ArrivalEvidence.parse(s.evidence());
        if (!named.technician().equals(technician) || !named.site().equals(site)) {
            return Proof.refused(Reason.ARRIVAL_NOT_PROVEN, "visit " + named.text() + " is not of job " + c.job.id()
                    + "'s technician " + technician + " at its site " + site);
        }
        return known.stream().filter(named::sameVisit).findFirst().map(v -> new Proof(v, null)).orElseGet(() ->
                Proof.refused(Reason.ARRIVAL_NOT_PROVEN, "no geofence visit " + named.text() + " since the "
                        + "assignment at " + since + " is known (or it was refused as built from suspect pings)"));
    }

    /** An arrival's evidence, or why it was refused. */
    private record Proof(ArrivalEvidence evidence, Decision refused) {
        static Proof refused(Reason reason, String message) {
            return new Proof(null, Decision.reject(reason, message));
        }
    }

    private Decision addProof(Context c, AddProof p) {
        Decision denied = c.permitWork(WORK_ROLES, "add proof");
        if (denied != null) {
            return denied;
        }
        Decision approval = ContactDecisions.approvalBy(c, p);
        if (approval != null) {
            return approval;
        }
        for (JobEvent.ProofAdded existing : c.job.proofs()) {
            if (existing.kind() == p.kind() && existing.label().equals(p.label())
                    && existing.reference().equals(p.reference()) && Objects.equals(existing.sha256(), p.sha256())) {
                return Decision.alreadyDone();
            }
        }
        return Decision.accept(new JobEvent.ProofAdded(c.header(), p.kind(), p.label(), p.reference(), p.sha256()));
    }

    private Decision usePart(Context c, UsePart p) {
        Decision denied = c.permitWork(WORK_ROLES, "record parts");
        if (denied != null) {
            return denied;
        }
        c.requireJobCurrency(p.unitPrice(), "part unit price");
        UsePart priced = pricing.price(c.job(), p);
        if (!priced.sku().equals(p.sku()) || !Objects.equals(priced.hsn(), p.hsn()) || priced.quantity() != p.quantity()
                || priced.unitPrice().currency() != p.unitPrice().currency()) {
            throw new IllegalStateException("part pricing changed more than the price of part " + p.sku() + ": " + priced);
        }
        return Decision.accept(new JobEvent.PartUsed(c.header(), p.sku(), p.hsn(), p.quantity(), priced.unitPrice(),
                priced.billable()));
    }

    private Decision addExpense(Context c, AddExpense e) {
        Decision denied = c.permitWork(WORK_ROLES, "record expenses");
        if (denied != null) {
            return denied;
        }
        c.requireJobCurrency(e.amount(), "expense amount");
        return Decision.accept(new JobEvent.ExpenseAdded(c.header(), e.kind(), e.amount(), e.billable()));
    }

    private Decision recordPayment(Context c, RecordPayment p) {
        Decision denied = c.permitWork(PAYMENT_ROLES, "record payments");
        if (denied != null) {
            return denied;
        }
        if (p.mode() == PaymentMode.WAIVED && c.actor.role() != Role.OWNER) {
            return Decision.reject(Reason.WAIVER_NEEDS_OWNER, "only an OWNER may waive payment of job "
                    + c.job.id() + ", not " + c.actor.role() + " " + c.actor.id());
        }
        MoneyRules.Check check = MoneyRules.payment(c.job.id(), c.job.quote().currency(), c.job.payments(), p.mode(),
                p.amount(), p.reference());
        Decision refused = switch (check.verdict()) {
            case ACCEPTED -> null;
            case REPEAT -> Decision.alreadyDone();
            case DUPLICATE_REFERENCE -> Decision.reject(Reason.DUPLICATE_REFERENCE, check.message());
            case CURRENCY_MISMATCH -> Decision.reject(Reason.INVALID_INPUT, check.message());
        };
        if (refused != null) {
            return refused;
        }
        String approvedBy = p.mode() == PaymentMode.WAIVED ? c.actor.id() : null;
        return Decision.accept(new JobEvent.PaymentRecorded(c.header(), p.mode(), p.amount(), p.reference(),
                p.promisedOn(), approvedBy));
    }

    private Decision recordInvoice(Context c, RecordInvoiceHandoff i) {
        Decision denied = c.permit(INVOICE_ROLES, "hand off invoices");
        if (denied != null) {
            return denied;
        }
        JobEvent.InvoiceHandedOff existing = c.job.invoice();
        if (existing != null) {
            if (existing.invoiceNumber().equals(i.invoiceNumber()) && existing.total().equals(i.total())
                    && existing.partSkus().equals(i.partSkus())) {
                return Decision.alreadyDone();
            }
            Reason reason = existing.invoiceNumber().equals(i.invoiceNumber())
                    ? Reason.DUPLICATE_REFERENCE : Reason.INVOICE_NOT_ALLOWED;
            return Decision.reject(reason, "job " + c.job.id() + " was already handed off as invoice "
                    + existing.invoiceNumber() + " (" + existing.total() + ")");
        }
        if (c.job.status() != JobStatus.COMPLETED && c.job.status() != JobStatus.CLOSED) {
            return Decision.reject(Reason.INVOICE_NOT_ALLOWED, "job " + c.job.id() + " is " + c.job.status()
                    + "; an invoice is handed off once it is COMPLETED");
        }
        c.requireJobCurrency(i.total(), "invoice total");
        return Decision.accept(new JobEvent.InvoiceHandedOff(c.header(), i.invoiceNumber(), i.total(), i.partSkus()));
    }

    /** The job, actor, clock and (offline) origin of one decision. */
    record Context(JobState job, Actor actor, Instant now, Instant occurredAt, DeviceOrigin origin,
                           Supplier<UUID> eventIds) {

        EventHeader header() {
            return new EventHeader(eventIds.get(), job.stream(), job.version() + 1, occurredAt, actor, job.headHash(),
                    ChainFormat.CURRENT, origin);
        }

        /** Null when {@code actor} may act on the job with one of {@code roles}, else the rejection. */
        Decision permit(Set<Role> roles, String what) {
            if (!roles.contains(actor.role())) {
                return Decision.reject(Reason.ROLE_NOT_PERMITTED, actor.role() + " may not " + what);
            }
            if (actor.role() == Role.TECHNICIAN) {
                if (!job.isAssignedTo(actor)) {
                    return Decision.reject(Reason.NOT_ASSIGNED_TO_ACTOR, "job " + job.id()
                            + " is not assigned to technician " + actor.id());
                }
            } else if (!actor.covers(job.branch())) {
                return Decision.reject(Reason.OUTSIDE_BRANCH, "actor " + actor.id() + " of branch "
                        + actor.branch() + " may not act on job " + job.id() + " of branch " + job.branch());
            }
            return null;
        }

        /** {@link #permit}, and the job must not be finished. */
        Decision permitWork(Set<Role> roles, String what) {
            Decision denied = permit(roles, what);
            if (denied != null) {
                return denied;
            }
            if (job.isFinished()) {
                return Decision.reject(Reason.JOB_FINISHED, "job " + job.id() + " is " + job.status()
                        + "; nothing more can be recorded on it");
            }
            return null;
        }

        /** Null when the table allows the move to {@code to} with the job's technician, else the rejection. */
        Decision transition(JobStatus to) {
            if (!JobTransitions.allows(job.status(), to)) {
                Reason reason = job.isFinished() ? Reason.JOB_FINISHED : Reason.ILLEGAL_TRANSITION;
                return Decision.reject(reason, "job " + job.id() + " cannot move from " + job.status() + " to " + to
                        + " (allowed: " + JobTransitions.targets(job.status()) + ")");
            }
            if (JobTransitions.needsTechnician(to) && job.technician() == null && to != JobStatus.ASSIGNED) {
                return Decision.reject(Reason.NO_TECHNICIAN, "job " + job.id() + " has no technician; assign one before "
                        + to);
            }
            return null;
        }

        void requireJobCurrency(Money amount, String what) {
            MoneyRules.Check check = MoneyRules.currency(job.id(), job.quote().currency(), amount, what);
            if (!check.accepted()) {
                throw new IllegalArgumentException(check.message());
            }
        }
    }
}
