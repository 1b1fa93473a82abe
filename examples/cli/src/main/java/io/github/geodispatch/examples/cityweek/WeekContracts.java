package io.github.geodispatch.examples.cityweek;

import io.github.geodispatch.GeoDispatch;
import io.github.geodispatch.contract.RenewalDue;
import io.github.geodispatch.customer.CustomerResult;
import io.github.geodispatch.examples.cityday.CityBusiness;
import io.github.geodispatch.journal.CustomerRecords;
import io.github.geodispatch.journal.JournalRecord;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.ContractId;
import io.github.geodispatch.spi.ContractKind;
import io.github.geodispatch.spi.ContractPlan;
import io.github.geodispatch.spi.ContractTerms;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.CustomerProfile;
import io.github.geodispatch.spi.CustomerSite;
import io.github.geodispatch.spi.Equipment;
import io.github.geodispatch.spi.EquipmentId;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PartsCover;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.TenantId;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The business's AMC customers on the front door's customer record: each has a site with a split AC and a contract.
 * Most contracts started in the run's days, so their first preventive visit falls due on a day of the week and
 * becomes a job that morning ({@code scheduleVisits}); a few are breakdown-only contracts ending within a month,
 * the renewals due, and the owner renews one of them. Every customer and contract fact also goes to the journal.
 * Not thread-safe.
 */
final class WeekContracts {
    /** A preventive visit every quarter, 7 days to do it; AC service and repair labour covered, two breakdown calls. */
    static final ContractPlan QUARTERLY = new ContractPlan(4, 0, 7, "AMC_VISIT", 2,
            List.of("AMC_VISIT", "AC_SERVICE", "AC_REPAIR"), PartsCover.NONE, 0, true, 24);
    /** Breakdown calls only (no preventive visits): the older contracts coming up for renewal. */
    static final ContractPlan BREAKDOWN_ONLY = new ContractPlan(0, 0, 7, "AMC_VISIT", 3,
            List.of("AMC_VISIT", "AC_SERVICE", "AC_REPAIR"), PartsCover.NONE, 0, true, 24);
    static final Money PRICE = Money.inr(600_000);

    /** A contract's customer, as the simulation needs to work its visits. */
    record AmcCustomer(CustomerId id, String name, String phone, String address, String pincode, BranchId branch,
                       ContractId contract) {}

    private final GeoDispatch gd;
    private final CityBusiness business;
    private final Actor owner;
    private final ZoneId zone;
    private final Map<CustomerId, AmcCustomer> customers = new LinkedHashMap<>();
    private ContractId renewed;

    WeekContracts(CityBusiness business, TenantId tenant, ZoneId zone) {
        this.business = business;
        this.gd = business.frontDoor();
        this.owner = Actor.owner(tenant, "owner");
        this.zone = zone;
    }

