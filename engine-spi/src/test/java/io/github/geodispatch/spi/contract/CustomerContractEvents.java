package io.github.geodispatch.spi.contract;

import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.ContractId;
import io.github.geodispatch.spi.ContractKind;
import io.github.geodispatch.spi.ContractPlan;
import io.github.geodispatch.spi.ContractTerms;
import io.github.geodispatch.spi.CustomerEvent;
import io.github.geodispatch.spi.CustomerEventHeader;
import io.github.geodispatch.spi.CustomerHashChain;
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
import io.github.geodispatch.spi.TenantId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Builds well-formed, hash-chained customer events from SPI types only, for the customer store's contract
 * tests. Each instance works in its own random tenant, so the tests can share one persistent store.
 */
final class CustomerContractEvents {
    static final Instant T0 = Instant.parse("2026-04-01T04:30:00Z");

    final TenantId tenant = TenantId.of("cust-contract-" + UUID.randomUUID().toString().substring(0, 8));
    final Actor owner = Actor.owner(tenant, "owner-1");

    CustomerStreamId stream(String customer) {
        return CustomerStreamId.of(tenant, CustomerId.of(customer));
    }

    CustomerEventHeader header(CustomerStreamId stream, long version, String previousHash) {
        return new CustomerEventHeader(UUID.randomUUID(), stream, version, T0.plusSeconds(60 * version), owner,
                previousHash);
    }

    CustomerEvent.CustomerRegistered registered(CustomerStreamId stream) {
        return new CustomerEvent.CustomerRegistered(header(stream, 1, CustomerHashChain.head(List.of())),
                BranchId.of("blr-east"), new CustomerProfile("Lakshmi Apartments RWA", List.of("+919845012345"),
                "rwa@example.in", "kn", "29AAACL1234F1ZV", "29", "80 Feet Rd, Koramangala, Bengaluru 560034"));
    }

    /** A stream of {@code count} events: registered, then sites. */
    List<CustomerEvent> stream(CustomerStreamId stream, int count) {
        List<CustomerEvent> all = new ArrayList<>(List.of(registered(stream)));
        all.addAll(next(all, count - 1));
        return List.copyOf(all);
    }

    /** {@code more} site events that chain onto {@code existing}. */
    List<CustomerEvent> next(List<CustomerEvent> existing, int more) {
        List<CustomerEvent> all = new ArrayList<>(existing);
        CustomerStreamId stream = existing.get(0).header().stream();
        for (int i = 0; i < more; i++) {
            all.add(new CustomerEvent.SiteAdded(header(stream, all.size() + 1, CustomerHashChain.head(all)),
                    new CustomerSite(SiteId.of("S-" + (all.size() + 1)), GeoPoint.of(12.93, 77.62), "Block " + i, "")));
        }
        return List.copyOf(all.subList(existing.size(), all.size()));
    }

    /** One stream holding every event variant with every optional field set, for round-trip checks. */
    List<CustomerEvent> everyVariant(CustomerStreamId stream) {
        List<CustomerEvent> all = new ArrayList<>();
        all.add(registered(stream));
        all.add(new CustomerEvent.ProfileChanged(h(stream, all), new CustomerProfile("Lakshmi Apartments",
                List.of("+919845012345", "+254712345678"), null, "en", null, null, null)));
        all.add(new CustomerEvent.SiteAdded(h(stream, all), new CustomerSite(SiteId.of("S-1"),
                GeoPoint.of(12.9352, 77.6245), "Tower A, 80 Feet Rd", "gate code 4411; watchman till 20:00")));
        all.add(new CustomerEvent.EquipmentInstalled(h(stream, all), new Equipment(EquipmentId.of("EQ-1"),
                SiteId.of("S-1"), "SPLIT_AC", "Daikin", "FTKF50", "DK-2231-88A", LocalDate.of(2025, 3, 1),
                LocalDate.of(2026, 2, 28))));
        all.add(new CustomerEvent.EquipmentInstalled(h(stream, all), new Equipment(EquipmentId.of("EQ-2"),
                SiteId.of("S-1"), "RO_PURIFIER", null, null, "KNT-77", LocalDate.of(2024, 1, 10), null)));
        ContractPlan plan = new ContractPlan(4, 0, 14, "AC_PM_VISIT", 2, List.of("AC_PM_VISIT", "AC_REPAIR"),
                PartsCover.DISCOUNT, 1_500, true, 24);
        all.add(new CustomerEvent.ContractDrafted(h(stream, all), new ContractTerms(ContractId.of("AMC-1"),
                ContractKind.AMC, List.of(SiteId.of("S-1")), List.of(EquipmentId.of("EQ-1")), plan,
                Money.inr(599_900), 4, LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31), null)));
        all.add(new CustomerEvent.ContractActivated(h(stream, all), ContractId.of("AMC-1")));
        all.add(new CustomerEvent.ContractInvoiced(h(stream, all), ContractId.of("AMC-1"), 1, "KRM/2627/00042",
                LocalDate.of(2026, 4, 1), Money.inr(149_975), Money.inr(176_971)));
        all.add(new CustomerEvent.ContractDrafted(h(stream, all), new ContractTerms(ContractId.of("AMC-2"),
                ContractKind.SERVICE, List.of(SiteId.of("S-1")), List.of(), new ContractPlan(0, 30, 7, "PEST_CONTROL",
                0, List.of(), PartsCover.FULL, 0, true, 0), Money.inr(0), 1, LocalDate.of(2027, 4, 1),
                LocalDate.of(2028, 3, 31), ContractId.of("AMC-1"))));
        all.add(new CustomerEvent.ContractCancelled(h(stream, all), ContractId.of("AMC-2"), "customer moved out"));
        return all;
    }

    private CustomerEventHeader h(CustomerStreamId stream, List<CustomerEvent> before) {
        return header(stream, before.size() + 1, CustomerHashChain.head(before));
    }
}
