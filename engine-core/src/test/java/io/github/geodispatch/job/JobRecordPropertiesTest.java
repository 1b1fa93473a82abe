package io.github.geodispatch.job;
import io.github.geodispatch.job.JobCommand.AddExpense;
import io.github.geodispatch.job.JobCommand.AddProof;
import io.github.geodispatch.job.JobCommand.Assign;
import io.github.geodispatch.job.JobCommand.ChangeStatus;
import io.github.geodispatch.job.JobCommand.RecordInvoiceHandoff;
import io.github.geodispatch.job.JobCommand.RecordPayment;
import io.github.geodispatch.job.JobCommand.Unassign;
import io.github.geodispatch.job.JobCommand.UsePart;
import io.github.geodispatch.memory.InMemoryJobEventStore;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.EventHeader;
import io.github.geodispatch.spi.HashChain;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.ProofKind;
import io.github.geodispatch.spi.Role;
import io.github.geodispatch.spi.StoredEvent;
import io.github.geodispatch.spi.StreamId;
import io.github.geodispatch.spi.TechnicianId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import static io.github.geodispatch.job.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random command sequences from random actors, checked step by step against an oracle written from the
 * transition table and the role rules (independently of the engine's decider).
 */
class JobRecordPropertiesTest {
    private static final List<Actor> ACTORS = List.of(OWNER, DISPATCHER, OTHER_BRANCH_DISPATCHER, TECH_RAVI,
            TECH_ASHA, ACCOUNTANT, SYSTEM, FOREIGN_OWNER);
    private static final List<JobId> JOBS = List.of(JobId.of("J-1"), JobId.of("J-2"));
    private static final List<JobStatus> MOVES = List.of(JobStatus.EN_ROUTE, JobStatus.ARRIVED,
            JobStatus.WORK_STARTED, JobStatus.ON_HOLD, JobStatus.DELAYED, JobStatus.COMPLETED,
            JobStatus.RESCHEDULED, JobStatus.CANCELLED, JobStatus.CLOSED);
    private static final List<String> UTRS = List.of("412345678901", "412345678902", "512345678903");

    /** One step: {@code kind} < 45 is the next step of the happy path, else a random command. */
    record Step(int kind, int actor, int a, int b) {}

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Integer> small = Arbitraries.integers().between(0, 1_000);
        return Combinators.combine(Arbitraries.integers().between(0, 99), small, small, small)
                .as(Step::new).list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 200)
    void randomCommandsFromRandomActorsNeverProduceAnIllegalState(@ForAll("steps") List<Step> steps) {
        InMemoryJobEventStore store = new InMemoryJobEventStore();
        JobRecord engine = records().eventStore(store).clock(tickingClock()).build();
        int rejected = 0;

        for (Step step : steps) {
            JobId job = JOBS.get((step.kind < 45 ? step.a : step.b) % JOBS.size());
            JobState ours = engine.job(OWNER, job).orElse(null);
            Actor actor = step.kind < 45 && step.b % 5 != 0 ? happyActor(ours) : ACTORS.get(step.actor % ACTORS.size());
            StreamId stream = StreamId.of(actor.tenant(), job);
            List<JobEvent> before = store.readStream(stream);
            JobState prev = before.isEmpty() ? null : JobState.fold(before);
            JobCommand command = step.kind < 45 ? happyCommand(ours, job) : randomCommand(step, job);
            long positionBefore = store.lastPosition();

            CommandResult result = engine.execute(actor, command);

            List<JobEvent> after = store.readStream(stream);
            if (result instanceof CommandResult.Rejected) {
                rejected++;
                assertThat(store.lastPosition()).as("a rejection stores nothing").isEqualTo(positionBefore);
                assertThat(after).isEqualTo(before);
                continue;
            }
            CommandResult.Accepted accepted = (CommandResult.Accepted) result;
            List<JobEvent> appended = after.subList(before.size(), after.size());
            assertThat(accepted.events()).extracting(StoredEvent::event).containsExactlyElementsOf(appended);
            JobState state = prev;
            for (JobEvent event : appended) {
                assertLegal(state, event);
                state = state == null ? JobState.fold(List.of(event)) : state.apply(event);
            }
            assertThat(accepted.state()).as("folding the stored stream equals the live state")
                    .isEqualTo(JobState.fold(after));
            assertInvariants(accepted.state(), after);
        }
        for (JobId job : JOBS) {
            List<JobEvent> stream = store.readStream(StreamId.of(TENANT, job));
            if (!stream.isEmpty()) {
                JobState last = JobState.fold(stream);
                assertInvariants(last, stream);
                Statistics.label("final status").collect(last.status());
            }
            assertThat(store.readStream(StreamId.of(OTHER_TENANT, job)))
                    .as("nothing crosses tenants").allSatisfy(e -> assertThat(e.header().actor()).isEqualTo(FOREIGN_OWNER));
        }
        Statistics.label("has rejections").collect(rejected > 0);
        // the walks must reach the end of the job's life; ending exactly at COMPLETED (about 6 jobs in 200 tries)
        // is too rare to demand, so COMPLETED counts together with CLOSED, which comes only after it
        Statistics.label("final status").coverage(c -> {
            c.check(JobStatus.CLOSED).count(n -> n > 0);
            c.checkQuery(status -> status.get(0) == JobStatus.COMPLETED || status.get(0) == JobStatus.CLOSED)
                    .count(n -> n >= 5);
        });
        Statistics.label("has rejections").coverage(c -> c.check(true).percentage(p -> p > 30));
    }

    @Property(tries = 100)
    void anyEditedEventBreaksTheHashChain(@ForAll("steps") List<Step> steps, @ForAll("indexes") int index,
                                          @ForAll("edits") int edit) {
        InMemoryJobEventStore store = new InMemoryJobEventStore();
        JobRecord engine = records().eventStore(store).clock(tickingClock()).build();
        JobId job = JOBS.get(0);
        engine.execute(DISPATCHER, create(job, "AC_SERVICE"));
        for (Step step : steps) {
            JobState prev = engine.job(OWNER, job).orElseThrow();
            Actor actor = step.kind < 45 ? happyActor(prev) : ACTORS.get(step.actor % ACTORS.size());
            engine.execute(actor, step.kind < 45 ? happyCommand(prev, job) : randomCommand(step, job));
        }
        List<JobEvent> stream = store.readStream(StreamId.of(TENANT, job));
        String head = engine.job(OWNER, job).orElseThrow().headHash();
        assertThat(HashChain.verifies(stream, head)).isTrue();
        assertThat(engine.verifyHistory(OWNER, job).orElseThrow().intact()).isTrue();

        int i = index % stream.size();
        List<JobEvent> edited = new ArrayList<>(stream);
        edited.set(i, edit(stream.get(i), edit));

        assertThat(edited.get(i)).isNotEqualTo(stream.get(i));
        assertThat(HashChain.verifies(edited, head)).as("edit of event %d of %d", i, stream.size()).isFalse();
        assertThat(HashChain.firstBroken(edited, head)).hasValue(i == stream.size() - 1 ? i : i + 1);
        Statistics.label("edited last").collect(i == stream.size() - 1);
    }

    @Provide
    Arbitrary<Integer> indexes() {
        return Arbitraries.integers().between(0, 10_000);
    }

    @Provide
    Arbitrary<Integer> edits() {
        return Arbitraries.integers().between(0, 3);
    }

    // ---- the oracle -------------------------------------------------------------------------------------

    /** The event is allowed by the transition table and the role rules, judged on the state before it. */
    private static void assertLegal(JobState prev, JobEvent event) {
        Actor actor = event.header().actor();
        Role role = actor.role();
        assertThat(actor.tenant()).isEqualTo(event.header().tenant());
        if (event instanceof JobEvent.JobCreated created) {
            assertThat(prev).as("created once").isNull();
            assertThat(role).isIn(Role.OWNER, Role.DISPATCHER, Role.SYSTEM);
            assertThat(actor.covers(created.branch())).isTrue();
            return;
        }
        assertThat(prev).as("a job exists before %s", event).isNotNull();
        if (role == Role.TECHNICIAN) {
            assertThat(prev.technician()).as("technician acts on own job: %s", event).isNotNull();
            assertThat(prev.technician().value()).isEqualTo(actor.id());
        } else {
            assertThat(actor.covers(prev.branch())).as("branch of %s", actor).isTrue();
        }
        if (event instanceof JobEvent.JobAssigned) {
            assertThat(JobTransitions.allows(prev.status(), JobStatus.ASSIGNED, role)).as("assign from %s by %s",
                    prev.status(), role).isTrue();
            assertThat(role).isNotEqualTo(Role.TECHNICIAN);
        } else if (event instanceof JobEvent.JobUnassigned unassigned) {
            assertThat(JobTransitions.allows(prev.status(), JobStatus.NEW, role)).isTrue();
            assertThat(unassigned.technician()).isEqualTo(prev.technician());
        } else if (event instanceof JobEvent.StatusChanged changed) {
            JobStatus to = changed.status();
            assertThat(JobTransitions.allows(prev.status(), to, role)).as("%s -> %s by %s", prev.status(), to, role)
                    .isTrue();
            if (Set.of(JobStatus.EN_ROUTE, JobStatus.ARRIVED, JobStatus.WORK_STARTED, JobStatus.DELAYED,
                    JobStatus.COMPLETED).contains(to)) {
                assertThat(prev.technician()).as("%s needs a technician", to).isNotNull();
            }
            if (to == JobStatus.WORK_STARTED || to == JobStatus.COMPLETED) {
                assertThat(prev.arrivedAt()).as("%s needs an arrival", to).isNotNull();
            }
            if (to == JobStatus.ARRIVED) {
                // evidence that is evidence: an override by the office, or a visit of the technician at the site
                ArrivalEvidence evidence = ArrivalEvidence.parse(changed.evidence());
                if (evidence instanceof ArrivalEvidence.Override override) {
                    assertThat(role).isIn(Role.OWNER, Role.DISPATCHER);
                    assertThat(override.actor()).isEqualTo(actor.id());
                } else {
                    assertThat(evidence).isInstanceOfSatisfying(ArrivalEvidence.Visit.class, v -> {
                        assertThat(v.technician()).isEqualTo(prev.technician());
                        assertThat(v.site()).isEqualTo(prev.site().id());
                    });
                }
            }
            if (to == JobStatus.COMPLETED || to == JobStatus.CLOSED) {
                assertThat(hasCompletionProof(prev)).as("proof before %s", to).isTrue();
            }
            if (to == JobStatus.CLOSED) {
                assertThat(prev.payments()).as("payment before CLOSED").isNotEmpty();
                assertThat(prev.payments().get(prev.payments().size() - 1).mode()).isNotEqualTo(PaymentMode.PENDING);
            }
        } else if (event instanceof JobEvent.PaymentRecorded payment) {
            assertThat(prev.status().isTerminal()).isFalse();
            if (payment.mode() == PaymentMode.WAIVED) {
                assertThat(role).isEqualTo(Role.OWNER);
                assertThat(payment.approvedBy()).isEqualTo(actor.id());
            }
        } else if (event instanceof JobEvent.InvoiceHandedOff) {
            assertThat(role).isIn(Role.OWNER, Role.ACCOUNTANT, Role.SYSTEM);
            assertThat(prev.status()).isIn(JobStatus.COMPLETED, JobStatus.CLOSED);
            assertThat(prev.invoice()).isNull();
        } else {
            assertThat(prev.status().isTerminal()).as("nothing recorded on a finished job").isFalse();
            assertThat(role).isNotEqualTo(Role.ACCOUNTANT);
            if (event instanceof JobEvent.ProofAdded proof && proof.kind() == ProofKind.OTP) {
                assertThat(role).as("the customer's approval is not the technician's to record").isNotEqualTo(Role.TECHNICIAN);
            }
        }
    }

    /** The closure policy of the job types used here, written out independently of ClosurePolicy. */
    private static boolean hasCompletionProof(JobState job) {
        boolean approval = job.proofs().stream().anyMatch(p -> p.kind() == ProofKind.OTP || p.kind() == ProofKind.SIGNATURE);
        if (job.jobType().equals("AC_SERVICE")) {
            return approval && hasPhoto(job, "before") && hasPhoto(job, "after");
        }
        return approval && job.proofs().stream().anyMatch(p -> p.kind() == ProofKind.PHOTO);
    }

    private static boolean hasPhoto(JobState job, String label) {
        return job.proofs().stream().anyMatch(p -> p.kind() == ProofKind.PHOTO && p.label().equalsIgnoreCase(label));
    }

    private static void assertInvariants(JobState state, List<JobEvent> stream) {
        assertThat(state.version()).isEqualTo(stream.size());
        assertThat(stream).allSatisfy(e -> assertThat(e.header().actor().tenant()).isEqualTo(state.tenant()));
        assertThat(HashChain.verifies(stream, state.headHash())).as("chain verifies").isTrue();
        if (state.status() == JobStatus.NEW) {
            assertThat(state.technician()).isNull();
        }
        if (JobTransitions.needsTechnician(state.status())) {
            assertThat(state.technician()).as("%s without technician", state.status()).isNotNull();
        }
        if (state.status() == JobStatus.COMPLETED || state.status() == JobStatus.CLOSED) {
            assertThat(hasCompletionProof(state)).isTrue();
            assertThat(state.completedAt()).isNotNull();
        }
        if (state.status() == JobStatus.CLOSED) {
            assertThat(state.hasClearPayment()).isTrue();
            assertThat(state.closedAt()).isNotNull();
        }
        for (int i = 1; i < stream.size(); i++) {
            assertThat(stream.get(i)).isNotInstanceOf(JobEvent.JobCreated.class);
        }
    }

    // ---- command generation -----------------------------------------------------------------------------

    private static Actor happyActor(JobState job) {
        if (job == null || job.status() == JobStatus.NEW || job.status() == JobStatus.ON_HOLD
                || job.status() == JobStatus.DELAYED || job.status() == JobStatus.RESCHEDULED) {
            return DISPATCHER;
        }
        if (job.status() == JobStatus.COMPLETED && job.hasClearPayment() || job.status().isTerminal()) {
            return ACCOUNTANT;
        }
        return job.technician() == null ? DISPATCHER : Actor.technician(TENANT, BRANCH, job.technician());
    }

    /** The next command along the happy path to CLOSED. */
    private static JobCommand happyCommand(JobState job, JobId id) {
        if (job == null) {
            return create(id, id.value().equals("J-1") ? "AC_SERVICE" : "RO_SERVICE");
        }
        return switch (job.status()) {
            case NEW, ON_HOLD, DELAYED, RESCHEDULED -> Assign.of(id, RAVI);
            case ASSIGNED -> ChangeStatus.enRoute(id);
            case EN_ROUTE -> ChangeStatus.arrived(id);
            case ARRIVED -> ChangeStatus.workStarted(id);
            case WORK_STARTED -> !hasPhoto(job, "before") ? AddProof.photo(id, "before", "b.jpg", SHA)
                    : !hasPhoto(job, "after") ? AddProof.photo(id, "after", "a.jpg", SHA)
                    : job.proofs().stream().noneMatch(p -> p.kind() == ProofKind.SIGNATURE) ? AddProof.signature(id, "sig-1", SHA)
                    : ChangeStatus.completed(id);
            case COMPLETED -> job.hasClearPayment() ? ChangeStatus.closed(id)
                    : RecordPayment.upi(id, Money.inr(149_900), UTRS.get((int) (job.version() % UTRS.size())));
            case CANCELLED, CLOSED -> new RecordInvoiceHandoff(id, "INV-" + id.value(), Money.inr(149_900), List.of());
        };
    }

    private static JobCommand randomCommand(Step step, JobId id) {
        TechnicianId tech = step.a % 2 == 0 ? RAVI : ASHA;
        return switch (step.a % 9) {
            case 0 -> create(id, step.b % 2 == 0 ? "AC_SERVICE" : "RO_SERVICE");
            case 1 -> new Assign(id, tech, step.b % 3 == 0 ? "nearest was on leave" : null);
            case 2 -> new Unassign(id, "re-plan");
            case 3 -> {
                JobStatus to = MOVES.get(step.b % MOVES.size());
                yield to == JobStatus.ARRIVED && step.b % 3 == 0 ? ChangeStatus.arrivalOverride(id, "reason " + step.b)
                        : new ChangeStatus(id, to, ChangeStatus.needsReason(to) ? "reason " + step.b : null, null);
            }
            case 4 -> switch (step.b % 6) {
                case 0 -> AddProof.photo(id, "before", "b" + step.b + ".jpg", SHA);
                case 1 -> AddProof.photo(id, "after", "a" + step.b + ".jpg", SHA);
                case 2 -> AddProof.photo(id, "other", "o.jpg", SHA);
                case 3 -> AddProof.approvalOverride(id, "customer approved on the phone " + step.b);
                case 4 -> AddProof.signature(id, "sig-" + step.b, SHA);
                default -> new AddProof(id, ProofKind.NOTE, "note", "note " + step.b, null);
            };
            case 5 -> new UsePart(id, "CAP-35UF", "85322990", 1 + step.b % 3, Money.inr(45_000), step.b % 2 == 0);
            case 6 -> new AddExpense(id, "parking", Money.inr(4_000), step.b % 2 == 0);
            case 7 -> switch (step.b % 6) {
                case 0 -> RecordPayment.upi(id, Money.inr(149_900 - step.b % 2), UTRS.get(step.b % UTRS.size()));
                case 1 -> RecordPayment.cash(id, Money.inr(149_900));
                case 2 -> new RecordPayment(id, PaymentMode.PENDING, Money.inr(149_900), null, LocalDate.of(2025, 6, 9));
                case 3 -> new RecordPayment(id, PaymentMode.WAIVED, Money.inr(0), null, null);
                case 4 -> new RecordPayment(id, PaymentMode.AMC, Money.inr(0), "AMC-1", null);
                default -> new RecordPayment(id, PaymentMode.INVOICE_REQUIRED, Money.inr(149_900), null, null);
            };
            default -> new RecordInvoiceHandoff(id, "INV-" + (step.b % 2), Money.inr(149_900), List.of());
        };
    }

    // ---- edits ------------------------------------------------------------------------------------------

    /** A copy of {@code event} with one thing changed: its time, its actor, or (mode 2, 3) its content. */
    private static JobEvent edit(JobEvent event, int mode) {
        EventHeader h = event.header();
        if (mode == 0) {
            return withHeader(event, new EventHeader(h.eventId(), h.stream(), h.version(),
                    h.occurredAt().plusNanos(1), h.actor(), h.previousHash()));
        }
        if (mode == 1) {
            Actor forged = new Actor(h.actor().id() + "x", h.actor().role(), h.actor().tenant(), h.actor().branch());
            return withHeader(event, new EventHeader(h.eventId(), h.stream(), h.version(), h.occurredAt(), forged,
                    h.previousHash()));
        }
        if (event instanceof JobEvent.PaymentRecorded e) {
            return new JobEvent.PaymentRecorded(h, e.mode(), e.amount().plus(Money.inr(mode)), e.reference(),
                    e.promisedOn(), e.approvedBy());
        } else if (event instanceof JobEvent.ProofAdded e) {
            return new JobEvent.ProofAdded(h, e.kind(), e.label(), e.reference() + mode, e.sha256());
        } else if (event instanceof JobEvent.StatusChanged e) {
            return new JobEvent.StatusChanged(h, e.status(), e.reason() + mode, e.evidence());
        }
        return edit(event, mode - 2);
    }

    private static JobEvent withHeader(JobEvent event, EventHeader h) {
        if (event instanceof JobEvent.JobCreated e) {
            return new JobEvent.JobCreated(h, e.branch(), e.customer(), e.site(), e.issue(), e.jobType(),
                    e.requiredSkills(), e.priority(), e.window(), e.slaDeadline(), e.estimatedMinutes(), e.quote(),
                    e.coverage(), e.preferredTechnician());
        } else if (event instanceof JobEvent.JobAssigned e) {
            return new JobEvent.JobAssigned(h, e.technician(), e.overrideReason());
        } else if (event instanceof JobEvent.JobUnassigned e) {
            return new JobEvent.JobUnassigned(h, e.technician(), e.reason());
        } else if (event instanceof JobEvent.StatusChanged e) {
            return new JobEvent.StatusChanged(h, e.status(), e.reason(), e.evidence());
        } else if (event instanceof JobEvent.ProofAdded e) {
            return new JobEvent.ProofAdded(h, e.kind(), e.label(), e.reference(), e.sha256());
        } else if (event instanceof JobEvent.PartUsed e) {
            return new JobEvent.PartUsed(h, e.sku(), e.hsn(), e.quantity(), e.unitPrice(), e.billable());
        } else if (event instanceof JobEvent.ExpenseAdded e) {
            return new JobEvent.ExpenseAdded(h, e.kind(), e.amount(), e.billable());
        } else if (event instanceof JobEvent.PaymentRecorded e) {
            return new JobEvent.PaymentRecorded(h, e.mode(), e.amount(), e.reference(), e.promisedOn(), e.approvedBy());
        }
        JobEvent.InvoiceHandedOff e = (JobEvent.InvoiceHandedOff) event;
        return new JobEvent.InvoiceHandedOff(h, e.invoiceNumber(), e.total(), e.partSkus());
    }
}
