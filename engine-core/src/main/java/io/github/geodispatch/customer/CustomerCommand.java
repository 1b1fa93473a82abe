package io.github.geodispatch.customer;

import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.ContractId;
import io.github.geodispatch.spi.ContractTerms;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.CustomerProfile;
import io.github.geodispatch.spi.CustomerSite;
import io.github.geodispatch.spi.Equipment;
import io.github.geodispatch.spi.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What an actor asks of a customer's record. Every command names its customer; the record decides it against
 * the customer's current state and either appends the resulting events or returns a {@link CustomerRejection}.
 * Commands check their own shape when built (the value records do); formats (phones, e-mail, GSTIN), duplicates
 * and roles are decided by the record. All variants are immutable records and thread-safe.
 */
public sealed interface CustomerCommand {

    /** The customer the command is about. */
    CustomerId customer();

    /** Register a new customer handled by {@code branch}. */
    record RegisterCustomer(CustomerId customer, BranchId branch, CustomerProfile profile) implements CustomerCommand {
        public RegisterCustomer {
            Objects.requireNonNull(customer, "customer");
            Objects.requireNonNull(branch, "branch");
            Objects.requireNonNull(profile, "profile");
        }
    }

    /** Replace the customer's profile. */
    record ChangeProfile(CustomerId customer, CustomerProfile profile) implements CustomerCommand {
        public ChangeProfile {
            Objects.requireNonNull(customer, "customer");
            Objects.requireNonNull(profile, "profile");
        }
    }

    /** Add a service location. */
    record AddSite(CustomerId customer, CustomerSite site) implements CustomerCommand {
        public AddSite {
            Objects.requireNonNull(customer, "customer");
            Objects.requireNonNull(site, "site");
        }
    }

    /** Record equipment at one of the customer's sites; its make and serial must be new in the tenant. */
    record InstallEquipment(CustomerId customer, Equipment equipment) implements CustomerCommand {
        public InstallEquipment {
            Objects.requireNonNull(customer, "customer");
            Objects.requireNonNull(equipment, "equipment");
        }
    }

    /** Draft a contract over the customer's sites and equipment; a renewal names the contract it renews. */
    record DraftContract(CustomerId customer, ContractTerms terms) implements CustomerCommand {
        public DraftContract {
            Objects.requireNonNull(customer, "customer");
            Objects.requireNonNull(terms, "terms");
        }
    }

    /** Activate a drafted contract (signed, first payment in); a renewal marks the contract it renews RENEWED. */
    record ActivateContract(CustomerId customer, ContractId contract) implements CustomerCommand {
        public ActivateContract {
            Objects.requireNonNull(customer, "customer");
            Objects.requireNonNull(contract, "contract");
        }
    }

    /** Cancel a drafted or active contract; it covers nothing from the day of the cancellation. */
    record CancelContract(CustomerId customer, ContractId contract, String reason) implements CustomerCommand {
        public CancelContract {
            Objects.requireNonNull(customer, "customer");
            Objects.requireNonNull(contract, "contract");
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("cancelling contract " + contract + " needs a reason");
            }
        }
    }

    /**
     * Record that instalment {@code instalment} (1-based) of an activated contract was invoiced as
     * {@code invoiceNumber} on {@code date} ({@code taxableValue} before tax, {@code total} with it). Recording the same
     * invoice again changes nothing; another number for an invoiced instalment is refused.
     */
    record RecordContractInvoice(CustomerId customer, ContractId contract, int instalment, String invoiceNumber,
                                 LocalDate date, Money taxableValue, Money total) implements CustomerCommand {
        public RecordContractInvoice {
            Objects.requireNonNull(customer, "customer");
            Objects.requireNonNull(contract, "contract");
            Objects.requireNonNull(date, "invoice date");
            Objects.requireNonNull(taxableValue, "taxable value");
            Objects.requireNonNull(total, "total");
            if (invoiceNumber == null || invoiceNumber.isBlank()) {
                throw new IllegalArgumentException("an invoiced instalment of " + contract + " needs its invoice number");
            }
        }
    }
}
