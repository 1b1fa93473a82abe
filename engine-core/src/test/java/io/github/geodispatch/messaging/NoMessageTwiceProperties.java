package io.github.geodispatch.messaging;

import io.github.geodispatch.job.IdGenerator;
import io.github.geodispatch.job.JobCommand;
import io.github.geodispatch.job.JobCommand.ChangeStatus;
import io.github.geodispatch.job.JobEventListener;
import io.github.geodispatch.job.JobRecord;
import io.github.geodispatch.job.JobState;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.DeliveryStatus;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.OutboundMessage;
import io.github.geodispatch.spi.ProviderException;
import io.github.geodispatch.spi.StoredEvent;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TimeWindow;
import io.github.geodispatch.spi.VisitSlot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No message twice: under any sequence of job events on two jobs, interleaved with restarts, redelivered (duplicate)
 * event batches, a second engine instance hearing the same events, provider failures and the passing of time, each
 * message key reaches the provider at most once and is recorded SENT on its job at most once.
 */
class NoMessageTwiceProperties {

    enum Step {
        ASSIGN_RAVI, ASSIGN_ASHA, UNASSIGN, EN_ROUTE, PING, ARRIVE, RESCHEDULE_SAME, RESCHEDULE_OTHER, CANCEL, COMPLETE,
        RESTART, REPLAY_ALL, REPLAY_LAST, SECOND_INSTANCE, FAIL_NEXT_SEND, LATER_SEND_DUE
    }

    record Move(Step step, int job) {}

    @Provide
    Arbitrary<List<Move>> moves() {
        return Arbitraries.of(Step.class).flatMap(step -> Arbitraries.integers().between(0, 1).map(job -> new Move(step, job)))
                .list().ofMinSize(4).ofMaxSize(30);
    }

    @Property(tries = 100)
    void eachMessageKeyReachesTheProviderOnceAtMost(@ForAll("moves") List<Move> moves) {
        Talk talk = new Talk(p -> p.upiPayee("coolair@okaxis", "CoolAir"), b -> b)
                .customer("C-1", "+919845012345", "hi").customer("C-2", "+919845012346", "ta");
        List<StoredEvent> heard = new ArrayList<>();
        talk.jobs.subscribe(heard::addAll);
        List<JobId> jobs = List.of(talk.job("J-1", "C-1"), talk.job("J-2", "C-2"));
        List<StoredEvent> lastBatch = new ArrayList<>();
        int instances = 0;

        for (Move move : moves) {
            JobId job = jobs.get(move.job());
            TechnicianId technician = talk.jobs.job(talk.owner, job).map(JobState::technician).orElse(null);
            Actor tech = technician == null ? talk.dispatcher : talk.tech(technician);
            switch (move.step()) {
                case ASSIGN_RAVI -> talk.jobs.execute(talk.dispatcher, JobCommand.Assign.of(job, Talk.RAVI));
                case ASSIGN_ASHA -> talk.jobs.execute(talk.dispatcher, JobCommand.Assign.of(job, Talk.ASHA));
                case UNASSIGN -> talk.jobs.execute(talk.dispatcher, new JobCommand.Unassign(job, "re-plan"));
                case EN_ROUTE -> talk.jobs.execute(tech, ChangeStatus.enRoute(job));
                case PING -> {
                    if (technician != null) {
                        talk.pass(Duration.ofMinutes(2));
                        talk.messaging.eta().position(technician, talk.now.toEpochMilli(), Talk.SITE.lat() - 0.1, Talk.SITE.lng());
                    }
                }
                case ARRIVE -> talk.jobs.execute(tech, ChangeStatus.arrived(job));
                case RESCHEDULE_SAME, RESCHEDULE_OTHER -> {
                    TechnicianId to = move.step() == Step.RESCHEDULE_OTHER && Talk.RAVI.equals(technician) ? Talk.ASHA : Talk.RAVI;
                    TimeWindow tomorrow = new TimeWindow(talk.now.plus(Duration.ofDays(1)), talk.now.plus(Duration.ofDays(1).plusHours(2)));
                    talk.jobs.execute(talk.dispatcher, ChangeStatus.rescheduled(job, "customer away", new VisitSlot(to, tomorrow)));
                }
                case CANCEL -> talk.jobs.execute(talk.dispatcher, ChangeStatus.cancelled(job, "customer cancelled"));
                case COMPLETE -> {
                    talk.jobs.execute(tech, ChangeStatus.workStarted(job));
                    talk.jobs.execute(tech, JobCommand.AddProof.photo(job, "before", "b.jpg", "a".repeat(64)));
                    talk.jobs.execute(tech, JobCommand.AddProof.photo(job, "after", "a.jpg", "b".repeat(64)));
                    talk.jobs.execute(tech, JobCommand.AddProof.signature(job, "sig.png", "c".repeat(64)));
                    talk.jobs.execute(tech, ChangeStatus.completed(job));
                }
                case RESTART -> {
                    talk.restart();
                    talk.jobs.subscribe(heard::addAll);
                }
                case REPLAY_ALL -> ((JobEventListener) talk.messaging).onEvents(List.copyOf(heard));
                case REPLAY_LAST -> ((JobEventListener) talk.messaging).onEvents(List.copyOf(lastBatch));
                case SECOND_INSTANCE -> {
                    JobRecord record = talk.records().idGenerator(IdGenerator.sequential(900 + instances++)).build();
                    ((JobEventListener) talk.build(record)).onEvents(List.copyOf(heard));
                }
                case FAIL_NEXT_SEND -> talk.sender.failNext(ProviderException.transientFailure("gateway timeout", null));
                case LATER_SEND_DUE -> {
                    talk.pass(Duration.ofMinutes(20));
                    talk.messaging.sendDue();
                }
            }
            if (!heard.isEmpty()) {
                lastBatch = List.of(heard.get(heard.size() - 1));
            }
        }
        talk.pass(Duration.ofHours(1));
        talk.messaging.sendDue();

        Map<String, Integer> timesSent = new HashMap<>();
        Map<String, Integer> timesSaid = new HashMap<>();
        for (OutboundMessage m : talk.sender.sent()) {
            timesSent.merge(m.key(), 1, Integer::sum);
            timesSaid.merge(what(m), 1, Integer::sum);
        }
        assertThat(timesSent).allSatisfy((key, times) -> assertThat(times).as(key).isEqualTo(1));
        assertThat(timesSaid).allSatisfy((what, times) -> assertThat(times).as(what).isEqualTo(1));
        for (JobId job : jobs) {
            Map<String, Integer> recordedSent = new HashMap<>();
            for (JobEvent e : talk.history(job)) {
                if (e instanceof JobEvent.MessageStatusChanged s && s.status() == DeliveryStatus.SENT) {
                    recordedSent.merge(s.message(), 1, Integer::sum);
                }
            }
            assertThat(recordedSent).allSatisfy((key, times) -> assertThat(times).as(key).isEqualTo(1));
        }
    }

    /**
     * What a message says, whatever its key: the event that caused it (the key's first part: the event id, or the trip
     * for an ETA update), its template and recipient, and for an ETA update the time it gives. A key built some other
     * way for the same event would still say the same thing twice.
     */
    private static String what(OutboundMessage m) {
        String cause = m.key().substring(0, m.key().indexOf('/'));
        String eta = m.template().equals(Template.ETA_UPDATE.id()) ? " " + m.parameters() : "";
        return cause + " " + m.template() + " " + m.recipient().text() + eta;
    }
}
