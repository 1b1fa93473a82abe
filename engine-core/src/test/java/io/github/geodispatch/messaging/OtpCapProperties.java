package io.github.geodispatch.messaging;

import io.github.geodispatch.job.JobCommand;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.OutboundMessage;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static io.github.geodispatch.messaging.Talk.RAVI;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No unlimited guessing: under any sequence of code requests (by the technician or a dispatcher), codes entered right,
 * wrong, malformed or after they expired, and restarts, a job is sent at most {@link JobCommand.IssueOtp#MAX_PER_JOB}
 * codes and records at most that many times the attempts per code of wrong guesses.
 */
class OtpCapProperties {

    enum Step { REQUEST, REQUEST_BY_DISPATCHER, RIGHT, WRONG, MALFORMED, EXPIRED, RESTART }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Arbitraries.of(Step.class).list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 100)
    void codesSentAndWrongGuessesStayWithinTheCap(@ForAll("steps") List<Step> steps,
                                                  @ForAll @IntRange(min = 1, max = 10) int attempts) {
        Talk talk = new Talk(p -> p.otp(Duration.ofMinutes(10), attempts), b -> b).customer("C-1", "+919845012345", "hi");
        JobId job = talk.job("J-1", "C-1");
        talk.atWork(job);
        Actor ravi = talk.tech(RAVI);
        int issued = 0;
        for (Step step : steps) {
            switch (step) {
                case REQUEST, REQUEST_BY_DISPATCHER -> {
                    OtpResult result = talk.messaging.requestOtp(step == Step.REQUEST ? ravi : talk.dispatcher, job);
                    assertThat(result.outcome()).isIn(OtpResult.Outcome.ISSUED, OtpResult.Outcome.NO_CODES_LEFT);
                    issued += result.outcome() == OtpResult.Outcome.ISSUED ? 1 : 0;
                }
                case RIGHT -> talk.messaging.verifyOtp(ravi, job, lastCode(talk));
                case WRONG -> talk.messaging.verifyOtp(ravi, job, wrong(lastCode(talk)));
                case MALFORMED -> talk.messaging.verifyOtp(ravi, job, "12ab");
                case EXPIRED -> {
                    talk.pass(Duration.ofMinutes(10).plusSeconds(1));
                    talk.messaging.verifyOtp(ravi, job, lastCode(talk));
                }
                case RESTART -> talk.restart();
            }
            List<JobEvent> history = talk.history(job);
            assertThat(talk.sent(Template.APPROVAL_CODE)).hasSize(issued).hasSizeLessThanOrEqualTo(JobCommand.IssueOtp.MAX_PER_JOB);
            assertThat(history).filteredOn(JobEvent.OtpIssued.class::isInstance).hasSize(issued);
            assertThat(talk.jobs.job(talk.owner, job).orElseThrow().contact().otpsIssued()).isEqualTo(issued);
            assertThat(history).filteredOn(JobEvent.OtpAttemptFailed.class::isInstance)
                    .hasSizeLessThanOrEqualTo(JobCommand.IssueOtp.MAX_PER_JOB * attempts);
        }
    }

    /** The code the customer received last, or a made-up one when none was sent yet. */
    private static String lastCode(Talk talk) {
        List<OutboundMessage> codes = talk.sent(Template.APPROVAL_CODE);
        return codes.isEmpty() ? "123456" : codes.get(codes.size() - 1).parameters().get(0);
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }
}
