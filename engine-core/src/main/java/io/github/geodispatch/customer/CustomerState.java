package io.github.geodispatch.customer;

import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.ContractId;
import io.github.geodispatch.spi.CustomerEvent;
import io.github.geodispatch.spi.CustomerHashChain;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.CustomerProfile;
import io.github.geodispatch.spi.CustomerSite;
import io.github.geodispatch.spi.Equipment;
import io.github.geodispatch.spi.EquipmentId;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.TenantId;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer as the fold of their stream: profile, branch, sites, equipment and contracts (each in the order
 * recorded), the stream's version and head hash. Immutable and thread-safe; {@link #apply} returns a new state.
 */
public final class CustomerState {
    private final CustomerId id;
    private final TenantId tenant;
    private final BranchId branch;
    private final Instant registeredAt;
    private final CustomerProfile profile;
    private final Map<SiteId, CustomerSite> sites;
    private final Map<EquipmentId, Equipment> equipment;
    private final Map<ContractId, ContractRecord> contracts;
    /** The invoiced instalments of each contract, by instalment number. */
    private final Map<ContractId, Map<Integer, CustomerEvent.ContractInvoiced>> invoices;
    private final long version;
    private final String headHash;

    private CustomerState(CustomerId id, TenantId tenant, BranchId branch, Instant registeredAt,
                          CustomerProfile profile, Map<SiteId, CustomerSite> sites, Map<EquipmentId, Equipment> equipment,
                          Map<ContractId, ContractRecord> contracts,
                          Map<ContractId, Map<Integer, CustomerEvent.ContractInvoiced>> invoices, long version,
                          String headHash) {
        this.id = id;
        this.tenant = tenant;
        this.branch = branch;
        this.registeredAt = registeredAt;
        this.profile = profile;
        this.sites = sites;
        this.equipment = equipment;
        this.contracts = contracts;
        this.invoices = invoices;
        this.version = version;
        this.headHash = headHash;
    }

    /** The state after a stream's first event, which must be {@link CustomerEvent.CustomerRegistered}. */
    public static CustomerState of(CustomerEvent.CustomerRegistered registered) {
        return new CustomerState(registered.header().customer(), registered.header().tenant(), registered.branch(),
                registered.header().occurredAt(), registered.profile(), Map.of(), Map.of(), Map.of(), Map.of(), 1,
                CustomerHashChain.hash(registered));
    }

    /** The fold of a whole stream; an empty stream or one not starting with a registration is an error. */
    public static CustomerState fold(List<? extends CustomerEvent> stream) {
        if (stream.isEmpty() || !(stream.get(0) instanceof CustomerEvent.CustomerRegistered first)) {
            throw new IllegalArgumentException("a customer stream must start with CustomerRegistered");
        }
        CustomerState state = of(first);
        for (int i = 1; i < stream.size(); i++) {
            state = state.apply(stream.get(i));
        }
        return state;
    }

    /** The state after {@code event}, the next event of this customer's stream. */
    public CustomerState apply(CustomerEvent event) {
        Objects.requireNonNull(event, "event");
        if (!event.header().customer().equals(id) || event.header().version() != version + 1) {
            throw new IllegalArgumentException("event " + event.header().eventId() + " of " + event.header().stream()
                    + " version " + event.header().version() + " does not follow " + id + " at version " + version);
        }
        CustomerProfile nextProfile = profile;
        Map<SiteId, CustomerSite> nextSites = sites;
        Map<EquipmentId, Equipment> nextEquipment = equipment;
        Map<ContractId, ContractRecord> nextContracts = contracts;
        Map<ContractId, Map<Integer, CustomerEvent.ContractInvoiced>> nextInvoices = invoices;
        Instant at = event.header().occurredAt();
        if (event instanceof CustomerEvent.ProfileChanged p) {
            nextProfile = p.profile();
        } else if (event instanceof CustomerEvent.SiteAdded s) {
            nextSites = with(sites, s.site().id(), s.site());
        } else if (event instanceof CustomerEvent.EquipmentInstalled e) {
            nextEquipment = with(equipment, e.equipment().id(), e.equipment());
        } else if (event instanceof CustomerEvent.ContractDrafted d) {
            nextContracts = with(contracts, d.terms().id(), new ContractRecord(id, branch, d.terms(),
                    d.header().eventId(), null, null, null, null));
        } else if (event instanceof CustomerEvent.ContractActivated a) {
            ContractRecord contract = contract(a.contract());
            nextContracts = with(contracts, a.contract(), contract.activated(at));
            ContractId renewed = contract.terms().renews();
            if (renewed != null && contracts.containsKey(renewed)) {
                nextContracts = with(nextContracts, renewed, contracts.get(renewed).renewedBy(a.contract()));
            }
        } else if (event instanceof CustomerEvent.ContractCancelled c) {
            nextContracts = with(contracts, c.contract(), contract(c.contract()).cancelled(at, c.reason()));
        } else if (event instanceof CustomerEvent.ContractInvoiced i) {
            contract(i.contract());
            nextInvoices = with(invoices, i.contract(), with(invoices.getOrDefault(i.contract(), Map.of()), i.instalment(), i));
        } else if (event instanceof CustomerEvent.CustomerRegistered) {
            throw new IllegalArgumentException("customer " + id + " is already registered");
        }
        return new CustomerState(id, tenant, branch, registeredAt, nextProfile, nextSites, nextEquipment, nextContracts,
                nextInvoices, version + 1, CustomerHashChain.hash(event));
    }

    private ContractRecord contract(ContractId contract) {
        ContractRecord found = contracts.get(contract);
        if (found == null) {
            throw new IllegalArgumentException("customer " + id + " has no contract " + contract);
        }
        return found;
    }

    private static <K, V> Map<K, V> with(Map<K, V> map, K key, V value) {
        Map<K, V> next = new LinkedHashMap<>(map);
        next.put(key, value);
        return Collections.unmodifiableMap(next);
    }

    /** True when {@code actor} may see this customer: same tenant, and branch staff of the customer's branch. */
    public boolean visibleTo(Actor actor) {
        return actor.tenant().equals(tenant) && actor.covers(branch);
    }

    public CustomerId id() {
        return id;
    }

    public TenantId tenant() {
        return tenant;
    }

    public BranchId branch() {
        return branch;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public CustomerProfile profile() {
        return profile;
    }

    /** The sites, in the order added. */
    public Map<SiteId, CustomerSite> sites() {
        return sites;
    }

    /** The equipment, in the order recorded. */
    public Map<EquipmentId, Equipment> equipment() {
        return equipment;
    }

    /** The contracts, in the order drafted. */
    public Map<ContractId, ContractRecord> contracts() {
        return contracts;
    }

    /** The invoices of a contract's instalments, by instalment number (empty when none was invoiced). */
    public Map<Integer, CustomerEvent.ContractInvoiced> invoices(ContractId contract) {
        return invoices.getOrDefault(contract, Map.of());
    }

    /** The invoice of instalment {@code instalment} (1-based) of {@code contract}, if it was invoiced. */
    public Optional<CustomerEvent.ContractInvoiced> invoice(ContractId contract, int instalment) {
        return Optional.ofNullable(invoices(contract).get(instalment));
    }

    public long version() {
        return version;
    }

    /** The hash of the last event: the next event's previous hash, and a head to keep outside the store. */
    public String headHash() {
        return headHash;
    }

    @Override
    public String toString() {
        return "Customer " + id + " (" + profile.name() + ", branch " + branch + ", " + sites.size() + " sites, "
                + equipment.size() + " units, " + contracts.size() + " contracts, version " + version + ")";
    }
}
