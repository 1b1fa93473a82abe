package io.github.geodispatch.customer;

import java.util.Objects;

/**
 * Why a customer command was refused: a machine-readable {@link Reason} and a message an office clerk can read.
 * A rejected command changed nothing. Immutable and thread-safe.
 */
public record CustomerRejection(Reason reason, String message) {
    public CustomerRejection {
        Objects.requireNonNull(reason, "reason");
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("rejection message must not be blank");
        }
    }

    /** The reason codes of a rejection. */
    public enum Reason {
        /** No customer with this id in the actor's tenant (or not visible to the actor). */
        CUSTOMER_NOT_FOUND,
        /** A customer with this id already exists in the tenant. */
        CUSTOMER_ALREADY_EXISTS,
        /** The actor's role may not issue this command. */
        ROLE_NOT_PERMITTED,
        /** The actor's branch does not cover the customer's branch. */
        OUTSIDE_BRANCH,
        /** A phone number that is not E.164 (+91 and ten digits, +254 and nine, or another country's E.164). */
        INVALID_PHONE,
        /** An e-mail address that is not one. */
        INVALID_EMAIL,
        /** A GSTIN that fails its format or check character, or a state code that does not match it. */
        INVALID_GSTIN,
        /** A site this customer does not have. */
        UNKNOWN_SITE,
        /** A site id this customer already has. */
        DUPLICATE_SITE,
        /** Equipment this customer does not have (or not at the contract's sites). */
        UNKNOWN_EQUIPMENT,
        /** An equipment id this customer already has. */
        DUPLICATE_EQUIPMENT,
        /** The make and serial number of equipment already recorded in the tenant. */
        DUPLICATE_SERIAL,
        /** A contract this customer does not have. */
        UNKNOWN_CONTRACT,
        /** A contract id already used in the tenant. */
        DUPLICATE_CONTRACT,
        /** The contract's status does not allow the move (activating a cancelled contract, renewing twice). */
        ILLEGAL_CONTRACT_TRANSITION,
        /** The contract's instalment was already invoiced under another number. */
        INSTALMENT_ALREADY_INVOICED,
        /** A value the command cannot carry (the message names it). */
        INVALID_INPUT,
        /** Other writers kept changing the customer; re-read and retry. */
        CONCURRENCY_CONFLICT
    }
}
