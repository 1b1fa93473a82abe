package io.github.geodispatch.spi;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Every fact about a customer is one of these, appended to that customer's stream: who they are, their sites,
 * the equipment at them, and their contracts. Current state is a fold of the stream. The
 * {@link CustomerHashChain} hashes each event's canonical bytes ({@link CustomerEncoding}), so components are
 * records, enums, strings, numbers, dates, instants and lists only, and a new component needs a new tag there.
 *
 * <p>A contract's status follows from its events and the day: DRAFT after {@link ContractDrafted}, ACTIVE
 * after {@link ContractActivated} within its term, EXPIRED after its end, RENEWED once a contract that renews
 * it is activated, CANCELLED after {@link ContractCancelled}.
 */
public sealed interface CustomerEvent {
    CustomerEventHeader header();

    /** The customer was registered (version 1 of its stream), handled by {@code branch}. */
    record CustomerRegistered(CustomerEventHeader header, BranchId branch, CustomerProfile profile)
            implements CustomerEvent {
        public CustomerRegistered {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(branch, "branch");
            Objects.requireNonNull(profile, "profile");
        }
    }

    /** The customer's profile was replaced by {@code profile}. */
    record ProfileChanged(CustomerEventHeader header, CustomerProfile profile) implements CustomerEvent {
        public ProfileChanged {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(profile, "profile");
        }
    }

    /** A service location was added. */
    record SiteAdded(CustomerEventHeader header, CustomerSite site) implements CustomerEvent {
        public SiteAdded {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(site, "site");
        }
    }

    /** Equipment was recorded at one of the customer's sites. */
    record EquipmentInstalled(CustomerEventHeader header, Equipment equipment) implements CustomerEvent {
        public EquipmentInstalled {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(equipment, "equipment");
        }
    }

    /** A contract was drafted with these terms (it covers nothing until activated). */
    record ContractDrafted(CustomerEventHeader header, ContractTerms terms) implements CustomerEvent {
        public ContractDrafted {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(terms, "terms");
        }
    }

    /** A drafted contract was signed and paid for (or its first instalment): it covers its term. */
    record ContractActivated(CustomerEventHeader header, ContractId contract) implements CustomerEvent {
        public ContractActivated {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(contract, "contract");
        }
    }

    /** A contract was cancelled: from the day of this event on it covers nothing. */
    record ContractCancelled(CustomerEventHeader header, ContractId contract, String reason) implements CustomerEvent {
        public ContractCancelled {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(contract, "contract");
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a cancellation needs a reason");
            }
        }
    }

    /**
     * Instalment {@code instalment} (1-based) of a contract was invoiced as {@code invoiceNumber}, dated {@code date}:
     * {@code taxableValue} before tax and {@code total} with it. A contract's instalment is invoiced once.
     */
    record ContractInvoiced(CustomerEventHeader header, ContractId contract, int instalment, String invoiceNumber,
                            LocalDate date, Money taxableValue, Money total) implements CustomerEvent {
        public ContractInvoiced {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(contract, "contract");
            if (instalment < 1 || instalment > 12) {
                throw new IllegalArgumentException("instalment must be 1-12, was " + instalment);
            }
            if (invoiceNumber == null || invoiceNumber.isBlank()) {
                throw new IllegalArgumentException("an invoiced instalment needs its invoice number");
            }
            Objects.requireNonNull(date, "invoice date");
            Objects.requireNonNull(taxableValue, "taxable value").requireAmount("taxable value of " + invoiceNumber);
            Objects.requireNonNull(total, "total").requireAmount("total of " + invoiceNumber);
            if (taxableValue.currency() != total.currency()) {
                throw new IllegalArgumentException("invoice " + invoiceNumber + " mixes currencies");
            }
        }
    }
}
