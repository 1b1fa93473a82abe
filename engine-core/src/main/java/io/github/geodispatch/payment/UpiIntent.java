package io.github.geodispatch.payment;

import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.Money;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A UPI payment request as NPCI's deep-link ("intent") parameters: {@code pa} payee VPA, {@code pn} payee
 * name, {@code am} amount with two decimals, {@code cu} INR, {@code tr} the transaction reference that comes
 * back on the settlement (a job reference or an invoice number), {@code tn} a note, and optionally
 * {@code mc} the merchant category code. {@link #uri()} is the {@code upi://pay?...} link a phone opens;
 * {@link #qrPayload()} the text a UPI QR code carries (the same link).
 *
 * <pre>{@code
 * String link = UpiIntent.builder().payee("coolair@okaxis", "Cool Air Services")
 *         .amount(Money.inr(149_900)).reference("J-1").note("AC service J-1").build().uri();
 * // upi://pay?pa=coolair@okaxis&pn=Cool%20Air%20Services&am=1499.00&cu=INR&tr=J-1&tn=AC%20service%20J-1
 * }</pre>
 *
 * Values are percent-encoded per RFC 3986 (UTF-8; space is {@code %20}); {@code @} stays literal as query
 * text allows it. Immutable and thread-safe.
 */
public final class UpiIntent {
    private static final Pattern VPA = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,255}@[A-Za-z][A-Za-z0-9.-]{1,63}");
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9._/-]{1,35}");
    private static final Pattern MCC = Pattern.compile("\\d{4}");

    private final String vpa;
    private final String name;
    private final Money amount;
    private final String reference;
    private final String note;
    private final String merchantCode;

    private UpiIntent(Builder b) {
        this.vpa = b.vpa;
        this.name = b.name;
        this.amount = b.amount;
        this.reference = b.reference;
        this.note = b.note;
        this.merchantCode = b.merchantCode;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** True when {@code vpa} looks like a UPI virtual payment address ({@code handle@psp}). */
    public static boolean isValidVpa(String vpa) {
        return vpa != null && VPA.matcher(vpa).matches();
    }

    public String vpa() {
        return vpa;
    }

    public Money amount() {
        return amount;
    }

    public String reference() {
        return reference;
    }

    /** The {@code upi://pay?...} deep link. */
    public String uri() {
        StringBuilder s = new StringBuilder(128).append("upi://pay?pa=").append(encode(vpa))
                .append("&pn=").append(encode(name));
        if (merchantCode != null) {
            s.append("&mc=").append(merchantCode);
        }
        s.append("&am=").append(amount.toPlainString()).append("&cu=INR&tr=").append(encode(reference));
        if (note != null) {
            s.append("&tn=").append(encode(note));
        }
        return s.toString();
    }

    /** The payload of a UPI QR code for this request (the deep link). */
    public String qrPayload() {
        return uri();
    }

    @Override
    public String toString() {
        return uri();
    }

    /** RFC 3986 percent-encoding of a query value: unreserved characters and {@code @} stay, the rest is %XX. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~' || c == '@') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    /** Builds a {@link UpiIntent}; each setter validates at once and may be called once. Not thread-safe. */
    public static final class Builder {
        private String vpa;
        private String name;
        private Money amount;
        private String reference;
        private String note;
        private String merchantCode;

        private Builder() {}

        /** The payee's VPA ({@code handle@psp}) and display name. */
        public Builder payee(String vpa, String name) {
            once(this.vpa, "payee");
            if (!isValidVpa(vpa)) {
                throw new IllegalArgumentException("payee VPA must look like name@psp, was '" + vpa + "'");
            }
            if (name == null || name.isBlank() || name.length() > 99) {
                throw new IllegalArgumentException("payee name must be 1-99 characters, was '" + name + "'");
            }
            this.vpa = vpa;
            this.name = name.strip();
            return this;
        }

        /** The amount in INR: positive, at most two decimals (guaranteed by {@link Money}). */
        public Builder amount(Money amount) {
            once(this.amount, "amount");
            Objects.requireNonNull(amount, "amount");
            if (amount.currency() != Currency.INR) {
                throw new IllegalArgumentException("UPI amounts are in INR, was " + amount.currency());
            }
            if (!amount.isPositive()) {
                throw new IllegalArgumentException("UPI amount must be positive, was " + amount.toPlainString());
            }
            this.amount = amount;
            return this;
        }

        /** The decimal amount as text, e.g. {@code "1499.00"}: no sign, at most two decimals. */
        public Builder amount(String amount) {
            if (amount == null || !amount.matches("\\d{1,10}(\\.\\d{1,2})?")) {
                throw new IllegalArgumentException("UPI amount must be a non-negative decimal with at most two decimals, was '"
                        + amount + "'");
            }
            return amount(Money.parse(amount, Currency.INR));
        }

        /** The transaction reference ({@code tr}): the job reference or invoice number, 1-35 of [A-Za-z0-9._/-]. */
        public Builder reference(String reference) {
            once(this.reference, "reference");
            if (reference == null || !REFERENCE.matcher(reference).matches()) {
                throw new IllegalArgumentException("transaction reference must be 1-35 of letters, digits and . _ / -, was '"
                        + reference + "'");
            }
            this.reference = reference;
            return this;
        }

        /** The note ({@code tn}) the payer sees, at most 80 characters. */
        public Builder note(String note) {
            once(this.note, "note");
            if (note == null || note.isBlank() || note.length() > 80) {
                throw new IllegalArgumentException("note must be 1-80 characters, was '" + note + "'");
            }
            this.note = note;
            return this;
        }

        /** The merchant category code ({@code mc}), four digits. */
        public Builder merchantCode(String mcc) {
            once(this.merchantCode, "merchant code");
            if (mcc == null || !MCC.matcher(mcc).matches()) {
                throw new IllegalArgumentException("merchant code must be four digits, was '" + mcc + "'");
            }
            this.merchantCode = mcc;
            return this;
        }

        public UpiIntent build() {
            if (vpa == null) {
                throw new IllegalStateException("payee is required");
            }
            if (amount == null) {
                throw new IllegalStateException("amount is required");
            }
            if (reference == null) {
                throw new IllegalStateException("reference (tr) is required");
            }
            return new UpiIntent(this);
        }

        private static void once(Object current, String what) {
            if (current != null) {
                throw new IllegalStateException(what + " was already set");
            }
        }
    }
}
