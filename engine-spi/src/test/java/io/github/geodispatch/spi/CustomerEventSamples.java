package io.github.geodispatch.spi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One hash-chained customer stream holding every event type, optional components set and unset; fixed ids. */
final class CustomerEventSamples {
    private CustomerEventSamples() {}

    static List<CustomerEvent> everyType() {
        TenantId tenant = TenantId.of("coolair-blr");
        CustomerStreamId stream = CustomerStreamId.of(tenant, CustomerId.of("C-42"));
        Actor owner = new Actor("owner-1", Role.OWNER, tenant, null);
        Actor staff = new Actor("ravi", Role.DISPATCHER, tenant, BranchId.of("indiranagar"));
        List<CustomerEvent> all = new ArrayList<>();
        all.add(new CustomerEvent.CustomerRegistered(header(stream, all, staff), BranchId.of("indiranagar"),
                new CustomerProfile("ಲಕ್ಷ್ಮಿ Apartments, [RWA]", List.of("+919845012345"), "rwa@example.in", "kn",
                        "29AAACL1234F1ZV", "29", "80 Feet Rd\nKoramangala")));
        all.add(new CustomerEvent.ProfileChanged(header(stream, all, owner), new CustomerProfile("Lakshmi Apartments",
                List.of("+919845012345", "+254712345678"), null, "en", null, null, null)));
        all.add(new CustomerEvent.SiteAdded(header(stream, all, staff), new CustomerSite(SiteId.of("S-1"),
                GeoPoint.of(12.9352, 77.6245), "Tower A, 80 Feet Rd", "gate code 4411")));
        all.add(new CustomerEvent.EquipmentInstalled(header(stream, all, staff), new Equipment(EquipmentId.of("EQ-1"),
                SiteId.of("S-1"), "SPLIT_AC", "Daikin", "FTKF50", "DK-2231-88A", LocalDate.of(2025, 3, 1),
                LocalDate.of(2026, 2, 28))));
        all.add(new CustomerEvent.EquipmentInstalled(header(stream, all, staff), new Equipment(EquipmentId.of("EQ-2"),
                SiteId.of("S-1"), "RO_PURIFIER", null, null, "KNT-77", LocalDate.of(2024, 1, 10), null)));
        all.add(new CustomerEvent.ContractDrafted(header(stream, all, owner), new ContractTerms(ContractId.of("AMC-1"),
                ContractKind.AMC, List.of(SiteId.of("S-1")), List.of(EquipmentId.of("EQ-1")),
                new ContractPlan(4, 0, 14, "AC_PM_VISIT", 2, List.of("AC_PM_VISIT", "AC_REPAIR"), PartsCover.DISCOUNT,
                        1_500, true, 24), Money.inr(599_900), 4, LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31),
                null)));
        all.add(new CustomerEvent.ContractActivated(header(stream, all, owner), ContractId.of("AMC-1")));
        all.add(new CustomerEvent.ContractDrafted(header(stream, all, owner), new ContractTerms(ContractId.of("AMC-2"),
                ContractKind.SERVICE, List.of(SiteId.of("S-1")), List.of(), new ContractPlan(0, 30, 7, "PEST_CONTROL",
                0, List.of(), PartsCover.FULL, 0, true, 0), Money.inr(0), 1, LocalDate.of(2027, 4, 1),
                LocalDate.of(2028, 3, 31), ContractId.of("AMC-1"))));
        all.add(new CustomerEvent.ContractCancelled(header(stream, all, owner), ContractId.of("AMC-2"),
                "customer moved out"));
        all.add(new CustomerEvent.ContractInvoiced(header(stream, all, owner), ContractId.of("AMC-1"), 1,
                "BLR/26-27/0042", LocalDate.of(2026, 4, 1), Money.inr(149_975), Money.inr(176_971)));
        return List.copyOf(all);
    }

    private static CustomerEventHeader header(CustomerStreamId stream, List<CustomerEvent> before, Actor actor) {
        long version = before.size() + 1;
        return new CustomerEventHeader(new UUID(0x5eed, version), stream, version,
                Instant.parse("2026-04-01T04:30:00Z").plusSeconds(60 * version), actor, CustomerHashChain.head(before));
    }
}
