package io.github.geodispatch.customer;

import io.github.geodispatch.billing.Gstin;
import io.github.geodispatch.billing.GstState;
import io.github.geodispatch.customer.CustomerCommand.ActivateContract;
import io.github.geodispatch.customer.CustomerCommand.AddSite;
import io.github.geodispatch.customer.CustomerCommand.CancelContract;
import io.github.geodispatch.customer.CustomerCommand.RecordContractInvoice;
import io.github.geodispatch.customer.CustomerCommand.ChangeProfile;
import io.github.geodispatch.customer.CustomerCommand.DraftContract;
import io.github.geodispatch.customer.CustomerCommand.InstallEquipment;
import io.github.geodispatch.customer.CustomerCommand.RegisterCustomer;
import io.github.geodispatch.customer.CustomerRejection.Reason;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.ContractTerms;
import io.github.geodispatch.spi.CustomerEvent;
import io.github.geodispatch.spi.CustomerEventHeader;
import io.github.geodispatch.spi.CustomerHashChain;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.CustomerProfile;
import io.github.geodispatch.spi.CustomerStreamId;
import io.github.geodispatch.spi.Equipment;
import io.github.geodispatch.spi.EquipmentId;
import io.github.geodispatch.spi.Role;
import io.github.geodispatch.spi.SiteId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Decides a {@link CustomerCommand} against a customer's current state: the pure heart of the customer record,
 * also used to import a journal's customer history by the same rules. In order it checks that the customer
 * exists in the actor's tenant (or, to register, does not), the actor's role and branch, then the command's
 * content. Roles:
 * <ul>
 *   <li>register, change profile, add a site: OWNER, DISPATCHER, SYSTEM;</li>
 *   <li>record equipment: those and TECHNICIAN;</li>
 *   <li>draft a contract: OWNER, DISPATCHER, ACCOUNTANT, SYSTEM; activate or cancel one: OWNER, ACCOUNTANT, SYSTEM.</li>
 * </ul>
 * A profile's phones are stored in canonical E.164 and its GSTIN upper case, with the state code taken from the
 * GSTIN when none is given. Repeating what the record already holds (the same site, equipment, draft, an active
 * contract activated again) is accepted with nothing to append. Stateless and thread-safe.
 */
public final class CustomerDecisions {
    private static final Set<Role> PROFILE_ROLES = EnumSet.of(Role.OWNER, Role.DISPATCHER, Role.SYSTEM);
    private static final Set<Role> EQUIPMENT_ROLES = EnumSet.of(Role.OWNER, Role.DISPATCHER, Role.SYSTEM, Role.TECHNICIAN);
    private static final Set<Role> DRAFT_ROLES = EnumSet.of(Role.OWNER, Role.DISPATCHER, Role.ACCOUNTANT, Role.SYSTEM);
    private static final Set<Role> SIGN_ROLES = EnumSet.of(Role.OWNER, Role.ACCOUNTANT, Role.SYSTEM);

    private CustomerDecisions() {}

    /** The outcome: the events to append (none when the command repeats the record), or a rejection. */
    public record Decision(List<CustomerEvent> events, CustomerRejection rejection) {
        public Decision {
            events = List.copyOf(events);
            if (rejection != null && !events.isEmpty()) {
                throw new IllegalArgumentException("a rejected decision carries no events");
            }
        }

        public boolean isAccepted() {
            return rejection == null;
        }

        static Decision accept(CustomerEvent event) {
            return new Decision(List.of(event), null);
        }

        static Decision alreadyDone() {
            return new Decision(List.of(), null);
        }

        static Decision reject(Reason reason, String message) {
            return new Decision(List.of(), new CustomerRejection(reason, message));
        }
    }

