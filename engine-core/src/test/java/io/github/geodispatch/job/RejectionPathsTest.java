package io.github.geodispatch.job;
import io.github.geodispatch.job.JobCommand.AddExpense;
import io.github.geodispatch.job.JobCommand.AddProof;
import io.github.geodispatch.job.JobCommand.Assign;
import io.github.geodispatch.job.JobCommand.ChangeStatus;
import io.github.geodispatch.job.JobCommand.RecordInvoiceHandoff;
import io.github.geodispatch.job.JobCommand.RecordPayment;
import io.github.geodispatch.job.JobCommand.Unassign;
import io.github.geodispatch.job.JobCommand.UsePart;
import io.github.geodispatch.job.Rejection.Reason;
import io.github.geodispatch.memory.InMemoryJobEventStore;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.ConcurrencyConflictException;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobEventStore;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.ProofKind;
import io.github.geodispatch.spi.StoredEvent;
import io.github.geodispatch.spi.StreamId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.time.LocalDate;
import java.util.List;
import static io.github.geodispatch.job.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every rejection path: the typed reason, and nothing stored. */
class RejectionPathsTest {
    private static final JobId JOB = JobId.of("J-1");

    private InMemoryJobEventStore store;
    private JobRecord engine;

    @BeforeEach
    void setUp() {
        store = new InMemoryJobEventStore();
        engine = records().eventStore(store).clock(tickingClock())
                .closurePolicies(ClosurePolicies.builder()
                        .policy("AC_SERVICE", ClosurePolicy.acService())
                        .policy("PEST_CONTROL", new ClosurePolicy(List.of(), List.of(ProofRequirement.of(ProofKind.DOCUMENT)), true))
                        .build())
                .build();
    }

    private JobState ok(Actor actor, JobCommand command) {
        return engine.execute(actor, command).orThrow();
    }

    private void assertRejected(Actor actor, JobCommand command, Reason reason) {
        long before = store.lastPosition();
        List<JobEvent> history = store.readStream(StreamId.of(actor.tenant(), command.job()));
        CommandResult result = engine.execute(actor, command);
        assertThat(result).isInstanceOfSatisfying(CommandResult.Rejected.class, r -> {
            assertThat(r.rejection().reason()).as(r.rejection().message()).isEqualTo(reason);
            assertThat(r.rejection().message()).isNotBlank();
            assertThat(r.job()).isEqualTo(command.job());
        });
        assertThat(store.lastPosition()).as("nothing stored").isEqualTo(before);
        assertThat(store.readStream(StreamId.of(actor.tenant(), command.job()))).isEqualTo(history);
        assertThatThrownBy(result::orThrow).isInstanceOfSatisfying(CommandRejectedException.class,
                e -> assertThat(e.rejection().reason()).isEqualTo(reason));
    }

    /** Created, assigned to Ravi, at WORK_STARTED with the AC_SERVICE proof. */
    private void workStartedWithProof(String jobType) {
        ok(DISPATCHER, create(JOB, jobType));
        ok(DISPATCHER, Assign.of(JOB, RAVI));
        ok(TECH_RAVI, ChangeStatus.enRoute(JOB));
        ok(TECH_RAVI, ChangeStatus.arrived(JOB));
        ok(TECH_RAVI, ChangeStatus.workStarted(JOB));
        ok(TECH_RAVI, AddProof.photo(JOB, "before", "b.jpg", SHA));
        ok(TECH_RAVI, AddProof.photo(JOB, "after", "a.jpg", SHA));
        ok(TECH_RAVI, AddProof.signature(JOB, "sig-1", SHA));
    }

    @Test
    void unknownJobAndOtherTenantsJobAreNotFound() {
        assertRejected(DISPATCHER, Assign.of(JOB, RAVI), Reason.JOB_NOT_FOUND);
        ok(DISPATCHER, create(JOB, "AC_SERVICE"));
        assertRejected(FOREIGN_OWNER, Assign.of(JOB, RAVI), Reason.JOB_NOT_FOUND);
        assertRejected(FOREIGN_OWNER, ChangeStatus.cancelled(JOB, "mine now"), Reason.JOB_NOT_FOUND);
        assertThat(engine.job(FOREIGN_OWNER, JOB)).isEmpty();
        assertThat(engine.history(FOREIGN_OWNER, JOB)).isEmpty();
        assertThat(engine.verifyHistory(FOREIGN_OWNER, JOB)).isEmpty();
    }

