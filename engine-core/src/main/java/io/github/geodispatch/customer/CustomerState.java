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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pcollections.HashTreePSet;
import org.pcollections.PSet;

/**
 * A customer as the fold of their stream: profile, branch, sites, equipment and contracts (each in the order
 * recorded), the stream's version and head hash. Immutable and thread-safe; {@link #apply} returns a new state,
 * which shares all but the changed entry with this one (persistent maps: a customer with thousands of sites and
 * contracts costs each event a few lookups, not a copy of them all).
 */
public final class CustomerState {
    private final CustomerId id;
    private final TenantId tenant;
    private final BranchId branch;
    private final Instant registeredAt;
    private final CustomerProfile profile;
    private final PersistentMap<SiteId, CustomerSite> sites;
    private final PersistentMap<EquipmentId, Equipment> equipment;
    /** The equipment's make-and-serial keys ({@link TenantIndex#serialKey}). */
    private final PSet<String> serialKeys;
    private final PersistentMap<ContractId, ContractRecord> contracts;
    /** The invoiced instalments of each contract, by instalment number. */
    private final PersistentMap<ContractId, PersistentMap<Integer, CustomerEvent.ContractInvoiced>> invoices;
    private final long version;
    private final String headHash;

    private CustomerState(CustomerId id, TenantId tenant, BranchId branch, Instant registeredAt,
                          CustomerProfile profile, PersistentMap<SiteId, CustomerSite> sites,
                          PersistentMap<EquipmentId, Equipment> equipment, PSet<String> serialKeys,
                          PersistentMap<ContractId, ContractRecord> contracts,
                          PersistentMap<ContractId, PersistentMap<Integer, CustomerEvent.ContractInvoiced>> invoices,
                          long version, String headHash) {
        this.id = id;
        this.tenant = tenant;
        this.branch = branch;
        this.registeredAt = registeredAt;
        this.profile = profile;
        this.sites = sites;
        this.equipment = equipment;
        this.serialKeys = serialKeys;
        this.contracts = contracts;
        this.invoices = invoices;
        this.version = version;
        this.headHash = headHash;
    }

    /** The state after a stream's first event, which must be {@link CustomerEvent.CustomerRegistered}. */
    public static CustomerState of(CustomerEvent.CustomerRegistered registered) {
        return new CustomerState(registered.header().customer(), registered.header().tenant(), registered.branch(),
                registered.header().occurredAt(), registered.profile(), PersistentMap.empty(), PersistentMap.empty(),
                HashTreePSet.empty(), PersistentMap.empty(), PersistentMap.empty(), 1,
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
        PersistentMap<SiteId, CustomerSite> nextSites = sites;
        PersistentMap<EquipmentId, Equipment> nextEquipment = equipment;
        PSet<String> nextSerialKeys = serialKeys;
        PersistentMap<ContractId, ContractRecord> nextContracts = contracts;
        PersistentMap<ContractId, PersistentMap<Integer, CustomerEvent.ContractInvoiced>> nextInvoices = invoices;
        Instant at = event.header().occurredAt();
        if (event instanceof CustomerEvent.ProfileChanged p) {
            nextProfile = p.profile();
        } else if (event instanceof CustomerEvent.SiteAdded s) {
            nextSites = sites.plus(s.site().id(), s.site());
        } else if (event instanceof CustomerEvent.EquipmentInstalled e) {
            nextEquipment = equipment.plus(e.equipment().id(), e.equipment());
            nextSerialKeys = serialKeys.plus(TenantIndex.serialKey(e.equipment().make(), e.equipment().serial()));
        } else if (event instanceof CustomerEvent.ContractDrafted d) {
            nextContracts = contracts.plus(d.terms().id(), new ContractRecord(id, branch, d.terms(),
                    d.header().eventId(), null, null, null, null));
        } else if (event instanceof CustomerEvent.ContractActivated a) {
            ContractRecord contract = contract(a.contract());
            nextContracts = contracts.plus(a.contract(), contract.activated(at));
            ContractId renewed = contract.terms().renews();
            if (renewed != null && contracts.containsKey(renewed)) {
                nextContracts = nextContracts.plus(renewed, contracts.get(renewed).renewedBy(a.contract()));
            }
        } else if (event instanceof CustomerEvent.ContractCancelled c) {
            nextContracts = contracts.plus(c.contract(), contract(c.contract()).cancelled(at, c.reason()));
        } else if (event instanceof CustomerEvent.ContractInvoiced i) {
            contract(i.contract());
            nextInvoices = invoices.plus(i.contract(),
                    invoices.getOrDefault(i.contract(), PersistentMap.empty()).plus(i.instalment(), i));
        } else if (event instanceof CustomerEvent.CustomerRegistered) {
            throw new IllegalArgumentException("customer " + id + " is already registered");
        }
        return new CustomerState(id, tenant, branch, registeredAt, nextProfile, nextSites, nextEquipment, nextSerialKeys,
                nextContracts, nextInvoices, version + 1, CustomerHashChain.hash(event));
    }

    private ContractRecord contract(ContractId contract) {
        ContractRecord found = contracts.get(contract);
        if (found == null) {
            throw new IllegalArgumentException("customer " + id + " has no contract " + contract);
        }
        return found;
    }

    /** Whether some equipment of this customer has this make-and-serial key ({@link TenantIndex#serialKey}). */
    boolean holdsSerial(String serialKey) {
        return serialKeys.contains(serialKey);
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
        return invoices.getOrDefault(contract, PersistentMap.empty());
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
