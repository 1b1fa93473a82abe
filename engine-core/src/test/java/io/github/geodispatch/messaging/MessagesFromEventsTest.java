package io.github.geodispatch.messaging;

import io.github.geodispatch.job.JobCommand;
import io.github.geodispatch.job.JobCommand.Assign;
import io.github.geodispatch.job.JobCommand.ChangeStatus;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.DeliveryStatus;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.MessageChannel;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.OutboundMessage;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.TimeWindow;
import io.github.geodispatch.spi.VisitSlot;
import java.util.List;
import org.junit.jupiter.api.Test;

import static io.github.geodispatch.messaging.Talk.ASHA;
import static io.github.geodispatch.messaging.Talk.RAVI;
import static org.assertj.core.api.Assertions.assertThat;

/** For each job event kind, the messages that go out: template, recipient, language, channel, parameters, text. */
class MessagesFromEventsTest {
    private static final String WINDOW = "16/11 14:00–16:00";
    private static final TimeWindow TOMORROW = new TimeWindow(Talk.DAY.plusDays(1).atTime(10, 0).atZone(Talk.ZONE).toInstant(),
            Talk.DAY.plusDays(1).atTime(12, 0).atZone(Talk.ZONE).toInstant());
    private static final String NEW_WINDOW = "17/11 10:00–12:00";

    private final Talk talk = new Talk().customer("C-hi", "+919845012345", "hi").customer("C-kn", "+919845012346", "kn-IN");

    @Test
    void aCreatedJobConfirmsTheBookingInTheCustomersLanguageAndTheJobRecordsItSent() {
        JobId job = talk.job("J-1", "C-hi");

        OutboundMessage m = talk.one(Template.BOOKING_CONFIRMED);
        assertThat(m.recipient().text()).isEqualTo("customer:C-hi");
        assertThat(m.language()).isEqualTo("hi");
        assertThat(m.channel()).isEqualTo(MessageChannel.WHATSAPP);
        assertThat(m.address()).isEqualTo("+919845012345");
        assertThat(m.parameters()).containsExactly("J-1", "AC SERVICE", WINDOW);
        assertThat(m.text()).isEqualTo("आपकी बुकिंग J-1 (AC SERVICE) की पुष्टि हो गई है। विज़िट: " + WINDOW + "।");
        JobEvent created = talk.history(job).get(0);
        assertThat(m.key()).isEqualTo(created.header().eventId() + "/booking_confirmed/customer:C-hi");
        assertThat(talk.history(job)).filteredOn(JobEvent.MessageStatusChanged.class::isInstance)
                .singleElement().isInstanceOfSatisfying(JobEvent.MessageStatusChanged.class, s -> {
                    assertThat(s.message()).isEqualTo(m.key());
                    assertThat(s.status()).isEqualTo(DeliveryStatus.SENT);
                    assertThat(s.providerReference()).isEqualTo("wamid.1");
                    assertThat(s.recipient()).isEqualTo("customer:C-hi");
                });
    }

    @Test
    void anAssignmentTellsTheCustomerWhoComesAndGivesTheTechnicianTheJobInTheirLanguage() {
        JobId job = talk.job("J-1", "C-kn");
        talk.run(talk.dispatcher, Assign.of(job, RAVI));

        OutboundMessage customer = talk.one(Template.TECHNICIAN_ASSIGNED);
        assertThat(customer.language()).isEqualTo("kn");
        assertThat(customer.parameters()).containsExactly("J-1", "Ravi Kumar", WINDOW);
        OutboundMessage technician = talk.one(Template.TECH_JOB_ASSIGNED);
        assertThat(technician.recipient().text()).isEqualTo("technician:ravi");
        assertThat(technician.address()).isEqualTo("+919845000001");
        assertThat(technician.language()).isEqualTo("kn");
        assertThat(technician.parameters()).containsExactly("J-1", "AC SERVICE", "100 Feet Rd, Indiranagar", WINDOW);
        assertThat(talk.sent(Template.TECH_JOB_TAKEN_OFF)).isEmpty();
    }

    @Test
    void aReassignedTechnicianIsToldTheJobWasTakenOffThem() {
        JobId job = talk.job("J-1", "C-hi");
        talk.run(talk.dispatcher, Assign.of(job, RAVI));
        talk.run(talk.dispatcher, new Assign(job, ASHA, "Ravi's bike broke down"));

        OutboundMessage takenOff = talk.one(Template.TECH_JOB_TAKEN_OFF);
        assertThat(takenOff.recipient().text()).isEqualTo("technician:ravi");
        assertThat(takenOff.parameters()).containsExactly("J-1", "ಬೇರೆ ತಂತ್ರಜ್ಞರಿಗೆ ನೀಡಲಾಗಿದೆ");
        assertThat(talk.sent(Template.TECH_JOB_ASSIGNED)).extracting(m -> m.recipient().id(), OutboundMessage::language)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ravi", "kn"), org.assertj.core.groups.Tuple.tuple("asha", "ta"));
        assertThat(talk.sent(Template.TECHNICIAN_ASSIGNED)).extracting(m -> m.parameters().get(1))
                .containsExactly("Ravi Kumar", "Asha N");
    }

