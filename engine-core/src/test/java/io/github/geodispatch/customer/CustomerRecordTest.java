package io.github.geodispatch.customer;

import io.github.geodispatch.contract.VisitSchedule;
import io.github.geodispatch.customer.CustomerCommand.ActivateContract;
import io.github.geodispatch.customer.CustomerCommand.AddSite;
import io.github.geodispatch.customer.CustomerCommand.CancelContract;
import io.github.geodispatch.customer.CustomerCommand.ChangeProfile;
import io.github.geodispatch.customer.CustomerCommand.DraftContract;
import io.github.geodispatch.customer.CustomerCommand.InstallEquipment;
import io.github.geodispatch.customer.CustomerCommand.RegisterCustomer;
import io.github.geodispatch.customer.CustomerRejection.Reason;
import io.github.geodispatch.memory.InMemoryCustomerEventStore;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.ContractId;
import io.github.geodispatch.spi.ContractKind;
import io.github.geodispatch.spi.ContractPlan;
import io.github.geodispatch.spi.ContractTermException;
import io.github.geodispatch.spi.ContractTerms;
import io.github.geodispatch.spi.CustomerEvent;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.CustomerProfile;
import io.github.geodispatch.spi.CustomerSite;
import io.github.geodispatch.spi.CustomerStreamId;
import io.github.geodispatch.spi.Equipment;
import io.github.geodispatch.spi.EquipmentId;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PartsCover;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The customer record: formats, duplicates, roles and branches, the contract lifecycle, the hash chain. */
class CustomerRecordTest {
    static final TenantId TENANT = TenantId.of("coolair");
    static final BranchId BLR = BranchId.of("BLR");
    static final Actor OWNER = Actor.owner(TENANT, "owner");
    static final CustomerId C1 = CustomerId.of("C-1");
    static final ContractPlan PLAN = new ContractPlan(4, 0, 14, "AC_PM", 2, List.of(), PartsCover.NONE, 0, true, 24);

    final InMemoryCustomerEventStore store = new InMemoryCustomerEventStore();
    final CustomerRecord record = CustomerRecord.builder().store(store)
            .clock(() -> Instant.parse("2026-03-01T04:30:00Z")).build();

    static CustomerProfile profile(String phone, String email, String gstin, String state) {
        return new CustomerProfile("Lakshmi Stores", List.of(phone), email, "kn", gstin, state, "MG Road");
    }

    CustomerResult register(CustomerId id, CustomerProfile profile) {
        return record.execute(OWNER, new RegisterCustomer(id, BLR, profile));
    }

    static Reason reason(CustomerResult result) {
        assertThat(result).isInstanceOf(CustomerResult.Rejected.class);
        return ((CustomerResult.Rejected) result).rejection().reason();
    }

    CustomerRecordTest withSiteAndUnit() {
        register(C1, profile("+919845012345", null, null, null)).orThrow();
        record.execute(OWNER, new AddSite(C1, new CustomerSite(SiteId.of("S-1"), GeoPoint.of(12.9, 77.6), "MG Rd", ""))).orThrow();
        record.execute(OWNER, new InstallEquipment(C1, unit("EQ-1", "S-1", "DK-1"))).orThrow();
        return this;
    }