    @Test
    void sameJobIdInAnotherTenantIsAnotherJob() {
        ok(DISPATCHER, create(JOB, "AC_SERVICE"));
        JobState theirs = engine.execute(FOREIGN_OWNER, JobCommand.CreateJob.builder(JOB, OTHER_BRANCH,
                io.github.geodispatch.spi.CustomerId.of("C-9"), SITE, "RO_SERVICE").build()).orThrow();

        assertThat(theirs.tenant()).isEqualTo(OTHER_TENANT);
        assertThat(engine.job(DISPATCHER, JOB).orElseThrow().jobType()).isEqualTo("AC_SERVICE");
    }

    @Test
    void creatingAnExistingJobIsRejected() {
        ok(DISPATCHER, create(JOB, "AC_SERVICE"));
        assertRejected(OWNER, create(JOB, "RO_SERVICE"), Reason.JOB_ALREADY_EXISTS);
    }

    @Test
    void rolesThatMayNotIssueACommandAreRejected() {
        assertRejected(TECH_RAVI, create(JOB, "AC_SERVICE"), Reason.ROLE_NOT_PERMITTED);
        assertRejected(ACCOUNTANT, create(JOB, "AC_SERVICE"), Reason.ROLE_NOT_PERMITTED);
        ok(DISPATCHER, create(JOB, "AC_SERVICE"));
        assertRejected(ACCOUNTANT, Assign.of(JOB, RAVI), Reason.ROLE_NOT_PERMITTED);
        assertRejected(TECH_RAVI, Assign.of(JOB, RAVI), Reason.ROLE_NOT_PERMITTED);
        ok(DISPATCHER, Assign.of(JOB, RAVI));
        assertRejected(TECH_RAVI, ChangeStatus.cancelled(JOB, "too far"), Reason.ROLE_NOT_PERMITTED);
        assertRejected(TECH_RAVI, ChangeStatus.rescheduled(JOB, "tomorrow"), Reason.ROLE_NOT_PERMITTED);
        assertRejected(TECH_RAVI, new Unassign(JOB, "busy"), Reason.ROLE_NOT_PERMITTED);
        assertRejected(ACCOUNTANT, ChangeStatus.enRoute(JOB), Reason.ROLE_NOT_PERMITTED);
        assertRejected(ACCOUNTANT, AddProof.signature(JOB, "sig", SHA), Reason.ROLE_NOT_PERMITTED);
        assertRejected(ACCOUNTANT, new UsePart(JOB, "CAP", null, 1, Money.inr(100), true), Reason.ROLE_NOT_PERMITTED);
        assertRejected(DISPATCHER, new RecordInvoiceHandoff(JOB, "INV-1", Money.inr(1), null), Reason.ROLE_NOT_PERMITTED);
        assertRejected(TECH_RAVI, new RecordInvoiceHandoff(JOB, "INV-1", Money.inr(1), null), Reason.ROLE_NOT_PERMITTED);
    }

    @Test
    void branchStaffActOnlyWithinTheirBranch() {
        assertRejected(OTHER_BRANCH_DISPATCHER, create(JOB, "AC_SERVICE"), Reason.OUTSIDE_BRANCH);
        ok(DISPATCHER, create(JOB, "AC_SERVICE"));
        assertRejected(OTHER_BRANCH_DISPATCHER, Assign.of(JOB, RAVI), Reason.OUTSIDE_BRANCH);
        assertRejected(OTHER_BRANCH_DISPATCHER, ChangeStatus.cancelled(JOB, "x"), Reason.OUTSIDE_BRANCH);
        assertThat(engine.job(OTHER_BRANCH_DISPATCHER, JOB)).isEmpty();
        assertThat(engine.job(OWNER, JOB)).isPresent();
    }

