package io.github.geodispatch.contract;

import io.github.geodispatch.GeoDispatch;
import io.github.geodispatch.billing.Party;
import io.github.geodispatch.billing.PriceBasis;
import io.github.geodispatch.billing.SellerProfile;
import io.github.geodispatch.customer.CustomerCommand;
import io.github.geodispatch.job.IdGenerator;
import io.github.geodispatch.job.JobCommand;
import io.github.geodispatch.job.JobState;
import io.github.geodispatch.leakage.Finding;
import io.github.geodispatch.leakage.LeakagePolicy;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.ContractId;
import io.github.geodispatch.spi.ContractKind;
import io.github.geodispatch.spi.ContractPlan;
import io.github.geodispatch.spi.ContractTerms;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.CustomerProfile;
import io.github.geodispatch.spi.CustomerSite;
import io.github.geodispatch.spi.Equipment;
import io.github.geodispatch.spi.EquipmentId;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.Notifier;
import io.github.geodispatch.spi.PartsCover;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.Site;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * An AC business with AMC customers behind a {@link GeoDispatch} on a clock the test moves: customers, sites,
 * equipment and contracts in a line each, jobs walked to COMPLETED in one. Every job type of these tests is
 * {@code AC_PM} (the contracts' visit type) or {@code AC_REPAIR}.
 */
public final class AmcBusiness {
    public static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    public static final TenantId TENANT = TenantId.of("coolair");
    public static final BranchId BRANCH = BranchId.of("BLR");
    public static final TechnicianId RAVI = TechnicianId.of("ravi");

    private Instant now = LocalDate.of(2026, 1, 1).atTime(9, 0).atZone(ZONE).toInstant();
    public final List<String> notified = new ArrayList<>();
    public final GeoDispatch gd;
    public final Actor owner = Actor.owner(TENANT, "owner");

    public AmcBusiness() {
        this(builder -> builder);
    }

    /** The business with {@code more} settings on its front door (messaging, say). */
    public AmcBusiness(java.util.function.UnaryOperator<GeoDispatch.Builder> more) {
        this(7, more);
    }

    /** The business with event ids from a sequence of {@code idSeed} (a second instance over shared stores needs another). */
    public AmcBusiness(long idSeed, java.util.function.UnaryOperator<GeoDispatch.Builder> more) {
        Notifier notifier = (to, subject, body) -> notified.add(to + ": " + subject);
        gd = more.apply(GeoDispatch.builder().business(TENANT, Currency.INR, ZONE).clock((InstantSource) () -> now)
                .notifier(notifier).idGenerator(IdGenerator.sequential(idSeed))
                .leakagePolicy(LeakagePolicy.defaults().withZone(ZONE).withVisitRules(false))).build();
    }

    /**
     * The business invoicing through its front door: the seller Coolair Services (GSTIN 29TIXCL8073U1ZU, Karnataka,
     * series {@code BLR} for branch BLR), prices including GST.
     */
    public static AmcBusiness invoicing() {
        return invoicing(builder -> builder);
    }

    /** {@link #invoicing()} with {@code more} settings (shared stores, say). */
    public static AmcBusiness invoicing(java.util.function.UnaryOperator<GeoDispatch.Builder> more) {
        return invoicing(7, more);
    }

    /** {@link #invoicing()} with event ids from a sequence of {@code idSeed} and {@code more} settings. */
    public static AmcBusiness invoicing(long idSeed, java.util.function.UnaryOperator<GeoDispatch.Builder> more) {
        SellerProfile seller = new SellerProfile(Party.business("Coolair Services LLP", "29TIXCL8073U1ZU",
                "12, 80 Feet Road", "Bengaluru", "560034", "29"), java.util.Map.of(BRANCH.value(), "BLR"), null,
                java.util.Map.of());
        return new AmcBusiness(idSeed, builder -> more.apply(builder.seller(seller, PriceBasis.TAX_INCLUSIVE)));
    }

    /** A consumer buyer in Karnataka (CGST + SGST with the seller). */
    public static final Party BUYER = Party.consumer("Asha Rao", "100 Feet Rd", "Bengaluru", "560038", "29");

    /** Moves the clock to 09:00 of {@code day} (forwards or backwards). */
    public AmcBusiness on(LocalDate day) {
        now = day.atTime(9, 0).atZone(ZONE).toInstant();
        return this;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now, ZONE);
    }

    public AmcBusiness customer(String id, String... sites) {
        gd.customers().execute(owner, new CustomerCommand.RegisterCustomer(CustomerId.of(id), BRANCH,
                new CustomerProfile("Customer " + id, List.of("+919845012345"), null, "kn", null, "29", ""))).orThrow();
        for (int i = 0; i < sites.length; i++) {
            gd.customers().execute(owner, new CustomerCommand.AddSite(CustomerId.of(id), new CustomerSite(
                    SiteId.of(sites[i]), GeoPoint.of(12.90 + 0.01 * i, 77.60), "site " + sites[i], ""))).orThrow();
        }
        return this;
    }

    public AmcBusiness equipment(String customer, String equipment, String site, LocalDate warrantyUntil) {
        gd.customers().execute(owner, new CustomerCommand.InstallEquipment(CustomerId.of(customer), new Equipment(
                EquipmentId.of(equipment), SiteId.of(site), "SPLIT_AC", "Daikin", "FTKF50", "SN-" + equipment,
                LocalDate.of(2025, 1, 1), warrantyUntil))).orThrow();
        return this;
    }

    /** The plan of these tests: {@code visitsPerYear} AC_PM visits in 14-day windows, AC_PM and AC_REPAIR covered. */
    public static ContractPlan plan(int visitsPerYear, int breakdownCalls) {
        return new ContractPlan(visitsPerYear, 0, 14, "AC_PM", breakdownCalls, List.of("AC_PM", "AC_REPAIR"),
                PartsCover.NONE, 0, true, 24);
    }

    /** Drafts and activates a contract over {@code sites} (no equipment). */
    public AmcBusiness contract(String customer, String contract, ContractPlan plan, LocalDate start, LocalDate end,
                                String... sites) {
        List<SiteId> siteIds = new ArrayList<>();
        for (String s : sites) {
            siteIds.add(SiteId.of(s));
        }
        draft(customer, new ContractTerms(ContractId.of(contract), ContractKind.AMC, siteIds, List.of(), plan,
                Money.inr(600_000), 1, start, end, null));
        gd.customers().execute(owner, new CustomerCommand.ActivateContract(CustomerId.of(customer),
                ContractId.of(contract))).orThrow();
        return this;
    }

    public AmcBusiness draft(String customer, ContractTerms terms) {
        gd.customers().execute(owner, new CustomerCommand.DraftContract(CustomerId.of(customer), terms)).orThrow();
        return this;
    }

    /** Creates a job at the customer's site today (coverage from the front door) and returns its state. */
    public JobState create(String job, String customer, String site, String jobType, long quotePaise) {
        LocalDate day = today();
        return gd.jobs().execute(owner, JobCommand.CreateJob.builder(JobId.of(job), BRANCH, CustomerId.of(customer),
                        new Site(SiteId.of(site), GeoPoint.of(12.9, 77.6), 80, ""), jobType)
                .window(new io.github.geodispatch.spi.TimeWindow(day.atTime(9, 0).atZone(ZONE).toInstant(),
                        day.atTime(LocalTime.of(18, 0)).atZone(ZONE).toInstant()))
                .quote(Money.inr(quotePaise)).build()).orThrow();
    }

    /**
     * Walks an existing job to COMPLETED today: assigned, arrived, started, {@code duringWork} (parts, expenses) by
     * the technician, photo and OTP, completed.
     */
    public AmcBusiness complete(String job, JobCommand... duringWork) {
        JobId id = JobId.of(job);
        gd.jobs().execute(owner, JobCommand.Assign.of(id, RAVI)).orThrow();
        Actor tech = Actor.technician(TENANT, BRANCH, RAVI);
        // no pings in these tests: the owner records the arrival by override (a tap needs a geofence visit)
        gd.jobs().execute(owner, JobCommand.ChangeStatus.arrivalOverride(id, "customer confirmed the visit")).orThrow();
        gd.jobs().execute(tech, JobCommand.ChangeStatus.workStarted(id)).orThrow();
        for (JobCommand command : duringWork) {
            gd.jobs().execute(tech, command).orThrow();
        }
        gd.jobs().execute(tech, JobCommand.AddProof.photo(id, "after", "photo-" + job, "a".repeat(64))).orThrow();
        gd.jobs().execute(tech, JobCommand.AddProof.signature(id, "sig-" + job, "c".repeat(64))).orThrow();
        gd.jobs().execute(tech, JobCommand.ChangeStatus.completed(id)).orThrow();
        return this;
    }

    /** Creates and completes a job today. */
    public AmcBusiness done(String job, String customer, String site, String jobType, long quotePaise) {
        create(job, customer, site, jobType, quotePaise);
        return complete(job);
    }

    /** A billable part of {@code paise} each under HSN 8415 (air-conditioner parts), to record during work. */
    public static JobCommand part(String job, String sku, int quantity, long paise) {
        return new JobCommand.UsePart(JobId.of(job), sku, "8415", quantity, Money.inr(paise), true);
    }

    public AmcBusiness pay(String job, PaymentMode mode, long paise, String reference) {
        gd.jobs().execute(owner, new JobCommand.RecordPayment(JobId.of(job), mode, Money.inr(paise), reference, null))
                .orThrow();
        return this;
    }

    public AmcBusiness invoice(String job, long paise) {
        gd.jobs().execute(owner, new JobCommand.RecordInvoiceHandoff(JobId.of(job), "INV-" + job, Money.inr(paise),
                List.of())).orThrow();
        return this;
    }

    /** The findings as of 09:00 of {@code day}. */
    public List<Finding> audit(LocalDate day) {
        return gd.payments().audit(day.atTime(9, 0).atZone(ZONE).toInstant());
    }
}