    @Test
    void anUnassignedTechnicianIsToldWhy() {
        JobId job = talk.job("J-1", "C-hi");
        talk.run(talk.dispatcher, Assign.of(job, RAVI));
        talk.run(talk.dispatcher, new JobCommand.Unassign(job, "customer asked for tomorrow"));

        assertThat(talk.one(Template.TECH_JOB_TAKEN_OFF).parameters()).containsExactly("J-1", "customer asked for tomorrow");
    }

    @Test
    void onTheWayCarriesTheEtaFromTheTechniciansLastPositionThenArrivalIsAnnounced() {
        JobId job = talk.job("J-1", "C-hi");
        talk.run(talk.dispatcher, Assign.of(job, RAVI));
        talk.messaging.eta().position(RAVI, talk.now.toEpochMilli(), 12.93, 77.62);
        talk.run(talk.tech(RAVI), ChangeStatus.enRoute(job));

        OutboundMessage onTheWay = talk.one(Template.ON_THE_WAY);
        assertThat(onTheWay.parameters()).containsExactly("J-1", "Ravi Kumar", "10:25");
        assertThat(onTheWay.text()).isEqualTo("Ravi Kumar बुकिंग J-1 के लिए रास्ते में हैं। पहुँचने का अनुमानित समय: 10:25।");

        talk.run(talk.tech(RAVI), ChangeStatus.arrived(job));
        assertThat(talk.one(Template.ARRIVED).parameters()).containsExactly("J-1", "Ravi Kumar");
    }

    @Test
    void withNoPositionYetTheEtaIsSaidToBeShortly() {
        JobId job = talk.job("J-1", "C-kn");
        talk.run(talk.dispatcher, Assign.of(job, RAVI));
        talk.run(talk.tech(RAVI), ChangeStatus.enRoute(job));

        assertThat(talk.one(Template.ON_THE_WAY).parameters()).containsExactly("J-1", "Ravi Kumar", "ಶೀಘ್ರದಲ್ಲೇ");
    }

    @Test
    void workStartedOnHoldAndDelayedSendNothing() {
        JobId job = talk.job("J-1", "C-hi");
        talk.atWork(job);
        int before = talk.sender.sent().size();
        talk.run(talk.tech(RAVI), ChangeStatus.onHold(job, "waiting for the part"));
        talk.run(talk.tech(RAVI), ChangeStatus.workStarted(job));

        assertThat(talk.sender.sent()).hasSize(before);
    }

    @Test
    void completionStatesTheAmountWithAUpiLinkAndTheFeedbackLinkAndRecordsTheRequest() {
        Talk upi = new Talk(p -> p.upiPayee("coolair@okaxis", "Cool Air"), b -> b).customer("C-en", "+919845012347", "en");
        JobId job = upi.job("J-7", "C-en");
        upi.completed(job);

        OutboundMessage done = upi.one(Template.JOB_COMPLETED);
        String link = "upi://pay?pa=coolair@okaxis&pn=Cool%20Air&am=1499.00&cu=INR&tr=J-7&tn=Job%20J-7";
        assertThat(done.parameters()).containsExactly("J-7", "₹1499.00", link, upi.messaging.feedbackLink(job));
        assertThat(done.parameters().get(3)).startsWith(Talk.FEEDBACK + "?job=J-7&t=");
        assertThat(done.text()).startsWith("Booking J-7 is complete. Amount due: ₹1499.00. To pay: upi://");
        assertThat(upi.history(job)).filteredOn(JobEvent.PaymentRequested.class::isInstance).singleElement()
                .isInstanceOfSatisfying(JobEvent.PaymentRequested.class, r -> {
                    assertThat(r.mode()).isEqualTo(PaymentMode.UPI);
                    assertThat(r.amount()).isEqualTo(Money.inr(149_900));
                    assertThat(r.reference()).isEqualTo("J-7");
                    assertThat(r.link()).isEqualTo(link);
                });
    }

    @Test
    void withoutAPayeeTheCustomerIsAskedToPayTheTechnician() {
        JobId job = talk.job("J-1", "C-kn");
        talk.completed(job);

        assertThat(talk.one(Template.JOB_COMPLETED).parameters().subList(0, 3))
                .containsExactly("J-1", "₹1499.00", "ದಯವಿಟ್ಟು ತಂತ್ರಜ್ಞರಿಗೆ ಪಾವತಿಸಿ");
    }