    @Test
    void aTechnicianActsOnlyOnJobsAssignedToThem() {
        ok(DISPATCHER, create(JOB, "AC_SERVICE"));
        assertRejected(TECH_RAVI, ChangeStatus.enRoute(JOB), Reason.NOT_ASSIGNED_TO_ACTOR);
        ok(DISPATCHER, Assign.of(JOB, RAVI));
        assertRejected(TECH_ASHA, ChangeStatus.enRoute(JOB), Reason.NOT_ASSIGNED_TO_ACTOR);
        assertRejected(TECH_ASHA, AddProof.signature(JOB, "sig", SHA), Reason.NOT_ASSIGNED_TO_ACTOR);
        assertRejected(TECH_ASHA, new UsePart(JOB, "CAP", null, 1, Money.inr(100), true), Reason.NOT_ASSIGNED_TO_ACTOR);
        assertRejected(TECH_ASHA, new AddExpense(JOB, "parking", Money.inr(100), false), Reason.NOT_ASSIGNED_TO_ACTOR);
        assertRejected(TECH_ASHA, RecordPayment.cash(JOB, Money.inr(100)), Reason.NOT_ASSIGNED_TO_ACTOR);
        assertThat(engine.job(TECH_ASHA, JOB)).isEmpty();
        assertThat(engine.job(TECH_RAVI, JOB)).isPresent();
        ok(DISPATCHER, Assign.of(JOB, ASHA));
        assertRejected(TECH_RAVI, ChangeStatus.enRoute(JOB), Reason.NOT_ASSIGNED_TO_ACTOR);
        ok(TECH_ASHA, ChangeStatus.enRoute(JOB));
    }

    @Test
    void movesOutsideTheTransitionTableAreIllegal() {
        ok(DISPATCHER, create(JOB, "AC_SERVICE"));
        assertRejected(OWNER, ChangeStatus.completed(JOB), Reason.ILLEGAL_TRANSITION);
        assertRejected(OWNER, ChangeStatus.closed(JOB), Reason.ILLEGAL_TRANSITION);
        ok(DISPATCHER, Assign.of(JOB, RAVI));
        ok(TECH_RAVI, ChangeStatus.enRoute(JOB));
        assertRejected(TECH_RAVI, ChangeStatus.workStarted(JOB), Reason.ILLEGAL_TRANSITION);
        assertRejected(TECH_RAVI, ChangeStatus.enRoute(JOB), Reason.ILLEGAL_TRANSITION);
        ok(TECH_RAVI, ChangeStatus.arrived(JOB));
        assertRejected(TECH_RAVI, ChangeStatus.completed(JOB), Reason.ILLEGAL_TRANSITION);
        ok(TECH_RAVI, ChangeStatus.workStarted(JOB));
        assertRejected(DISPATCHER, Assign.of(JOB, ASHA), Reason.ILLEGAL_TRANSITION);
        assertRejected(DISPATCHER, new Unassign(JOB, "x"), Reason.ILLEGAL_TRANSITION);
        assertRejected(DISPATCHER, ChangeStatus.cancelled(JOB, "x"), Reason.ILLEGAL_TRANSITION);
    }

    @Test
    void fieldMovesNeedATechnician() {
        ok(DISPATCHER, create(JOB, "AC_SERVICE"));
        assertRejected(DISPATCHER, new Unassign(JOB, "nobody"), Reason.ILLEGAL_TRANSITION);
        ok(DISPATCHER, ChangeStatus.onHold(JOB, "customer travelling"));
        assertRejected(DISPATCHER, ChangeStatus.enRoute(JOB), Reason.NO_TECHNICIAN);
        assertRejected(DISPATCHER, new Unassign(JOB, "nobody"), Reason.NO_TECHNICIAN);
        ok(DISPATCHER, Assign.of(JOB, RAVI));
        ok(DISPATCHER, ChangeStatus.enRoute(JOB));
    }

    @Test
    void workCannotStartBeforeTheArrivalOfTheCurrentVisit() {
        ok(DISPATCHER, create(JOB, "AC_SERVICE"));
        ok(DISPATCHER, Assign.of(JOB, RAVI));
        ok(TECH_RAVI, ChangeStatus.onHold(JOB, "gas cylinder awaited"));
        assertRejected(TECH_RAVI, ChangeStatus.workStarted(JOB), Reason.NOT_ARRIVED);
        ok(TECH_RAVI, ChangeStatus.arrived(JOB));
        ok(TECH_RAVI, ChangeStatus.onHold(JOB, "gas cylinder awaited"));
        ok(TECH_RAVI, ChangeStatus.workStarted(JOB));
    }

