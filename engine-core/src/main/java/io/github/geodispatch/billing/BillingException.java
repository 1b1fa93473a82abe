package io.github.geodispatch.billing;

/**
 * Bad billing input: an unknown tax code, a place of supply that does not exist, a seller profile that
 * is incomplete, an exhausted invoice series. The message names the problem and the value. Immutable.
 */
public class BillingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public BillingException(String message) {
        super(message);
    }

    public BillingException(String message, Throwable cause) {
        super(message, cause);
    }
}