    @Test
    void aJobTheContractCoversHasNothingToPay() {
        JobId job = talk.amcJob("J-amc", "C-hi");
        talk.completed(job);

        assertThat(talk.one(Template.JOB_COMPLETED).parameters().subList(0, 3))
                .containsExactly("J-amc", "₹0.00", "कुछ भी देय नहीं");
        assertThat(talk.one(Template.BOOKING_CONFIRMED).parameters().get(2)).as("no window")
                .isEqualTo("समय तय करने के लिए हम आपको कॉल करेंगे");
        assertThat(talk.history(job)).noneMatch(JobEvent.PaymentRequested.class::isInstance);
    }

    @Test
    void aKenyanCompletionPushesAnMpesaPromptForWholeShillingsAndSaysSoInSwahili() {
        Talk kenya = new Talk(Currency.KES, p -> p, b -> b.paymentRequests(kenyaPrompts()));
        kenya.customer("C-sw", "+254712345678", "sw");
        JobId job = kenya.job("J-ke", "C-sw", Money.kes(250_050));
        kenya.completed(job);

        OutboundMessage done = kenya.one(Template.JOB_COMPLETED);
        assertThat(done.language()).isEqualTo("sw");
        assertThat(done.parameters().subList(0, 3)).containsExactly("J-ke", "KSh 2500.50",
                "idhinisha ombi la M-Pesa kwenye simu yako");
        assertThat(prompted).singleElement().satisfies(p -> {
            assertThat(p.amount()).as("whole shillings, rounded up").isEqualTo(Money.kes(250_100));
            assertThat(p.payerPhone()).isEqualTo("+254712345678");
            assertThat(p.accountReference()).isEqualTo("J-ke");
        });
        assertThat(kenya.history(job)).filteredOn(JobEvent.PaymentRequested.class::isInstance).singleElement()
                .isInstanceOfSatisfying(JobEvent.PaymentRequested.class, r -> {
                    assertThat(r.mode()).isEqualTo(PaymentMode.MPESA);
                    assertThat(r.reference()).isEqualTo("ws_CO_1");
                    assertThat(r.payer()).isEqualTo("+254712345678");
                });
    }

    private final List<io.github.geodispatch.spi.PaymentRequest> prompted = new java.util.ArrayList<>();

    private io.github.geodispatch.spi.PaymentRequests kenyaPrompts() {
        return request -> {
            prompted.add(request);
            return new io.github.geodispatch.spi.PaymentRequestReceipt("ws_CO_" + prompted.size(), "accepted");
        };
    }

    @Test
    void withBillingOnThePaymentMessageWaitsForTheInvoiceAndStatesItsTotal() {
        Talk billed = new Talk(p -> p, b -> b.paymentMessageAfterInvoice(true)).customer("C-en", "+919845012347", "en");
        JobId job = billed.job("J-9", "C-en");
        billed.completed(job);
        assertThat(billed.sent(Template.JOB_COMPLETED)).isEmpty();

        billed.run(billed.system, new JobCommand.RecordInvoiceHandoff(job, "INV/26-27/0009", Money.inr(176_882), List.of()));

        assertThat(billed.one(Template.JOB_COMPLETED).parameters().get(1)).isEqualTo("₹1768.82");
    }

    @Test
    void withBillingOnAJobTheContractCoversAllIsToldOnCompletionForNoInvoiceComes() {
        Talk billed = new Talk(p -> p, b -> b.paymentMessageAfterInvoice(true)).customer("C-en", "+919845012347", "en");
        JobId job = billed.amcJob("J-amc", "C-en");
        billed.completed(job);

        assertThat(billed.one(Template.JOB_COMPLETED).parameters().subList(0, 3))
                .containsExactly("J-amc", "₹0.00", "nothing to pay");
    }

    @Test
    void reschedulingTellsTheCustomerAndTheTechnician() {
        JobId job = talk.job("J-1", "C-hi");
        talk.run(talk.dispatcher, Assign.of(job, RAVI));
        talk.run(talk.dispatcher, ChangeStatus.rescheduled(job, "customer travelling"));

        assertThat(talk.one(Template.RESCHEDULED).parameters())
                .containsExactly("J-1", "customer travelling", "समय तय करने के लिए हम आपको कॉल करेंगे");
        OutboundMessage technician = talk.one(Template.TECH_JOB_RESCHEDULED);
        assertThat(technician.recipient().id()).isEqualTo("ravi");
        assertThat(technician.parameters()).containsExactly("J-1", "customer travelling",
                "ಸಮಯ ನಿಗದಿಪಡಿಸಲು ನಾವು ನಿಮಗೆ ಕರೆ ಮಾಡುತ್ತೇವೆ");
    }

