package io.github.geodispatch.messaging.internal;

import io.github.geodispatch.contract.ContractPortfolio;
import io.github.geodispatch.job.JobRecord;
import io.github.geodispatch.messaging.ContactBook;
import io.github.geodispatch.messaging.MessagingPolicy;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.MessageSender;
import io.github.geodispatch.spi.MessageStore;
import io.github.geodispatch.spi.Notifier;
import io.github.geodispatch.spi.PaymentRequests;
import io.github.geodispatch.spi.StatementCredit;
import io.github.geodispatch.spi.TenantId;
import io.github.geodispatch.spi.TravelTimes;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * What {@code Messaging.Builder} hands the engine, with every default applied; {@code paymentRequests} is null when
 * payment prompts are off and {@code contracts} when the engine knows no contracts. Immutable.
 */
public record MessagingSetup(TenantId tenant, Currency currency, ZoneId zone, JobRecord jobs, ContactBook contacts,
                             MessagingPolicy policy, MessageStore store, MessageSender sender, Notifier notifier,
                             PaymentRequests paymentRequests, Consumer<StatementCredit> paymentCredits,
                             ContractPortfolio contracts, TravelTimes travelTimes, InstantSource clock,
                             RandomGenerator codes, boolean paymentMessageAfterInvoice) {
}