    /**
     * Registers the AMC customers and their contracts before the first day: {@code count} quarterly contracts starting
     * on the run's days in turn (their first visit is due on the start day), and {@code max(2, count / 4)} breakdown-only ones
     * ending 5-29 days after the first day.
     */
    void open(long seed, int count, LocalDate firstDay, int days, Instant at) {
        Random rnd = new Random(seed * 7919 + 13);
        List<CityBusiness.BranchInfo> branches = business.branches();
        int renewing = Math.max(2, count / 4);
        for (int i = 0; i < count + renewing; i++) {
            boolean comingUp = i >= count;
            CityBusiness.BranchInfo branch = branches.get(i % branches.size());
            String n = String.format("%03d", i + 1);
            CustomerId id = CustomerId.of("C-AMC-" + n);
            String name = (comingUp ? "Residency " : "Apartment Owners' Association ") + n;
            String pincode = "5600" + (30 + rnd.nextInt(20));
            String address = (1 + rnd.nextInt(300)) + ", " + branch.name() + ", Bengaluru " + pincode;
            GeoPoint where = GeoPoint.of(branch.location().lat() + (rnd.nextDouble() - 0.5) * 0.04,
                    branch.location().lng() + (rnd.nextDouble() - 0.5) * 0.04);
            SiteId site = SiteId.of("S-AMC-" + n);
            EquipmentId unit = EquipmentId.of("EQ-AMC-" + n);
            ContractId contract = ContractId.of("AMC-W-" + n);
            LocalDate start = comingUp ? firstDay.plusDays(5 + rnd.nextInt(25)).minusYears(1).plusDays(1)
                    : firstDay.plusDays(i % days);
            OffsetDateTime time = OffsetDateTime.ofInstant(at, zone);
            String phone = String.format("+9198%08d", Math.floorMod(rnd.nextLong(), 100_000_000L));
            apply(new CustomerRecords.Registered(id, time, branch.id(), new CustomerProfile(name, List.of(phone), null, "kn",
                    null, "29", address)), at);
            apply(new CustomerRecords.SiteAdded(id, time, new CustomerSite(site, where, address, "ask at the gate")), at);
            apply(new CustomerRecords.EquipmentAdded(id, time, new Equipment(unit, site, "SPLIT_AC", "Daikin", "FTKF50",
                    "SN-AMC-" + n, start.minusYears(2), null)), at);
            apply(new CustomerRecords.ContractDrafted(id, time, new ContractTerms(contract, ContractKind.AMC, List.of(site),
                    List.of(unit), comingUp ? BREAKDOWN_ONLY : QUARTERLY, PRICE, 1, start, start.plusYears(1).minusDays(1),
                    null)), at);
            apply(new CustomerRecords.ContractActivated(id, time, contract), at);
            customers.put(id, new AmcCustomer(id, name, phone, address, pincode, branch.id(), contract));
        }
    }

    private void apply(JournalRecord.CustomerRecord record, Instant at) {
        CustomerResult result = gd.customers().execute(owner, record.command());
        if (result instanceof CustomerResult.Rejected rejected) {
            throw new IllegalStateException("the customer record refused the week's " + record.type() + " for "
                    + record.customer().value() + ": " + rejected);
        }
        business.record(record, at);
    }

    /**
     * The morning of {@code day}: the preventive visits due by today become jobs and go into today's plan; the
     * renewal reminders due go out.
     */
    List<JobId> morning(LocalDate day) {
        List<JobId> created = gd.contracts().scheduleVisits(owner, day);
        for (JobId job : created) {
            AmcCustomer c = customers.get(gd.jobs().job(owner, job).orElseThrow().customer());
            business.adopt(job, c.name(), c.address(), c.pincode());
        }
        gd.contracts().sendReminders(day);
        return created;
    }

    /**
     * The owner renews the first contract due for renewal on {@code day} (once in the run), drafted and activated
     * through the front door, and the facts go to the journal.
     */
    void renewOne(LocalDate day, Instant at) {
        if (renewed != null) {
            return;
        }
        List<RenewalDue> due = gd.contracts().portfolio().renewalsDue(day);
        if (due.isEmpty()) {
            return;
        }
        RenewalDue first = due.get(0);
        ContractId renewal = ContractId.of(first.contract().value() + "-R1");
        CustomerResult result = gd.contracts().renew(owner, first.contract(), renewal, PRICE);
        if (result instanceof CustomerResult.Rejected rejected) {
            throw new IllegalStateException("renewing " + first.contract().value() + " was refused: " + rejected);
        }
        ContractTerms terms = gd.contracts().portfolio().customer(first.customer()).orElseThrow().contracts().get(renewal).terms();
        OffsetDateTime time = OffsetDateTime.ofInstant(at, zone);
        business.record(new CustomerRecords.ContractDrafted(first.customer(), time, terms), at);
        business.record(new CustomerRecords.ContractActivated(first.customer(), time, renewal), at);
        renewed = first.contract();
    }

    List<RenewalDue> renewalsDue(LocalDate asOf) {
        return gd.contracts().portfolio().renewalsDue(asOf);
    }

    AmcCustomer customer(CustomerId id) {
        return customers.get(id);
    }
}
