package io.github.geodispatch.messaging;

import io.github.geodispatch.job.CommandResult;
import io.github.geodispatch.job.CustomerContact;
import io.github.geodispatch.job.JobCommand;
import io.github.geodispatch.job.JobCommand.AddProof;
import io.github.geodispatch.job.JobCommand.ChangeStatus;
import io.github.geodispatch.job.JobState;
import io.github.geodispatch.job.Rejection.Reason;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.DeliveryStatus;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.OutboundMessage;
import io.github.geodispatch.spi.ProofKind;
import io.github.geodispatch.spi.ProviderException;
import io.github.geodispatch.spi.StoredEvent;
import io.github.geodispatch.spi.StoredMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

import static io.github.geodispatch.messaging.Talk.ASHA;
import static io.github.geodispatch.messaging.Talk.RAVI;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer's one-time code: sent to the customer, kept only as a salted hash, accepted right and in time, a wrong
 * code recorded and counted, an expired one or one with its attempts used up refused; the technician cannot approve
 * on the customer's behalf.
 */
class OtpTest {
    private final Talk talk = new Talk().customer("C-hi", "+919845012345", "hi");
    private final JobId job = talk.job("J-1", "C-hi");
    private final Actor ravi = talk.tech(RAVI);

    private String issue() {
        OtpResult issued = talk.messaging.requestOtp(ravi, job);
        assertThat(issued.outcome()).isEqualTo(OtpResult.Outcome.ISSUED);
        List<OutboundMessage> codes = talk.sent(Template.APPROVAL_CODE);
        return codes.get(codes.size() - 1).parameters().get(0);
    }

    @Test
    void theRightCodeInTimeRecordsTheCustomersApprovalAndTheJobMayComplete() {
        talk.atWork(job);
        assertThat(talk.jobs.execute(ravi, ChangeStatus.completed(job)).isAccepted()).as("no approval yet").isFalse();
        OtpResult issued = talk.messaging.requestOtp(ravi, job);
        OutboundMessage sms = talk.one(Template.APPROVAL_CODE);
        String code = sms.parameters().get(0);
        assertThat(code).matches("\\d{6}");
        assertThat(sms.parameters().subList(1, 3)).containsExactly("J-1", "10");
        assertThat(sms.language()).isEqualTo("hi");
        assertThat(issued.expiresAt()).isEqualTo(talk.now.plus(Duration.ofMinutes(10)));
        assertThat(issued.attemptsLeft()).isEqualTo(3);

        talk.pass(Duration.ofMinutes(9));
        OtpResult verified = talk.messaging.verifyOtp(ravi, job, code);

        assertThat(verified.outcome()).isEqualTo(OtpResult.Outcome.APPROVED);
        JobEvent.OtpIssued otp = only(JobEvent.OtpIssued.class);
        assertThat(talk.jobs.job(talk.owner, job).orElseThrow().proofs()).filteredOn(p -> p.kind() == ProofKind.OTP)
                .singleElement().satisfies(p -> {
                    assertThat(p.reference()).isEqualTo("otp:" + otp.header().eventId());
                    assertThat(p.header().actor()).isEqualTo(ravi);
                });
        assertThat(talk.jobs.execute(ravi, ChangeStatus.completed(job)).isAccepted()).isTrue();
        assertThat(talk.messaging.verifyOtp(ravi, job, code).outcome()).as("entering it again").isEqualTo(OtpResult.Outcome.APPROVED);
    }

    @Test
    void aWrongCodeIsRecordedAndCountedAndTheAttemptsRunOut() {
        talk.atWork(job);
        String code = issue();
        String wrong = code.equals("000000") ? "111111" : "000000";

        OtpResult first = talk.messaging.verifyOtp(ravi, job, wrong);
        assertThat(first.outcome()).isEqualTo(OtpResult.Outcome.WRONG_CODE);
        assertThat(first.attemptsLeft()).isEqualTo(2);
        assertThat(talk.messaging.verifyOtp(ravi, job, wrong).attemptsLeft()).isEqualTo(1);
        assertThat(talk.messaging.verifyOtp(ravi, job, wrong).attemptsLeft()).isZero();
        long version = talk.jobs.job(talk.owner, job).orElseThrow().version();

        OtpResult exhausted = talk.messaging.verifyOtp(ravi, job, code);

        assertThat(exhausted.outcome()).as("even the right code").isEqualTo(OtpResult.Outcome.NO_ATTEMPTS_LEFT);
        assertThat(talk.jobs.job(talk.owner, job).orElseThrow().version()).as("a refusal stores nothing").isEqualTo(version);
        assertThat(talk.history(job)).filteredOn(JobEvent.OtpAttemptFailed.class::isInstance).hasSize(3);
        assertThat(talk.jobs.execute(ravi, ChangeStatus.completed(job)))
                .isInstanceOfSatisfying(CommandResult.Rejected.class, r -> assertThat(r.rejection().reason()).isEqualTo(Reason.PROOF_MISSING));
        assertThat(talk.messaging.verifyOtp(ravi, job, "12ab").outcome()).as("not a code").isEqualTo(OtpResult.Outcome.WRONG_CODE);
    }

