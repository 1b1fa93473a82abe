package io.github.geodispatch.messaging;

import io.github.geodispatch.job.CommandResult;
import io.github.geodispatch.job.JobCommand;
import io.github.geodispatch.job.Rejection.Reason;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import java.net.URI;
import org.junit.jupiter.api.Test;

import static io.github.geodispatch.messaging.Talk.RAVI;
import static org.assertj.core.api.Assertions.assertThat;

/** The customer's rating from the completion message's link: signed per job, recorded once, never by the technician. */
class FeedbackTest {
    private final Talk talk = new Talk().customer("C-1", "+919845012345", "en");
    private final JobId job = talk.job("J-1", "C-1");

    private String token(JobId of) {
        String query = URI.create(talk.messaging.feedbackLink(of)).getQuery();
        return query.substring(query.indexOf("t=") + 2);
    }

    private Reason rejection(CommandResult result) {
        return ((CommandResult.Rejected) result).rejection().reason();
    }

    @Test
    void theLinksTokenRecordsTheRatingOnceAndTheSameAgainChangesNothing() {
        talk.completed(job);

        CommandResult rated = talk.messaging.feedback(job, token(job), 4, "  on time, clean work ");
        CommandResult again = talk.messaging.feedback(job, token(job), 4, "on time, clean work");

        assertThat(rated.isAccepted()).isTrue();
        assertThat(((CommandResult.Accepted) again).events()).isEmpty();
        assertThat(talk.history(job)).filteredOn(JobEvent.FeedbackRecorded.class::isInstance).singleElement()
                .isInstanceOfSatisfying(JobEvent.FeedbackRecorded.class, f -> {
                    assertThat(f.rating()).isEqualTo(4);
                    assertThat(f.comment()).isEqualTo("on time, clean work");
                });
        assertThat(rejection(talk.messaging.feedback(job, token(job), 1, "changed my mind")))
                .isEqualTo(Reason.FEEDBACK_ALREADY_RECORDED);
    }

    @Test
    void aTokenNotTheJobsOrARatingOutOfRangeIsRefusedWithNothingRecorded() {
        talk.completed(job);
        JobId other = talk.job("J-2", "C-1");
        long version = talk.jobs.job(talk.owner, job).orElseThrow().version();

        assertThat(rejection(talk.messaging.feedback(job, token(other), 5, ""))).isEqualTo(Reason.INVALID_INPUT);
        assertThat(rejection(talk.messaging.feedback(job, "forged", 5, ""))).isEqualTo(Reason.INVALID_INPUT);
        assertThat(rejection(talk.messaging.feedback(job, token(job), 6, ""))).isEqualTo(Reason.INVALID_INPUT);
        assertThat(rejection(talk.messaging.feedback(job, token(job), 0, ""))).isEqualTo(Reason.INVALID_INPUT);
        assertThat(talk.jobs.job(talk.owner, job).orElseThrow().version()).isEqualTo(version);
    }

    @Test
    void feedbackComesOnceTheJobIsCompletedAndNeverFromTheTechnician() {
        assertThat(rejection(talk.messaging.feedback(job, token(job), 5, ""))).isEqualTo(Reason.NOT_COMPLETED);
        talk.completed(job);
        assertThat(rejection(talk.jobs.execute(talk.tech(RAVI), new JobCommand.RecordFeedback(job, 5, "great tech"))))
                .isEqualTo(Reason.ROLE_NOT_PERMITTED);
        assertThat(talk.jobs.execute(talk.dispatcher, new JobCommand.RecordFeedback(job, 3, "called the office")).isAccepted())
                .as("a dispatcher takes it over the phone").isTrue();
    }
}