    @Test
    void completionNeedsTheJobTypesProof() {
        ok(DISPATCHER, create(JOB, "AC_SERVICE"));
        ok(DISPATCHER, Assign.of(JOB, RAVI));
        ok(TECH_RAVI, ChangeStatus.arrived(JOB));
        ok(TECH_RAVI, ChangeStatus.workStarted(JOB));
        ok(TECH_RAVI, AddProof.photo(JOB, "before", "b.jpg", SHA));
        ok(TECH_RAVI, AddProof.signature(JOB, "sig-1", SHA));
        assertRejected(TECH_RAVI, ChangeStatus.completed(JOB), Reason.PROOF_MISSING);
        ok(TECH_RAVI, AddProof.photo(JOB, "After", "a.jpg", SHA));
        ok(TECH_RAVI, ChangeStatus.completed(JOB));
    }

    @Test
    void theDefaultPolicyNeedsAPhotoAndACustomerApproval() {
        ok(DISPATCHER, create(JOB, "RO_SERVICE"));
        ok(DISPATCHER, Assign.of(JOB, RAVI));
        ok(TECH_RAVI, ChangeStatus.arrived(JOB));
        ok(TECH_RAVI, ChangeStatus.workStarted(JOB));
        ok(TECH_RAVI, AddProof.signature(JOB, "sig-1", SHA));
        assertRejected(TECH_RAVI, ChangeStatus.completed(JOB), Reason.PROOF_MISSING);
        ok(TECH_RAVI, AddProof.photo(JOB, "filter", "f.jpg", SHA));
        ok(TECH_RAVI, ChangeStatus.completed(JOB));
    }

    @Test
    void closingNeedsTheClosingProofAndAClearPayment() {
        ok(DISPATCHER, create(JOB, "PEST_CONTROL"));
        ok(DISPATCHER, Assign.of(JOB, RAVI));
        ok(TECH_RAVI, ChangeStatus.arrived(JOB));
        ok(TECH_RAVI, ChangeStatus.workStarted(JOB));
        ok(TECH_RAVI, ChangeStatus.completed(JOB));
        assertRejected(ACCOUNTANT, ChangeStatus.closed(JOB), Reason.PROOF_MISSING);
        ok(TECH_RAVI, new AddProof(JOB, ProofKind.DOCUMENT, "treatment certificate", "cert.pdf", SHA));
        assertRejected(ACCOUNTANT, ChangeStatus.closed(JOB), Reason.PAYMENT_NOT_CLEAR);
        ok(ACCOUNTANT, new RecordPayment(JOB, PaymentMode.PENDING, Money.inr(149_900), null, LocalDate.of(2025, 6, 9)));
        assertRejected(ACCOUNTANT, ChangeStatus.closed(JOB), Reason.PAYMENT_NOT_CLEAR);
        ok(ACCOUNTANT, new RecordPayment(JOB, PaymentMode.INVOICE_REQUIRED, Money.inr(149_900), "PO-77", null));
        ok(ACCOUNTANT, ChangeStatus.closed(JOB));
    }

    @Test
    void onlyAnOwnerMayWaivePayment() {
        workStartedWithProof("AC_SERVICE");
        RecordPayment waive = new RecordPayment(JOB, PaymentMode.WAIVED, Money.inr(0), null, null);
        assertRejected(DISPATCHER, waive, Reason.WAIVER_NEEDS_OWNER);
        assertRejected(ACCOUNTANT, waive, Reason.WAIVER_NEEDS_OWNER);
        assertRejected(TECH_RAVI, waive, Reason.WAIVER_NEEDS_OWNER);
        JobState waived = ok(OWNER, waive);
        assertThat(waived.latestPayment().orElseThrow().approvedBy()).isEqualTo("owner-1");
    }