    static Equipment unit(String id, String site, String serial) {
        return new Equipment(EquipmentId.of(id), SiteId.of(site), "SPLIT_AC", "Daikin", "FTKF50", serial,
                LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1));
    }

    static ContractTerms terms(String id, String renews, String site) {
        return new ContractTerms(ContractId.of(id), ContractKind.AMC, List.of(SiteId.of(site)), List.of(), PLAN,
                Money.inr(500_000), 1, LocalDate.of(2026, 3, 1), LocalDate.of(2027, 2, 28),
                renews == null ? null : ContractId.of(renews));
    }

    @ParameterizedTest
    @CsvSource({"+91 98450 12345, +919845012345", "+919845012345, +919845012345", "+254712345678, +254712345678",
            "+254-712-345-678, +254712345678", "+14155550123, +14155550123"})
    void phonesAreStoredInE164(String typed, String stored) {
        CustomerState state = register(C1, profile(typed, "a@b.in", null, null)).orThrow();
        assertThat(state.profile().phones()).containsExactly(stored);
    }

    @ParameterizedTest
    @CsvSource({"9845012345", "+9109845012345", "+91984501234", "+2540712345678", "+25471234567", "phone", "+91 98450-1234x"})
    void aMalformedPhoneIsATypedRejectionThatStoresNothing(String typed) {
        assertThat(reason(register(C1, profile(typed, null, null, null)))).isEqualTo(Reason.INVALID_PHONE);
        assertThat(store.lastPosition()).isZero();
    }

    @Test
    void aMalformedEmailOrLanguageIsRejected() {
        assertThat(reason(register(C1, profile("+919845012345", "not an email", null, null)))).isEqualTo(Reason.INVALID_EMAIL);
        CustomerProfile badLanguage = new CustomerProfile("X", List.of(), null, "Kannada", null, null, null);
        assertThat(reason(register(C1, badLanguage))).isEqualTo(Reason.INVALID_INPUT);
    }

    @Test
    void aGstinIsCheckedAndGivesTheStateCode() {
        CustomerState state = register(C1, profile("+919845012345", null, " 29aaacl1234f1zv ", null)).orThrow();
        assertThat(state.profile().gstin()).isEqualTo("29AAACL1234F1ZV");
        assertThat(state.profile().stateCode()).isEqualTo("29");

        assertThat(reason(register(CustomerId.of("C-2"), profile("+919845012345", null, "29AAACL1234F1Z5", null))))
                .as("wrong check character").isEqualTo(Reason.INVALID_GSTIN);
        assertThat(reason(register(CustomerId.of("C-3"), profile("+919845012345", null, "29AAACL1234F1ZV", "27"))))
                .as("state code of another state").isEqualTo(Reason.INVALID_GSTIN);
        assertThat(reason(register(CustomerId.of("C-4"), profile("+919845012345", null, null, "45"))))
                .as("no such state").isEqualTo(Reason.INVALID_INPUT);
    }

    @Test
    void aDuplicateSerialIsRejectedAcrossCustomersOfTheTenantOnly() {
        withSiteAndUnit();
        CustomerId c2 = CustomerId.of("C-2");
        register(c2, profile("+919845012399", null, null, null)).orThrow();
        record.execute(OWNER, new AddSite(c2, new CustomerSite(SiteId.of("S-2"), GeoPoint.of(12.8, 77.6), "", ""))).orThrow();

        CustomerResult twice = record.execute(OWNER, new InstallEquipment(c2, unit("EQ-9", "S-2", " dk-1 ")));
        assertThat(reason(twice)).isEqualTo(Reason.DUPLICATE_SERIAL);
        assertThat(((CustomerResult.Rejected) twice).rejection().message()).contains("C-1");
        assertThat(reason(record.execute(OWNER, new InstallEquipment(C1, unit("EQ-2", "S-1", "DK-1")))))
                .as("the same customer").isEqualTo(Reason.DUPLICATE_SERIAL);

        Actor otherTenant = Actor.owner(TenantId.of("other"), "owner");
        record.execute(otherTenant, new RegisterCustomer(c2, BLR, profile("+919845012399", null, null, null))).orThrow();
        record.execute(otherTenant, new AddSite(c2, new CustomerSite(SiteId.of("S-2"), GeoPoint.of(12.8, 77.6), "", ""))).orThrow();
        assertThat(record.execute(otherTenant, new InstallEquipment(c2, unit("EQ-9", "S-2", "DK-1"))).isAccepted()).isTrue();
    }

    @Test
    void equipmentNeedsAKnownSiteAndANewId() {
        withSiteAndUnit();
        assertThat(reason(record.execute(OWNER, new InstallEquipment(C1, unit("EQ-7", "S-9", "X-1"))))).isEqualTo(Reason.UNKNOWN_SITE);
        assertThat(reason(record.execute(OWNER, new InstallEquipment(C1, unit("EQ-1", "S-1", "X-2"))))).isEqualTo(Reason.DUPLICATE_EQUIPMENT);
        assertThat(record.execute(OWNER, new InstallEquipment(C1, unit("EQ-1", "S-1", "DK-1"))))
                .as("a replay appends nothing").isInstanceOfSatisfying(CustomerResult.Accepted.class,
                        a -> assertThat(a.events()).isEmpty());
    }

    @Test
    void rolesAndBranchesAreEnforced() {
        withSiteAndUnit();
        Actor technician = Actor.technician(TENANT, BLR, TechnicianId.of("ravi"));
        Actor otherBranch = Actor.dispatcher(TENANT, BranchId.of("MYS"), "asha");
        Actor dispatcher = Actor.dispatcher(TENANT, BLR, "priya");

        assertThat(reason(record.execute(technician, new DraftContract(C1, terms("AMC-1", null, "S-1"))))).isEqualTo(Reason.ROLE_NOT_PERMITTED);
        assertThat(record.execute(technician, new InstallEquipment(C1, unit("EQ-3", "S-1", "T-3"))).isAccepted()).isTrue();
        assertThat(reason(record.execute(otherBranch, new AddSite(C1, new CustomerSite(SiteId.of("S-3"), GeoPoint.of(1, 1), "", "")))))
                .isEqualTo(Reason.OUTSIDE_BRANCH);
        assertThat(record.customer(otherBranch, C1)).isEmpty();
        assertThat(record.execute(dispatcher, new DraftContract(C1, terms("AMC-1", null, "S-1"))).isAccepted()).isTrue();
        assertThat(reason(record.execute(dispatcher, new ActivateContract(C1, ContractId.of("AMC-1"))))).isEqualTo(Reason.ROLE_NOT_PERMITTED);
        assertThat(reason(record.execute(Actor.owner(TenantId.of("other"), "o"), new ChangeProfile(C1,
                profile("+919845012345", null, null, null))))).isEqualTo(Reason.CUSTOMER_NOT_FOUND);
    }

    /**
     * The longest term at the most visits a plan has is drafted and schedules one visit a day (36,524 for these
     * hundred years: a few megabytes per unit); a day longer cannot even be put to the record, a typed error.
     */
    @Test
    void theLongestContractTermIsAHundredYearsAndSchedulesADailyVisitEachDay() {
        withSiteAndUnit();
        ContractPlan daily = new ContractPlan(365, 0, 14, "AC_PM", 0, List.of(), PartsCover.NONE, 0, true, 24);
        LocalDate start = LocalDate.of(2026, 3, 1);
        ContractTerms longest = new ContractTerms(ContractId.of("AMC-100"), ContractKind.AMC, List.of(SiteId.of("S-1")),
                List.of(), daily, Money.inr(500_000), 1, start, start.plusYears(100).minusDays(1), null);
        CustomerState state = record.execute(OWNER, new DraftContract(C1, longest)).orThrow();
        assertThat(state.contracts()).containsKey(ContractId.of("AMC-100"));
        assertThat(VisitSchedule.visitsPerUnit(longest)).isEqualTo(36_524)
                .isEqualTo(ChronoUnit.DAYS.between(start, start.plusYears(100)));

        assertThatThrownBy(() -> new ContractTerms(ContractId.of("AMC-101"), ContractKind.AMC, List.of(SiteId.of("S-1")),
                List.of(), daily, Money.inr(500_000), 1, start, start.plusYears(100), null))
                .isInstanceOfSatisfying(ContractTermException.class, e -> assertThat(e.field()).isEqualTo("end"));
    }

    @Test
    void theContractLifecycleRenewsAndCancels() {
        withSiteAndUnit();
        ZoneOffset utc = ZoneOffset.UTC;
        record.execute(OWNER, new DraftContract(C1, terms("AMC-1", null, "S-1"))).orThrow();
        assertThat(reason(record.execute(OWNER, new DraftContract(C1, terms("AMC-2", null, "S-9"))))).isEqualTo(Reason.UNKNOWN_SITE);
        assertThat(reason(record.execute(OWNER, new DraftContract(C1, terms("AMC-2", "AMC-7", "S-1"))))).isEqualTo(Reason.UNKNOWN_CONTRACT);
        record.execute(OWNER, new DraftContract(C1, terms("AMC-2", "AMC-1", "S-1"))).orThrow();
        assertThat(reason(record.execute(OWNER, new ActivateContract(C1, ContractId.of("AMC-2")))))
                .as("renewing a contract never activated").isEqualTo(Reason.ILLEGAL_CONTRACT_TRANSITION);

        record.execute(OWNER, new ActivateContract(C1, ContractId.of("AMC-1"))).orThrow();
        CustomerState state = record.execute(OWNER, new ActivateContract(C1, ContractId.of("AMC-2"))).orThrow();
        ContractRecord first = state.contracts().get(ContractId.of("AMC-1"));
        assertThat(first.renewedBy()).isEqualTo(ContractId.of("AMC-2"));
        assertThat(first.status(LocalDate.of(2027, 3, 1), utc)).isEqualTo(ContractStatus.RENEWED);
        assertThat(first.status(LocalDate.of(2026, 6, 1), utc)).isEqualTo(ContractStatus.ACTIVE);
        assertThat(reason(record.execute(OWNER, new CancelContract(C1, ContractId.of("AMC-1"), "moved"))))
                .isEqualTo(Reason.ILLEGAL_CONTRACT_TRANSITION);

        CustomerState cancelled = record.execute(OWNER, new CancelContract(C1, ContractId.of("AMC-2"), "moved")).orThrow();
        assertThat(cancelled.contracts().get(ContractId.of("AMC-2")).status(LocalDate.of(2026, 3, 1), utc))
                .isEqualTo(ContractStatus.CANCELLED);
        assertThat(reason(record.execute(OWNER, new ActivateContract(C1, ContractId.of("AMC-2")))))
                .isEqualTo(Reason.ILLEGAL_CONTRACT_TRANSITION);
    }

    @Test
    void aContractIdIsUniqueInTheTenant() {
        withSiteAndUnit();
        record.execute(OWNER, new DraftContract(C1, terms("AMC-1", null, "S-1"))).orThrow();
        CustomerId c2 = CustomerId.of("C-2");
        register(c2, profile("+919845012399", null, null, null)).orThrow();
        record.execute(OWNER, new AddSite(c2, new CustomerSite(SiteId.of("S-1"), GeoPoint.of(12.8, 77.6), "", ""))).orThrow();

        assertThat(reason(record.execute(OWNER, new DraftContract(c2, terms("AMC-1", null, "S-1"))))).isEqualTo(Reason.DUPLICATE_CONTRACT);
    }

    @Test
    void theHistoryIsHashChainedAndAnEditShows() {
        withSiteAndUnit();
        assertThat(record.verifyHistory(OWNER, C1)).contains(true);
        List<CustomerEvent> events = record.history(OWNER, C1);
        assertThat(events).hasSize(3);

        InMemoryCustomerEventStore forged = new InMemoryCustomerEventStore();
        CustomerEvent.SiteAdded site = (CustomerEvent.SiteAdded) events.get(1);
        forged.append(CustomerStreamId.of(TENANT, C1), 0, List.of(events.get(0),
                new CustomerEvent.SiteAdded(site.header(), new CustomerSite(SiteId.of("S-1"), GeoPoint.of(1, 1), "elsewhere", "")),
                events.get(2)));
        CustomerRecord reader = CustomerRecord.builder().store(forged).build();
        assertThat(reader.verifyHistory(OWNER, C1)).contains(false);
    }
}
