package io.github.geodispatch.messaging;

import io.github.geodispatch.contract.AmcBusiness;
import io.github.geodispatch.contract.Reminder;
import io.github.geodispatch.contract.ReminderSender;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.memory.InMemoryMessageSender;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.MessageChannel;
import io.github.geodispatch.spi.OutboundMessage;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

import static io.github.geodispatch.contract.AmcBusiness.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract messages through the front door with messaging on: a preventive visit scheduled as a job tells the
 * customer its AMC visit is due (not a plain booking), and the renewal and warranty reminders go as templates, once
 * per stage, in the customer's language (Kannada here).
 */
class ContractMessagesTest {
    private static final LocalDate START = LocalDate.of(2026, 1, 1);
    private static final LocalDate END = LocalDate.of(2026, 12, 31);
    private final InMemoryMessageSender sender = new InMemoryMessageSender();
    private final AmcBusiness business = new AmcBusiness(b -> b.messageSender(sender).messaging(MessagingPolicy.builder()
            .feedbackLinks("https://coolair.example/rate", "a secret of sixteen bytes or more".getBytes(StandardCharsets.UTF_8))
            .build()))
            .customer("C1", "S-1").contract("C1", "AMC-1", plan(4, 1), START, END, "S-1")
            .equipment("C1", "EQ-1", "S-1", END);

    private List<OutboundMessage> sent(Template template) {
        return sender.sent().stream().filter(m -> m.template().equals(template.id())).toList();
    }

    @Test
    void aScheduledPreventiveVisitTellsTheCustomerItsAmcVisitIsDue() {
        List<JobId> visits = business.on(START).gd.contracts().scheduleVisits(business.owner, START);

        assertThat(visits).isNotEmpty();
        assertThat(sent(Template.BOOKING_CONFIRMED)).isEmpty();
        OutboundMessage due = sent(Template.AMC_VISIT_DUE).get(0);
        assertThat(due.recipient().text()).isEqualTo("customer:C1");
        assertThat(due.language()).isEqualTo("kn");
        assertThat(due.channel()).isEqualTo(MessageChannel.WHATSAPP);
        assertThat(due.parameters()).hasSize(3);
        assertThat(due.parameters().subList(0, 2)).containsExactly(visits.get(0).value(), "AC PM");
        assertThat(sent(Template.AMC_VISIT_DUE)).hasSameSizeAs(visits);
    }

    @Test
    void renewalAndWarrantyRemindersGoAsTemplatesOncePerStage() {
        business.gd.contracts().sendReminders(END.minusDays(20));
        business.gd.contracts().sendReminders(END.minusDays(20));

        OutboundMessage renewal = sent(Template.RENEWAL_DUE).get(0);
        assertThat(sent(Template.RENEWAL_DUE)).hasSize(1);
        assertThat(renewal.key()).isEqualTo("reminder/renewal:AMC-1:30");
        assertThat(renewal.language()).isEqualTo("kn");
        assertThat(renewal.parameters()).hasSize(3).first().isEqualTo("AMC-1");
        OutboundMessage warranty = sent(Template.WARRANTY_EXPIRING).get(0);
        assertThat(sent(Template.WARRANTY_EXPIRING)).hasSize(1);
        assertThat(warranty.parameters()).hasSize(2).first().isEqualTo("Daikin FTKF50");
        assertThat(business.notified).as("reminders go through messaging, not the notifier").isEmpty();

        business.gd.contracts().sendReminders(END.minusDays(10));
        assertThat(sent(Template.RENEWAL_DUE)).extracting(OutboundMessage::key)
                .containsExactly("reminder/renewal:AMC-1:30", "reminder/renewal:AMC-1:15");
    }

    @Test
    void aReminderWhoseKeyNamesNoContractOrEquipmentWithAWarrantyIsRefusedNamingIt() {
        business.equipment("C1", "EQ-2", "S-1", null);
        ReminderSender reminders = business.gd.messaging().reminders();
        CustomerId c1 = CustomerId.of("C1");

        for (Reminder bad : List.of(new Reminder("renewal", Reminder.Kind.RENEWAL, c1, "s", "b"),
                new Reminder("warranty:C1", Reminder.Kind.WARRANTY, c1, "s", "b"),
                new Reminder("renewal:AMC-404:30", Reminder.Kind.RENEWAL, c1, "s", "b"),
                new Reminder("warranty:C1:EQ-2:30", Reminder.Kind.WARRANTY, c1, "s", "b"))) {
            assertThatThrownBy(() -> reminders.send(bad)).as(bad.key()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("reminder " + bad.key());
        }
        assertThat(sender.sent()).isEmpty();
    }
}