    @Test
    void aRescheduleToANewSlotTellsTheCustomerAndTheTechnicianTheNewWindow() {
        JobId job = talk.job("J-1", "C-hi");
        talk.run(talk.dispatcher, Assign.of(job, RAVI));
        talk.run(talk.dispatcher, ChangeStatus.rescheduled(job, "customer travelling", new VisitSlot(RAVI, TOMORROW)));

        assertThat(talk.one(Template.RESCHEDULED).parameters()).containsExactly("J-1", "customer travelling", NEW_WINDOW);
        OutboundMessage technician = talk.one(Template.TECH_JOB_RESCHEDULED);
        assertThat(technician.recipient().id()).isEqualTo("ravi");
        assertThat(technician.parameters()).containsExactly("J-1", "customer travelling", NEW_WINDOW);
        assertThat(talk.sent(Template.TECH_JOB_TAKEN_OFF)).isEmpty();
    }

    @Test
    void aRescheduleToAnotherTechnicianTellsTheCustomerAndBothTechnicians() {
        JobId job = talk.job("J-1", "C-hi");
        talk.run(talk.dispatcher, Assign.of(job, RAVI));
        talk.run(talk.dispatcher, ChangeStatus.rescheduled(job, "customer travelling", new VisitSlot(ASHA, TOMORROW)));

        assertThat(talk.one(Template.RESCHEDULED).parameters()).containsExactly("J-1", "customer travelling", NEW_WINDOW);
        OutboundMessage takenOff = talk.one(Template.TECH_JOB_TAKEN_OFF);
        assertThat(takenOff.recipient().id()).isEqualTo("ravi");
        assertThat(takenOff.parameters()).containsExactly("J-1", "customer travelling");
        OutboundMessage given = talk.sent(Template.TECH_JOB_ASSIGNED).get(1);
        assertThat(given.recipient().id()).isEqualTo("asha");
        assertThat(given.language()).isEqualTo("ta");
        assertThat(given.parameters()).containsExactly("J-1", "AC SERVICE", "100 Feet Rd, Indiranagar", NEW_WINDOW);
        assertThat(talk.sent(Template.TECH_JOB_RESCHEDULED)).isEmpty();
    }

    @Test
    void aCancellationTellsTheCustomerAndTheTechnician() {
        JobId job = talk.job("J-1", "C-hi");
        talk.run(talk.dispatcher, Assign.of(job, RAVI));
        talk.run(talk.dispatcher, ChangeStatus.cancelled(job, "duplicate booking"));

        assertThat(talk.one(Template.CANCELLED).parameters()).containsExactly("J-1", "duplicate booking");
        assertThat(talk.one(Template.TECH_JOB_CANCELLED).parameters()).containsExactly("J-1", "duplicate booking");
        assertThat(talk.one(Template.TECH_JOB_CANCELLED).text()).endsWith("ಸ್ಥಳಕ್ಕೆ ಹೋಗಬೇಡಿ.");
    }

    @Test
    void aCustomerWithNoPhoneOrEmailGetsAFailedMessageOnTheJobSayingWhy() {
        talk.customer("C-silent", null, "en");
        JobId job = talk.job("J-1", "C-silent");

        assertThat(talk.sender.sent()).isEmpty();
        assertThat(talk.history(job)).filteredOn(JobEvent.MessageStatusChanged.class::isInstance).singleElement()
                .isInstanceOfSatisfying(JobEvent.MessageStatusChanged.class, s -> {
                    assertThat(s.status()).isEqualTo(DeliveryStatus.FAILED);
                    assertThat(s.detail()).contains("no phone number, e-mail address or app to reach customer:C-silent");
                });
    }

    @Test
    void aTechnicianWithoutAContactIsToldInTheAppInEnglish() {
        Talk app = new Talk().customer("C-hi", "+919845012345", "hi");
        JobId job = app.job("J-1", "C-hi");
        app.run(app.dispatcher, Assign.of(job, io.github.geodispatch.spi.TechnicianId.of("gopal")));

        assertThat(app.notified).containsExactly("gopal: New job J-1: AC SERVICE at 100 Feet Rd, Indiranagar. Visit: " + WINDOW + ".");
        assertThat(app.history(job)).filteredOn(JobEvent.MessageStatusChanged.class::isInstance)
                .extracting(e -> ((JobEvent.MessageStatusChanged) e).providerReference())
                .anySatisfy(ref -> assertThat(ref).startsWith("app:"));
    }
}
