package io.github.geodispatch.internal;
import io.github.geodispatch.billing.PriceBasis;
import io.github.geodispatch.billing.SellerProfile;
import io.github.geodispatch.billing.TaxRegime;
import io.github.geodispatch.contract.ReminderSender;
import io.github.geodispatch.dispatch.ScoringWeights;
import io.github.geodispatch.dispatch.TeamCalendar;
import io.github.geodispatch.dispatch.plan.PlanTermination;
import io.github.geodispatch.geofence.GeofenceListener;
import io.github.geodispatch.geofence.SuspectVisitPolicy;
import io.github.geodispatch.job.ClosurePolicies;
import io.github.geodispatch.job.IdGenerator;
import io.github.geodispatch.job.RedeliveryPolicy;
import io.github.geodispatch.leakage.LeakagePolicy;
import io.github.geodispatch.spi.AccountsHandoff;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.CustomerEventStore;
import io.github.geodispatch.spi.InvoiceSequence;
import io.github.geodispatch.spi.JobEventStore;
import io.github.geodispatch.spi.Notifier;
import io.github.geodispatch.spi.StockEventStore;
import io.github.geodispatch.spi.TenantId;
import io.github.geodispatch.spi.TravelTimes;
import io.github.geodispatch.stock.UsualParts;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.List;

/**
 * A front door's settings with every default applied, handed from {@code GeoDispatch.Builder} to
 * {@link WiredGeoDispatch}. {@code seller} and {@code priceBasis} are null when billing is off, {@code messaging}
 * when messaging is off, {@code reminders} when they go through messaging; {@code calendar} is null when the board
 * is today's only. Immutable.
 */
public record GeoDispatchSettings(TenantId tenant, Currency currency, ZoneId zone, JobEventStore eventStore,
        TravelTimes travelTimes, Notifier notifier, AccountsHandoff accountsHandoff, InvoiceSequence invoiceSequence,
        InstantSource clock, IdGenerator idGenerator, ClosurePolicies closurePolicies, LeakagePolicy leakagePolicy,
        ScoringWeights scoringWeights, PlanTermination planTermination, long planSeed, Duration arrivalGrace,
        SellerProfile seller, TaxRegime taxRegime, PriceBasis priceBasis, List<GeofenceListener> geofenceListeners,
        CustomerEventStore customerStore, ReminderSender reminders, MessagingWiring messaging,
        SuspectVisitPolicy suspectVisits, RedeliveryPolicy redelivery, Duration offlineReorderWindow,
        TeamCalendar calendar, int horizonDays, StockEventStore stockStore, UsualParts usualParts) {
    public GeoDispatchSettings {
        geofenceListeners = List.copyOf(geofenceListeners);
    }
}
