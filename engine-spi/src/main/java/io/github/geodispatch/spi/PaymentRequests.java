package io.github.geodispatch.spi;

/**
 * The port that asks a payer's phone for a payment (Safaricom Daraja's M-Pesa Express, "STK push"). The answer comes
 * later as a {@link PaymentCallback} the host hands to the engine. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface PaymentRequests {

    /**
     * Sends {@code request}.
     *
     * @throws ProviderException when the provider did not take it
     */
    PaymentRequestReceipt request(PaymentRequest request);

}