    @Test
    void anExpiredCodeIsRefusedAndChangesNothing() {
        talk.atWork(job);
        String code = issue();
        talk.pass(Duration.ofMinutes(10).plusSeconds(1));
        long version = talk.jobs.job(talk.owner, job).orElseThrow().version();

        OtpResult late = talk.messaging.verifyOtp(ravi, job, code);

        assertThat(late.outcome()).isEqualTo(OtpResult.Outcome.EXPIRED);
        assertThat(talk.jobs.job(talk.owner, job).orElseThrow().version()).isEqualTo(version);
        assertThat(talk.jobs.execute(ravi, new JobCommand.VerifyOtp(job, code)))
                .isInstanceOfSatisfying(CommandResult.Rejected.class, r -> assertThat(r.rejection().reason()).isEqualTo(Reason.OTP_EXPIRED));
    }

    @Test
    void theSixthCodeIsRefusedAndNothingIsSentButTheSignatureStillApproves() {
        talk.atWork(job);
        for (int i = 0; i < JobCommand.IssueOtp.MAX_PER_JOB; i++) {
            issue();
        }
        long version = talk.jobs.job(talk.owner, job).orElseThrow().version();

        OtpResult sixth = talk.messaging.requestOtp(ravi, job);

        assertThat(JobCommand.IssueOtp.MAX_PER_JOB).isEqualTo(5);
        assertThat(sixth.outcome()).isEqualTo(OtpResult.Outcome.NO_CODES_LEFT);
        assertThat(sixth.succeeded()).isFalse();
        assertThat(sixth.message()).contains("5 one-time codes").contains("customer's signature")
                .contains("dispatcher or the owner").contains("approval override");
        assertThat(talk.sent(Template.APPROVAL_CODE)).as("nothing sent for the refused request").hasSize(5);
        talk.pass(Duration.ofHours(1));
        talk.messaging.sendDue();
        assertThat(talk.sent(Template.APPROVAL_CODE)).as("nor later").hasSize(5);
        assertThat(talk.jobs.job(talk.owner, job).orElseThrow().version()).as("a refusal stores nothing").isEqualTo(version);
        assertThat(talk.messaging.requestOtp(talk.dispatcher, job).outcome()).as("nor for the office")
                .isEqualTo(OtpResult.Outcome.NO_CODES_LEFT);
        assertThat(talk.messaging.verifyOtp(ravi, job, "123456").message()).as("the expired fifth code's advice")
                .contains("no new code may be sent").contains("customer's signature");

        talk.run(ravi, AddProof.signature(job, "sig.png", "c".repeat(64)));

        assertThat(talk.run(ravi, ChangeStatus.completed(job)).status()).isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void pastTheCodesADispatchersOverrideStillApprovesAndTheLastCodeKeepsItsAttempts() {
        talk.atWork(job);
        String last = null;
        for (int i = 0; i < JobCommand.IssueOtp.MAX_PER_JOB; i++) {
            last = issue();
        }
        assertThat(talk.messaging.requestOtp(ravi, job).outcome()).isEqualTo(OtpResult.Outcome.NO_CODES_LEFT);
        assertThat(talk.jobs.execute(talk.system, new JobCommand.IssueOtp(job, "0f".repeat(16), "1e".repeat(32),
                talk.now.plusSeconds(600), 3))).as("nor through the job record")
                .isInstanceOfSatisfying(CommandResult.Rejected.class, r -> assertThat(r.rejection().reason()).isEqualTo(Reason.OTP_CODES_EXHAUSTED));

        OtpResult wrong = talk.messaging.verifyOtp(ravi, job, last.equals("000000") ? "111111" : "000000");
        assertThat(wrong.outcome()).isEqualTo(OtpResult.Outcome.WRONG_CODE);
        assertThat(wrong.attemptsLeft()).isEqualTo(2);

        talk.run(talk.dispatcher, AddProof.approvalOverride(job, "the customer's phone ran out of codes; approved in person"));

        assertThat(talk.run(ravi, ChangeStatus.completed(job)).status()).isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void theCodesAJobWasSentSurviveARestartAndReplayingItsEventsCountsThemAgain() {
        talk.atWork(job);
        issue();
        issue();
        issue();
        talk.restart();
        issue();
        issue();
        talk.restart();

        OtpResult sixth = talk.messaging.requestOtp(ravi, job);

        assertThat(sixth.outcome()).isEqualTo(OtpResult.Outcome.NO_CODES_LEFT);
        assertThat(talk.sent(Template.APPROVAL_CODE)).hasSize(5);
        CustomerContact replayed = CustomerContact.NONE;
        for (JobEvent e : talk.history(job)) {
            if (e instanceof JobEvent.ContactEvent contact) {
                replayed = replayed.apply(contact);
            }
        }
        assertThat(replayed.otpsIssued()).isEqualTo(5);
        assertThat(replayed.otpsLeft()).isZero();
        assertThat(talk.jobs.job(talk.owner, job).orElseThrow().contact()).isEqualTo(replayed);
    }

    @Test
    void aNewCodeReplacesTheOldOneAndItsAttempts() {
        talk.atWork(job);
        String old = issue();
        talk.messaging.verifyOtp(ravi, job, old.equals("000000") ? "111111" : "000000");
        String fresh = issue();
        assertThat(fresh).isNotEqualTo(old);

        assertThat(talk.messaging.verifyOtp(ravi, job, old).outcome()).isEqualTo(OtpResult.Outcome.WRONG_CODE);
        OtpResult approved = talk.messaging.verifyOtp(ravi, job, fresh);
        assertThat(approved.outcome()).isEqualTo(OtpResult.Outcome.APPROVED);
        assertThat(approved.attemptsLeft()).isEqualTo(2);
    }

    @Test
    void theRightCodeInAnotherScriptOrWithSpacesApprovesAndAMalformedOneCostsNoAttempt() {
        talk.atWork(job);
        String code = issue();
        StringBuilder devanagari = new StringBuilder();
        code.chars().forEach(c -> devanagari.append((char) ('\u0966' + c - '0')));

        OtpResult malformed = talk.messaging.verifyOtp(ravi, job, "12\u096634x");
        OtpResult tooLong = talk.messaging.verifyOtp(ravi, job, "9".repeat(1_000_000));
        OtpResult approved = talk.messaging.verifyOtp(ravi, job, " " + devanagari.substring(0, 3) + "\u00a0"
                + devanagari.substring(3) + " ");

        assertThat(malformed.outcome()).isEqualTo(OtpResult.Outcome.WRONG_CODE);
        assertThat(tooLong.outcome()).isEqualTo(OtpResult.Outcome.WRONG_CODE);
        assertThat(approved.outcome()).isEqualTo(OtpResult.Outcome.APPROVED);
        assertThat(approved.attemptsLeft()).as("no attempt spent on what is not a code").isEqualTo(3);
        assertThat(talk.messaging.verifyOtp(ravi, job, code.substring(0, 3) + " " + code.substring(3)).outcome())
                .isEqualTo(OtpResult.Outcome.APPROVED);
        StringBuilder arabicIndic = new StringBuilder();
        code.chars().forEach(c -> arabicIndic.append((char) ('\u0660' + c - '0')));
        assertThat(talk.messaging.verifyOtp(ravi, job, arabicIndic.toString()).outcome()).isEqualTo(OtpResult.Outcome.APPROVED);
    }

    @Test
    void aMalformedCodeFromSomeoneNotOnTheJobSaysNothingAboutItsAttempts() {
        talk.atWork(job);
        issue();

        OtpResult result = talk.messaging.verifyOtp(talk.tech(ASHA), job, "12ab");

        assertThat(result.attemptsLeft()).isZero();
    }

    @Test
    void withNoCodeIssuedEnteringOneIsRefused() {
        talk.atWork(job);
        assertThat(talk.messaging.verifyOtp(ravi, job, "123456").outcome()).isEqualTo(OtpResult.Outcome.NOT_ISSUED);
    }

    @Test
    void thePlainCodeIsNeverStoredNeitherInTheJobsEventsNorInTheMessageStore() {
        talk.atWork(job);
        String code = issue();
        talk.messaging.verifyOtp(ravi, job, code.equals("000000") ? "111111" : "000000");
        talk.messaging.verifyOtp(ravi, job, code);

        List<StoredEvent> everything = talk.events.readAll(0, 10_000);
        assertThat(everything).isNotEmpty().allSatisfy(e -> assertThat(e.event().toString()).doesNotContain(code));
        JobEvent.OtpIssued otp = only(JobEvent.OtpIssued.class);
        assertThat(otp.codeHash()).isEqualTo(io.github.geodispatch.job.OtpCodes.hash(otp.salt(), code));
        String key = otp.header().eventId() + "/approval_code/customer:C-hi";
        StoredMessage stored = talk.messaging.message(key).orElseThrow();
        assertThat(stored.message().parameters()).containsExactly("******", "J-1", "10");
        assertThat(stored.message().text()).doesNotContain(code).contains("******");
        assertThat(stored.status()).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    void aTechnicianCannotRecordTheApprovalButADispatchersOverrideDoes() {
        talk.atWork(job);
        assertThat(talk.jobs.execute(ravi, new AddProof(job, ProofKind.OTP, "customer approval", "otp:4821", null)))
                .isInstanceOfSatisfying(CommandResult.Rejected.class,
                        r -> assertThat(r.rejection().reason()).isEqualTo(Reason.CUSTOMER_APPROVAL_REQUIRED));
        assertThat(talk.jobs.execute(ravi, new JobCommand.IssueOtp(job, "0f".repeat(16), "1e".repeat(32),
                talk.now.plusSeconds(600), 3))).as("nor plant a code it knows")
                .isInstanceOfSatisfying(CommandResult.Rejected.class, r -> assertThat(r.rejection().reason()).isEqualTo(Reason.ROLE_NOT_PERMITTED));

        talk.run(talk.dispatcher, AddProof.approvalOverride(job, "customer's phone is dead; approved in person"));

        JobState done = talk.run(ravi, ChangeStatus.completed(job));
        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(done.proofs()).filteredOn(p -> p.kind() == ProofKind.OTP).singleElement().satisfies(p -> {
            assertThat(p.header().actor()).isEqualTo(talk.dispatcher);
            assertThat(p.reference()).isEqualTo("override: customer's phone is dead; approved in person");
        });
    }

    @Test
    void onlyTheJobsPeopleMayAskForACodeAndOnlyOnceTheTechnicianHasArrived() {
        assertThat(talk.messaging.requestOtp(ravi, job).outcome()).as("not assigned to ravi yet").isEqualTo(OtpResult.Outcome.REFUSED);
        talk.run(talk.dispatcher, JobCommand.Assign.of(job, RAVI));
        OtpResult early = talk.messaging.requestOtp(ravi, job);
        assertThat(early.outcome()).isEqualTo(OtpResult.Outcome.REFUSED);
        assertThat(early.message()).contains("arrival");
        talk.run(ravi, ChangeStatus.enRoute(job));
        talk.run(ravi, ChangeStatus.arrived(job));

        assertThat(talk.messaging.requestOtp(talk.tech(ASHA), job).outcome()).isEqualTo(OtpResult.Outcome.REFUSED);
        assertThat(talk.messaging.requestOtp(Actor.accountant(Talk.TENANT, "acc"), job).outcome()).isEqualTo(OtpResult.Outcome.REFUSED);
        assertThat(talk.messaging.requestOtp(talk.dispatcher, job).outcome()).isEqualTo(OtpResult.Outcome.ISSUED);
    }

    @Test
    void aCodeThatCouldNotBeSentIsReportedAndNeverSentLater() {
        talk.atWork(job);
        talk.sender.failNext(ProviderException.transientFailure("502 from the gateway", null));

        OtpResult result = talk.messaging.requestOtp(ravi, job);

        assertThat(result.outcome()).isEqualTo(OtpResult.Outcome.REFUSED);
        assertThat(result.message()).contains("could not be sent").contains("502 from the gateway");
        talk.pass(Duration.ofMinutes(5));
        talk.messaging.sendDue();
        assertThat(talk.sent(Template.APPROVAL_CODE)).isEmpty();
        assertThat(talk.history(job)).filteredOn(JobEvent.MessageStatusChanged.class::isInstance)
                .extracting(e -> ((JobEvent.MessageStatusChanged) e).status()).contains(DeliveryStatus.FAILED);
    }

    @Test
    void aCustomerWithoutAPhoneGetsNoCode() {
        talk.customer("C-silent", null, "en");
        JobId silent = talk.job("J-2", "C-silent");
        talk.atWork(silent);

        OtpResult result = talk.messaging.requestOtp(ravi, silent);

        assertThat(result.outcome()).isEqualTo(OtpResult.Outcome.REFUSED);
        assertThat(talk.history(silent)).noneMatch(JobEvent.OtpIssued.class::isInstance);
    }

    private <T extends JobEvent> T only(Class<T> type) {
        List<T> found = talk.history(job).stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