    @Test
    void aPaymentReferenceIsRecordedOnceAndAReplayChangesNothing() {
        workStartedWithProof("AC_SERVICE");
        CommandResult first = engine.execute(TECH_RAVI, RecordPayment.upi(JOB, Money.inr(149_900), "412345678901"));
        long position = store.lastPosition();

        CommandResult replay = engine.execute(SYSTEM, RecordPayment.upi(JOB, Money.inr(149_900), "412345678901"));

        assertThat(first.isAccepted()).isTrue();
        assertThat(replay).isInstanceOfSatisfying(CommandResult.Accepted.class, a -> assertThat(a.events()).isEmpty());
        assertThat(store.lastPosition()).isEqualTo(position);
        assertRejected(SYSTEM, RecordPayment.upi(JOB, Money.inr(100_000), "412345678901"), Reason.DUPLICATE_REFERENCE);
    }

    @Test
    void sameProofTwiceAndSameAssignmentTwiceAreNoOps() {
        workStartedWithProof("AC_SERVICE");
        long position = store.lastPosition();

        assertThat(engine.execute(TECH_RAVI, AddProof.signature(JOB, "sig-1", SHA)).isAccepted()).isTrue();
        assertThat(store.lastPosition()).isEqualTo(position);

        JobId other = JobId.of("J-2");
        ok(DISPATCHER, create(other, "AC_SERVICE"));
        ok(DISPATCHER, Assign.of(other, RAVI));
        long afterAssign = store.lastPosition();
        assertThat(engine.execute(DISPATCHER, Assign.of(other, RAVI)).isAccepted()).isTrue();
        assertThat(store.lastPosition()).isEqualTo(afterAssign);
    }

    @Test
    void nothingMoreIsRecordedOnAFinishedJob() {
        ok(DISPATCHER, create(JOB, "AC_SERVICE"));
        ok(DISPATCHER, ChangeStatus.cancelled(JOB, "customer cancelled"));
        assertRejected(OWNER, AddProof.approvalOverride(JOB, "customer approved on the phone"), Reason.JOB_FINISHED);
        assertRejected(OWNER, new UsePart(JOB, "CAP", null, 1, Money.inr(100), true), Reason.JOB_FINISHED);
        assertRejected(OWNER, new AddExpense(JOB, "parking", Money.inr(100), false), Reason.JOB_FINISHED);
        assertRejected(OWNER, RecordPayment.cash(JOB, Money.inr(100)), Reason.JOB_FINISHED);
        assertRejected(OWNER, Assign.of(JOB, RAVI), Reason.JOB_FINISHED);
        assertRejected(OWNER, ChangeStatus.rescheduled(JOB, "x"), Reason.JOB_FINISHED);
    }

    @Test
    void anInvoiceIsHandedOffOnceTheJobIsCompletedAndOnlyOnce() {
        workStartedWithProof("AC_SERVICE");
        RecordInvoiceHandoff invoice = new RecordInvoiceHandoff(JOB, "INV/25-26/0001", Money.inr(176_882), List.of());
        assertRejected(ACCOUNTANT, invoice, Reason.INVOICE_NOT_ALLOWED);
        ok(TECH_RAVI, ChangeStatus.completed(JOB));
        ok(ACCOUNTANT, invoice);
        long position = store.lastPosition();
        assertThat(engine.execute(ACCOUNTANT, invoice).isAccepted()).isTrue();
        assertThat(store.lastPosition()).isEqualTo(position);
        assertRejected(ACCOUNTANT, new RecordInvoiceHandoff(JOB, "INV/25-26/0001", Money.inr(1), List.of()),
                Reason.DUPLICATE_REFERENCE);
        assertRejected(ACCOUNTANT, new RecordInvoiceHandoff(JOB, "INV/25-26/0002", Money.inr(176_882), List.of()),
                Reason.INVOICE_NOT_ALLOWED);
    }

    @Test
    void amountsInAnotherCurrencyThanTheJobsAreInvalid() {
        workStartedWithProof("AC_SERVICE");
        assertRejected(TECH_RAVI, RecordPayment.cash(JOB, Money.kes(100)), Reason.INVALID_INPUT);
        assertRejected(TECH_RAVI, new UsePart(JOB, "CAP", null, 1, Money.kes(100), true), Reason.INVALID_INPUT);
        assertRejected(TECH_RAVI, new AddExpense(JOB, "parking", Money.kes(100), false), Reason.INVALID_INPUT);
    }

