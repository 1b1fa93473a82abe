package io.github.geodispatch.payment;

import io.github.geodispatch.spi.CalendarRange;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.TechnicianId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Each technician's cash: what they collected on jobs against what they deposited, first in first out (a
 * deposit pays off the oldest collections first), with the age of what is still in hand. Deposits are
 * idempotent on their reference. An update is O(1) when entries arrive in time order; a position is computed
 * for one technician on request, in time linear in that technician's entries.
 *
 * <p>Not thread-safe: confine to one thread or guard externally.
 */
public final class CashLedger {
    private final Map<TechnicianId, Account> accounts = new HashMap<>();
    /** Deposit references seen (technician/reference), with the deposit's time. */
    private final Map<String, Instant> depositReferences = new HashMap<>();
    /** The latest {@link #settle} point: positions are exact at it or later. */
    private Instant settledBefore = Instant.MIN;

    /** A collection still (partly) in the technician's hand at the position's time. */
    public record OpenCollection(JobId job, Instant collectedAt, Money inHand, String evidence) {
        /** How long this cash has been in hand at {@code asOf}. */
        public Duration age(Instant asOf) {
            return Duration.between(collectedAt, asOf);
        }
    }

    /** One technician's cash at a time: totals and the open collections, oldest first. */
    public record Position(TechnicianId technician, Instant asOf, Money collected, Money deposited, Money inHand,
                           List<OpenCollection> open) {
        public Position {
            open = List.copyOf(open);
        }

        /** The cash in hand collected at least {@code age} before {@link #asOf()}. */
        public Money inHandOlderThan(Duration age) {
            Instant cut = asOf.minus(age);
            Money sum = Money.zero(inHand.currency());
            for (OpenCollection c : open) {
                if (!c.collectedAt().isAfter(cut)) {
                    sum = sum.plus(c.inHand());
                }
            }
            return sum;
        }
    }

    /** Records cash collected by {@code technician} on {@code job}; {@code evidence} names the payment event. */
    public void collected(TechnicianId technician, JobId job, Instant at, Money amount, String evidence) {
        CalendarRange.require(at, "collected at");
        Objects.requireNonNull(amount, "amount").requireNonNegative("cash collected");
        account(technician, amount.currency()).insert(new Entry(job, at, amount.minor(), evidence));
    }

    /** Records a deposit; returns false (and changes nothing) when its reference was recorded before. */
    public boolean deposited(CashDeposit deposit) {
        if (deposit.reference() != null
                && depositReferences.putIfAbsent(deposit.technician() + "/" + deposit.reference(), deposit.at()) != null) {
            return false;
        }
        account(deposit.technician(), deposit.amount().currency()).deposits
                .add(new Entry(null, deposit.at(), deposit.amount().minor(), deposit.reference()));
        return true;
    }

    /** The technicians with any collection or deposit. */
    public Set<TechnicianId> technicians() {
        return Collections.unmodifiableSet(accounts.keySet());
    }

    /**
     * Folds what is settled before {@code before} into totals, to keep the ledger as small as the cash in hand:
     * the deposits made before it pay off the oldest collections (first in, first out), the collections they pay
     * off in full leave the ledger, and those deposits become one entry of what they have left over. Deposit
     * references before {@code before} are forgotten (the same slip again would count again). Positions at
     * {@code before} or later are unchanged; earlier positions are no longer available.
     */
    public void settle(Instant before) {
        CalendarRange.require(before, "before");
        for (Account a : accounts.values()) {
            a.settle(before);
        }
        depositReferences.values().removeIf(at -> at.isBefore(before));
        if (before.isAfter(settledBefore)) {
            settledBefore = before;
        }
    }

    /** The collections and deposit entries the ledger keeps for {@code technician} (what settling keeps small). */
    int entriesKept(TechnicianId technician) {
        Account a = accounts.get(technician);
        return a == null ? 0 : a.collections.size() + a.deposits.size();
    }

    /** The technician's position counting collections and deposits up to {@code asOf}. */
    public Position position(TechnicianId technician, Instant asOf) {
        CalendarRange.require(asOf, "asOf");
        if (asOf.isBefore(settledBefore)) {
            throw new IllegalArgumentException("positions before " + settledBefore + " were settled; asked at " + asOf);
        }
        Account a = accounts.get(technician);
        if (a == null) {
            Money zero = Money.zero(Currency.INR);
            return new Position(technician, asOf, zero, zero, zero, List.of());
        }
        long deposited = a.settledMinor;
        for (Entry d : a.deposits) {
            if (!d.at.isAfter(asOf)) {
                deposited = Math.addExact(deposited, d.minor);
            }
        }
        long collected = a.settledMinor;
        long cover = deposited - a.settledMinor;
        List<OpenCollection> open = new ArrayList<>();
        for (Entry c : a.collections) {
            if (c.at.isAfter(asOf)) {
                break;
            }
            collected = Math.addExact(collected, c.minor);
            long covered = Math.min(cover, c.minor);
            cover -= covered;
            if (covered < c.minor) {
                open.add(new OpenCollection(c.job, c.at, Money.ofMinor(c.minor - covered, a.currency), c.evidence));
            }
        }
        long inHand = Math.max(0, collected - deposited);
        return new Position(technician, asOf, Money.ofMinor(collected, a.currency), Money.ofMinor(deposited, a.currency),
                Money.ofMinor(inHand, a.currency), open);
    }

    private Account account(TechnicianId technician, Currency currency) {
        Objects.requireNonNull(technician, "technician");
        Account a = accounts.computeIfAbsent(technician, t -> new Account(currency));
        if (a.currency != currency) {
            throw new IllegalArgumentException("technician " + technician + " handles " + a.currency + ", not " + currency);
        }
        return a;
    }

    private record Entry(JobId job, Instant at, long minor, String evidence) {}

    private static final class Account {
        final Currency currency;
        final List<Entry> collections = new ArrayList<>();
        final List<Entry> deposits = new ArrayList<>();
        /** Collected and deposited alike: the collections paid off by {@link #settle}. */
        long settledMinor;

        Account(Currency currency) {
            this.currency = currency;
        }

        void settle(Instant before) {
            long cover = 0;
            int folded = 0;
            Instant latest = null;
            for (Entry d : deposits) {
                if (d.at.isBefore(before)) {
                    cover = Math.addExact(cover, d.minor);
                    latest = latest == null || d.at.isAfter(latest) ? d.at : latest;
                    folded++;
                }
            }
            int paid = 0;
            while (paid < collections.size() && collections.get(paid).at.isBefore(before)
                    && collections.get(paid).minor <= cover) {
                cover -= collections.get(paid).minor;
                settledMinor = Math.addExact(settledMinor, collections.get(paid).minor);
                paid++;
            }
            if (paid == 0 && folded <= 1) {
                return; // one deposit entry that pays nothing would come back as it is (a technician short ever since)
            }
            deposits.removeIf(d -> d.at.isBefore(before));
            collections.subList(0, paid).clear();
            if (cover > 0) {
                deposits.add(new Entry(null, latest, cover, null));
            }
        }

        /** Keeps collections in time order (arrival order for equal times); appends are O(1) in the usual case. */
        void insert(Entry e) {
            int i = collections.size();
            while (i > 0 && collections.get(i - 1).at.isAfter(e.at)) {
                i--;
            }
            collections.add(i, e);
        }
    }
}
