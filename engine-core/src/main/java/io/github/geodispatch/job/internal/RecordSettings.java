package io.github.geodispatch.job.internal;

import io.github.geodispatch.job.ArrivalVisits;
import io.github.geodispatch.job.ClosurePolicies;
import io.github.geodispatch.job.IdGenerator;
import io.github.geodispatch.job.PartPricing;
import io.github.geodispatch.job.RedeliveryPolicy;
import io.github.geodispatch.spi.JobEventStore;
import io.github.geodispatch.spi.Notifier;

import java.time.Duration;
import java.time.InstantSource;

/** What {@link io.github.geodispatch.job.JobRecord.Builder} hands the engine: every setting, defaults applied. */
public record RecordSettings(JobEventStore store, InstantSource clock, Notifier notifier, IdGenerator ids,
                             ClosurePolicies closurePolicies, int maxConflictRetries, RedeliveryPolicy redelivery,
                             ArrivalVisits arrivalVisits, PartPricing partPricing, Duration offlineReorderWindow, Duration offlineHorizon,
                             Duration deviceClockSkew) {
}