    /**
     * Decides {@code command} of {@code actor} at {@code now}. {@code current} is the customer's state, or null when
     * the actor's tenant has no such customer; new events take their ids from {@code eventIds} and chain onto
     * {@code current}; {@code index} answers the tenant-wide uniqueness of serials and contract ids.
     */
    public static Decision decide(CustomerState current, Actor actor, CustomerCommand command, Instant now,
                                  Supplier<UUID> eventIds, TenantIndex index) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(eventIds, "event ids");
        Objects.requireNonNull(index, "tenant index");
        try {
            if (command instanceof RegisterCustomer register) {
                return register(current, actor, register, now, eventIds);
            }
            if (current == null || !current.tenant().equals(actor.tenant())) {
                return Decision.reject(Reason.CUSTOMER_NOT_FOUND, "no customer " + command.customer() + " in tenant "
                        + actor.tenant());
            }
            Set<Role> roles = command instanceof InstallEquipment ? EQUIPMENT_ROLES
                    : command instanceof DraftContract ? DRAFT_ROLES
                    : command instanceof ActivateContract || command instanceof CancelContract
                    || command instanceof RecordContractInvoice ? SIGN_ROLES
                    : PROFILE_ROLES;
            Decision denied = permit(actor, roles, current.branch().value(), command);
            if (denied != null) {
                return denied;
            }
            CustomerEventHeader header = new CustomerEventHeader(eventIds.get(), stream(actor, current.id()),
                    current.version() + 1, now, actor, current.headHash());
            if (command instanceof ChangeProfile change) {
                Checked checked = profile(change.profile());
                if (checked.rejection() != null) {
                    return checked.rejection();
                }
                return checked.profile().equals(current.profile()) ? Decision.alreadyDone()
                        : Decision.accept(new CustomerEvent.ProfileChanged(header, checked.profile()));
            } else if (command instanceof AddSite add) {
                return addSite(current, header, add);
            } else if (command instanceof InstallEquipment install) {
                return install(current, header, install.equipment(), index);
            } else if (command instanceof DraftContract draft) {
                return draft(current, header, draft.terms(), index);
            } else if (command instanceof ActivateContract activate) {
                return activate(current, header, activate);
            } else if (command instanceof CancelContract cancel) {
                return cancel(current, header, cancel);
            } else if (command instanceof RecordContractInvoice invoiced) {
                return invoiced(current, header, invoiced);
            }
            throw new IllegalStateException("unknown command " + command.getClass().getName());
        } catch (IllegalArgumentException | ArithmeticException e) {
            return Decision.reject(Reason.INVALID_INPUT, e.getMessage());
        }
    }

    private static Decision register(CustomerState current, Actor actor, RegisterCustomer c, Instant now,
                                     Supplier<UUID> ids) {
        Decision denied = permit(actor, PROFILE_ROLES, null, c);
        if (denied != null) {
            return denied;
        }
        if (!actor.covers(c.branch())) {
            return Decision.reject(Reason.OUTSIDE_BRANCH, "actor " + actor.id() + " of branch " + actor.branch()
                    + " may not register a customer for branch " + c.branch());
        }
        if (current != null) {
            return Decision.reject(Reason.CUSTOMER_ALREADY_EXISTS, "customer " + c.customer() + " already exists");
        }
        CustomerEventHeader header = new CustomerEventHeader(ids.get(), stream(actor, c.customer()), 1, now, actor,
                CustomerHashChain.head(List.of()));
        Checked checked = profile(c.profile());
        return checked.rejection() != null ? checked.rejection()
                : Decision.accept(new CustomerEvent.CustomerRegistered(header, c.branch(), checked.profile()));
    }

    private static Decision permit(Actor actor, Set<Role> roles, String branch, CustomerCommand command) {
        if (!roles.contains(actor.role())) {
            return Decision.reject(Reason.ROLE_NOT_PERMITTED, actor.role() + " may not "
                    + command.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase());
        }
        if (branch != null && actor.branch() != null && !actor.branch().value().equals(branch)) {
            return Decision.reject(Reason.OUTSIDE_BRANCH, "actor " + actor.id() + " of branch " + actor.branch()
                    + " may not change customer " + command.customer() + " of branch " + branch);
        }
        return null;
    }

    private static CustomerStreamId stream(Actor actor, CustomerId customer) {
        return CustomerStreamId.of(actor.tenant(), customer);
    }

    /** A checked profile, or the rejection of its first bad value. */
    private record Checked(CustomerProfile profile, Decision rejection) {}

    /** The profile with canonical phones, e-mail, GSTIN and state code, or the rejection naming its first bad value. */
    private static Checked profile(CustomerProfile p) {
        List<String> phones = new ArrayList<>();
        for (String typed : p.phones()) {
            StringBuilder problem = new StringBuilder();
            Optional<String> phone = ContactFormats.phone(typed, problem);
            if (phone.isEmpty()) {
                return new Checked(null, Decision.reject(Reason.INVALID_PHONE, problem.toString()));
            }
            if (!phones.contains(phone.get())) {
                phones.add(phone.get());
            }
        }
        String email = p.email() == null || p.email().isBlank() ? null : p.email().strip();
        if (email != null && ContactFormats.emailProblem(email).isPresent()) {
            return new Checked(null, Decision.reject(Reason.INVALID_EMAIL, ContactFormats.emailProblem(email).get()));
        }
        Optional<String> language = ContactFormats.languageProblem(p.language());
        if (language.isPresent()) {
            return new Checked(null, Decision.reject(Reason.INVALID_INPUT, language.get()));
        }
        String gstin = null;
        String stateCode = p.stateCode() == null || p.stateCode().isBlank() ? null : p.stateCode().strip();
        if (p.gstin() != null && !p.gstin().isBlank()) {
            try {
                Gstin parsed = Gstin.parse(p.gstin());
                gstin = parsed.value();
                if (stateCode != null && !stateCode.equals(parsed.stateCode())) {
                    return new Checked(null, Decision.reject(Reason.INVALID_GSTIN, "state code " + stateCode
                            + " does not match GSTIN " + gstin + " of state " + parsed.stateCode()));
                }
                stateCode = parsed.stateCode();
            } catch (IllegalArgumentException e) {
                return new Checked(null, Decision.reject(Reason.INVALID_GSTIN, e.getMessage()));
            }
        } else if (stateCode != null && GstState.byCode(stateCode).isEmpty()) {
            return new Checked(null, Decision.reject(Reason.INVALID_INPUT, "state code '" + stateCode
                    + "' is not a GST state code (two digits, e.g. 29 for Karnataka)"));
        }
        return new Checked(new CustomerProfile(p.name().strip(), phones, email, p.language(), gstin, stateCode,
                p.billingAddress()), null);
    }

    private static Decision addSite(CustomerState current, CustomerEventHeader header, AddSite add) {
        var existing = current.sites().get(add.site().id());
        if (existing != null) {
            return existing.equals(add.site()) ? Decision.alreadyDone() : Decision.reject(Reason.DUPLICATE_SITE,
                    "customer " + current.id() + " already has a site " + add.site().id());
        }
        return Decision.accept(new CustomerEvent.SiteAdded(header, add.site()));
    }

    private static Decision install(CustomerState current, CustomerEventHeader header, Equipment e, TenantIndex index) {
        Equipment existing = current.equipment().get(e.id());
        if (existing != null) {
            return existing.equals(e) ? Decision.alreadyDone() : Decision.reject(Reason.DUPLICATE_EQUIPMENT,
                    "customer " + current.id() + " already has equipment " + e.id());
        }
        if (!current.sites().containsKey(e.site())) {
            return Decision.reject(Reason.UNKNOWN_SITE, "customer " + current.id() + " has no site " + e.site()
                    + " for equipment " + e.id());
        }
        if (current.holdsSerial(TenantIndex.serialKey(e.make(), e.serial()))) {
            return duplicateSerial(e, current.id());
        }
        Optional<CustomerId> owner = index.serialOwner(e.make(), e.serial());
        if (owner.isPresent()) {
            return duplicateSerial(e, owner.get());
        }
        return Decision.accept(new CustomerEvent.EquipmentInstalled(header, e));
    }

    private static Decision duplicateSerial(Equipment e, CustomerId owner) {
        return Decision.reject(Reason.DUPLICATE_SERIAL, (e.make().isEmpty() ? "" : e.make() + " ") + "serial "
                + e.serial() + " of " + e.id() + " is already recorded for customer " + owner);
    }

    private static Decision draft(CustomerState current, CustomerEventHeader header, ContractTerms terms,
                                  TenantIndex index) {
        ContractRecord existing = current.contracts().get(terms.id());
        if (existing != null) {
            return existing.terms().equals(terms) ? Decision.alreadyDone() : Decision.reject(Reason.DUPLICATE_CONTRACT,
                    "customer " + current.id() + " already has a contract " + terms.id());
        }
        Optional<CustomerId> owner = index.contractOwner(terms.id());
        if (owner.isPresent()) {
            return Decision.reject(Reason.DUPLICATE_CONTRACT, "contract id " + terms.id() + " is already used by customer "
                    + owner.get());
        }
        for (SiteId site : terms.sites()) {
            if (!current.sites().containsKey(site)) {
                return Decision.reject(Reason.UNKNOWN_SITE, "contract " + terms.id() + " covers site " + site
                        + ", which customer " + current.id() + " does not have");
            }
        }
        for (EquipmentId unit : terms.equipment()) {
            Equipment e = current.equipment().get(unit);
            if (e == null || !terms.sites().contains(e.site())) {
                return Decision.reject(Reason.UNKNOWN_EQUIPMENT, "contract " + terms.id() + " covers equipment " + unit
                        + ", which customer " + current.id() + " does not have at the contract's sites");
            }
        }
        if (terms.renews() != null && !current.contracts().containsKey(terms.renews())) {
            return Decision.reject(Reason.UNKNOWN_CONTRACT, "contract " + terms.id() + " renews " + terms.renews()
                    + ", which customer " + current.id() + " does not have");
        }
        return Decision.accept(new CustomerEvent.ContractDrafted(header, terms));
    }

    private static Decision activate(CustomerState current, CustomerEventHeader header, ActivateContract a) {
        ContractRecord contract = current.contracts().get(a.contract());
        if (contract == null) {
            return unknownContract(current, a.contract().value());
        }
        if (contract.cancelledAt() != null) {
            return Decision.reject(Reason.ILLEGAL_CONTRACT_TRANSITION, "contract " + a.contract() + " was cancelled");
        }
        if (contract.activated()) {
            return Decision.alreadyDone();
        }
        if (contract.terms().renews() != null) {
            ContractRecord renewed = current.contracts().get(contract.terms().renews());
            if (!renewed.activated() || renewed.cancelledAt() != null || renewed.renewedBy() != null) {
                return Decision.reject(Reason.ILLEGAL_CONTRACT_TRANSITION, "contract " + a.contract() + " renews "
                        + renewed.id() + ", which is " + (renewed.renewedBy() != null ? "renewed by " + renewed.renewedBy()
                        : renewed.cancelledAt() != null ? "cancelled" : "not active"));
            }
        }
        return Decision.accept(new CustomerEvent.ContractActivated(header, a.contract()));
    }

    private static Decision cancel(CustomerState current, CustomerEventHeader header, CancelContract c) {
        ContractRecord contract = current.contracts().get(c.contract());
        if (contract == null) {
            return unknownContract(current, c.contract().value());
        }
        if (contract.cancelledAt() != null) {
            return Decision.alreadyDone();
        }
        if (contract.renewedBy() != null) {
            return Decision.reject(Reason.ILLEGAL_CONTRACT_TRANSITION, "contract " + c.contract() + " was renewed by "
                    + contract.renewedBy() + "; cancel the renewal instead");
        }
        return Decision.accept(new CustomerEvent.ContractCancelled(header, c.contract(), c.reason().strip()));
    }

    private static Decision invoiced(CustomerState current, CustomerEventHeader header, RecordContractInvoice r) {
        ContractRecord contract = current.contracts().get(r.contract());
        if (contract == null) {
            return unknownContract(current, r.contract().value());
        }
        if (!contract.activated()) {
            return Decision.reject(Reason.ILLEGAL_CONTRACT_TRANSITION, "contract " + r.contract()
                    + " is not activated; only an activated contract is invoiced");
        }
        if (r.instalment() < 1 || r.instalment() > contract.terms().instalments()) {
            return Decision.reject(Reason.INVALID_INPUT, "contract " + r.contract() + " has instalments 1-"
                    + contract.terms().instalments() + ", not " + r.instalment());
        }
        CustomerEvent.ContractInvoiced previous = current.invoice(r.contract(), r.instalment()).orElse(null);
        if (previous != null) {
            if (previous.invoiceNumber().equals(r.invoiceNumber().strip())) {
                return Decision.alreadyDone();
            }
            return Decision.reject(Reason.INSTALMENT_ALREADY_INVOICED, "instalment " + r.instalment() + " of contract "
                    + r.contract() + " was invoiced as " + previous.invoiceNumber() + "; not recording "
                    + r.invoiceNumber());
        }
        return Decision.accept(new CustomerEvent.ContractInvoiced(header, r.contract(), r.instalment(),
                r.invoiceNumber().strip(), r.date(), r.taxableValue(), r.total()));
    }

    private static Decision unknownContract(CustomerState current, String contract) {
        return Decision.reject(Reason.UNKNOWN_CONTRACT, "customer " + current.id() + " has no contract " + contract);
    }
}