    @Test
    void textThatIsNotUnicodeIsRefusedBeforeItIsStored() {
        // an unpaired surrogate has no canonical encoding, hence no hash: stored, it would make the stream unreadable
        workStartedWithProof("AC_SERVICE");
        assertRejected(TECH_RAVI, new AddProof(JOB, ProofKind.NOTE, "", "meter reading \uD83D", null), Reason.INVALID_INPUT);
        assertRejected(TECH_RAVI, ChangeStatus.onHold(JOB, "waiting \uDC00"), Reason.INVALID_INPUT);
        assertThat(engine.verifyHistory(OWNER, JOB).orElseThrow().intact()).isTrue();
    }

    @Test
    void aStoreThatAlwaysConflictsEndsInATypedConflictAfterBoundedRetries() {
        InMemoryJobEventStore backing = new InMemoryJobEventStore();
        int[] appends = {0};
        JobEventStore contended = new ForwardingStore(backing) {
            @Override
            public List<StoredEvent> append(StreamId stream, long expectedVersion, List<? extends JobEvent> events) {
                appends[0]++;
                throw new ConcurrencyConflictException(stream, expectedVersion, expectedVersion + 1);
            }
        };
        JobRecord busy = records().eventStore(contended).maxConflictRetries(3).build();

        CommandResult result = busy.execute(DISPATCHER, create(JOB, "AC_SERVICE"));

        assertThat(result).isInstanceOfSatisfying(CommandResult.Rejected.class,
                r -> assertThat(r.rejection().reason()).isEqualTo(Reason.CONCURRENCY_CONFLICT));
        assertThat(appends[0]).isEqualTo(4);
        assertThat(backing.lastPosition()).isZero();
    }

    @Test
    void aConflictIsReReadAndReDecided() {
        InMemoryJobEventStore backing = new InMemoryJobEventStore();
        JobRecord otherHost = records().eventStore(backing).build();
        boolean[] raced = {false};
        JobEventStore racing = new ForwardingStore(backing) {
            @Override
            public List<StoredEvent> append(StreamId stream, long expectedVersion, List<? extends JobEvent> events) {
                if (!raced[0] && expectedVersion == 2) {
                    raced[0] = true; // another host moves the job between this engine's read and its append
                    otherHost.execute(TECH_RAVI, ChangeStatus.enRoute(JOB)).orThrow();
                }
                return super.append(stream, expectedVersion, events);
            }
        };
        JobRecord engine = records().eventStore(racing).build();
        engine.execute(DISPATCHER, create(JOB, "AC_SERVICE")).orThrow();
        engine.execute(DISPATCHER, Assign.of(JOB, RAVI)).orThrow();

        // Decided first against ASSIGNED (EN_ROUTE, conflict), then re-read: EN_ROUTE -> EN_ROUTE is illegal.
        CommandResult again = engine.execute(TECH_RAVI, ChangeStatus.enRoute(JOB));
        JobState arrived = engine.execute(TECH_RAVI, ChangeStatus.arrived(JOB)).orThrow();

        assertThat(raced[0]).isTrue();
        assertThat(again).isInstanceOfSatisfying(CommandResult.Rejected.class,
                r -> assertThat(r.rejection().reason()).isEqualTo(Reason.ILLEGAL_TRANSITION));
        assertThat(arrived.version()).isEqualTo(4);
        assertThat(backing.readStream(StreamId.of(TENANT, JOB))).extracting(e -> e.header().version())
                .containsExactly(1L, 2L, 3L, 4L);
    }

    /** A store that passes every call on; tests override what they need. */
    static class ForwardingStore implements JobEventStore {
        private final JobEventStore delegate;

        ForwardingStore(JobEventStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<StoredEvent> append(StreamId stream, long expectedVersion, List<? extends JobEvent> events) {
            return delegate.append(stream, expectedVersion, events);
        }

        @Override
        public List<JobEvent> readStream(StreamId stream) {
            return delegate.readStream(stream);
        }

        @Override
        public long version(StreamId stream) {
            return delegate.version(stream);
        }

        @Override
        public List<StoredEvent> readAll(long afterPosition, int maxCount) {
            return delegate.readAll(afterPosition, maxCount);
        }

        @Override
        public long lastPosition() {
            return delegate.lastPosition();
        }
    }
}
