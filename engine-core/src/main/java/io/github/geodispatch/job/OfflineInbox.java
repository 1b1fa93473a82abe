package io.github.geodispatch.job;

import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.JobId;

import java.util.List;
import java.util.Optional;

/**
 * Commands from a technician's phone that was offline ({@link JobRecord#offline()}). Each carries the phone's
 * time and an idempotency key. A command is held for the reorder window (default 30 s) after it arrives, so that
 * the commands a phone uploads out of order (a retried request, parallel uploads) are applied in device-time
 * order: when a job's held command falls due, it and every held command of that job with an earlier device time
 * are decided and appended in device-time order, each where the state machine allows it (a command the job's
 * state no longer allows is rejected, as it would be online). A command arriving after a later one of its job
 * was applied cannot go before it: it is decided against the job as it is then. Commands recorded online
 * meanwhile (the office, the geofence) are not held back.
 *
 * <p>Each applied event records its {@link io.github.geodispatch.spi.DeviceOrigin} (key, device time, received
 * at; the delay is their difference), and its {@code occurredAt} is the device time (never later than when it
 * was applied). Events are still appended in the order they are applied, so a stream's versions and hash chain
 * stay append-only; a stream's {@code occurredAt} may step back where an offline event follows one recorded
 * online meanwhile. A key seen again, while held or after, changes nothing and answers the first command's
 * outcome: the record remembers outcomes (the last 100,000) and, after a restart or on another host, finds an
 * applied key on the job's stream (a command whose key is on no stored event, such as a rejected one, is decided
 * afresh there). A command whose device time is ahead of the record's clock by more than the tolerated skew
 * (default 2 min), or older than the offline horizon (default 7 days), is rejected with
 * {@link Rejection.Reason#DEVICE_TIME_OUT_OF_RANGE}.
 *
 * <p>Held commands live in this record's memory: route one technician's uploads to one host, and keep the phone's
 * queue until it has each command's outcome (a lost held command is simply submitted again). Thread-safe.
 */
public interface OfflineInbox {

    /**
     * Takes one queued command: returns it {@link OfflineOutcome#held() held} (with a window of zero, it is
     * applied at once and the outcome says how), or, for a key already submitted, the first command's outcome
     * marked duplicate.
     */
    OfflineOutcome submit(Actor actor, OfflineCommand command);

    /** Applies the held commands whose window has closed (see above); their outcomes, in the order applied. */
    List<OfflineOutcome> releaseDue();

    /** Applies every held command now, in device-time order per job (at shutdown, or to end a test). */
    List<OfflineOutcome> releaseAll();

    /** The outcome of the command with {@code idempotencyKey} on {@code job}, as the actor's tenant knows it. */
    Optional<OfflineOutcome> outcome(Actor actor, JobId job, String idempotencyKey);
}
