package io.github.geodispatch.messaging;

import io.github.geodispatch.spi.MessageChannel;
import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Objects;

/**
 * How the engine talks to customers and technicians ({@code docs/messaging.md}): quiet hours in the business zone,
 * the per-customer rate limit, the live ETA's threshold and how often it is recomputed, the one-time code's validity
 * and attempts, how long a held message stays worth sending, the retries of a failed send, the UPI payee of payment
 * links, the channel customers' phones are written to, and the base and secret of the feedback links (required).
 * Built by {@link #builder()}. Immutable and thread-safe.
 */
public final class MessagingPolicy {
    private final LocalTime quietFrom;
    private final LocalTime quietUntil;
    private final int rateLimitMessages;
    private final Duration rateLimitWindow;
    private final Duration etaThreshold;
    private final Duration etaRecompute;
    private final Duration otpValidity;
    private final int otpAttempts;
    private final Duration lifetime;
    private final Duration urgentLifetime;
    private final int sendAttempts;
    private final Duration sendLease;
    private final Duration retryBackoff;
    private final String upiPayee;
    private final String upiPayeeName;
    private final MessageChannel customerChannel;
    private final String feedbackBase;
    private final byte[] linkSecret;

    private MessagingPolicy(Builder b) {
        this.quietFrom = b.quietFrom;
        this.quietUntil = b.quietUntil;
        this.rateLimitMessages = b.rateLimitMessages;
        this.rateLimitWindow = b.rateLimitWindow;
        this.etaThreshold = b.etaThreshold;
        this.etaRecompute = b.etaRecompute;
        this.otpValidity = b.otpValidity;
        this.otpAttempts = b.otpAttempts;
        this.lifetime = b.lifetime;
        this.urgentLifetime = b.urgentLifetime;
        this.sendAttempts = b.sendAttempts;
        this.sendLease = b.sendLease;
        this.retryBackoff = b.retryBackoff;
        this.upiPayee = b.upiPayee;
        this.upiPayeeName = b.upiPayeeName;
        this.customerChannel = b.customerChannel;
        this.feedbackBase = b.feedbackBase;
        this.linkSecret = b.linkSecret;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** When quiet hours start (local time in the business zone); equal to {@link #quietUntil()} when there are none. */
    public LocalTime quietFrom() {
        return quietFrom;
    }

    public LocalTime quietUntil() {
        return quietUntil;
    }

    /** True when {@code time} falls in quiet hours (which may run past midnight). */
    public boolean quiet(LocalTime time) {
        if (quietFrom.equals(quietUntil)) {
            return false;
        }
        return quietFrom.isBefore(quietUntil) ? !time.isBefore(quietFrom) && time.isBefore(quietUntil)
                : !time.isBefore(quietFrom) || time.isBefore(quietUntil);
    }

    /** At most this many rate-limited messages to one customer in {@link #rateLimitWindow()}. */
    public int rateLimitMessages() {
        return rateLimitMessages;
    }

    public Duration rateLimitWindow() {
        return rateLimitWindow;
    }

    /** An ETA update goes out when the expected arrival moves by more than this. */
    public Duration etaThreshold() {
        return etaThreshold;
    }

    /** How often a travelling technician's ETA is recomputed from their pings. */
    public Duration etaRecompute() {
        return etaRecompute;
    }

    public Duration otpValidity() {
        return otpValidity;
    }

    /** Wrong codes a one-time code allows. */
    public int otpAttempts() {
        return otpAttempts;
    }

    /** How long a message held by quiet hours, the rate limit or retries is still worth sending. */
    public Duration lifetime() {
        return lifetime;
    }

    /** The same for messages about what is happening now (on the way, ETA, arrived). */
    public Duration urgentLifetime() {
        return urgentLifetime;
    }

    /** How many times a message is handed to a provider before it is FAILED. */
    public int sendAttempts() {
        return sendAttempts;
    }

    /** How long one sender holds a message it is sending before it counts as stopped. */
    public Duration sendLease() {
        return sendLease;
    }

    /** The first retry's wait after a failed send, doubled per attempt (at most one hour). */
    public Duration retryBackoff() {
        return retryBackoff;
    }

    /** The UPI payee address of payment links, or null: no UPI links. */
    public String upiPayee() {
        return upiPayee;
    }

    public String upiPayeeName() {
        return upiPayeeName;
    }

    /** The channel customers' phone numbers are written to: WHATSAPP or SMS. */
    public MessageChannel customerChannel() {
        return customerChannel;
    }

    /** The base of feedback links ({@code ?job=...&t=...} is added). */
    public String feedbackBase() {
        return feedbackBase;
    }

    /** The secret feedback links are signed with (a copy). */
    public byte[] linkSecret() {
        return linkSecret.clone();
    }

    @Override
    public String toString() {
        return "MessagingPolicy{quiet=" + quietFrom + "-" + quietUntil + ", rateLimit=" + rateLimitMessages + "/"
                + rateLimitWindow + ", eta=" + etaThreshold + "/" + etaRecompute + ", otp=" + otpValidity + "x" + otpAttempts
                + ", channel=" + customerChannel + ", feedback=" + feedbackBase + "}";
    }

    /**
     * Builds a {@link MessagingPolicy}. Defaults: quiet hours 21:00-08:00, 10 customer messages an hour, ETA updates
     * past 10 minutes recomputed every minute, one-time codes valid 10 minutes for 3 wrong attempts, held messages
     * worth sending for 3 days (2 hours when urgent), 5 send attempts with a 2-minute lease and a 1-minute back-off,
     * WhatsApp, no UPI payee. {@link #feedbackLinks} is required. Each setter fails at once on a bad or repeated
     * value, naming it. Not thread-safe.
     */
    public static final class Builder {
        private LocalTime quietFrom;
        private LocalTime quietUntil;
        private int rateLimitMessages;
        private Duration rateLimitWindow;
        private Duration etaThreshold;
        private Duration etaRecompute;
        private Duration otpValidity;
        private int otpAttempts;
        private Duration lifetime;
        private Duration urgentLifetime;
        private int sendAttempts;
        private Duration sendLease;
        private Duration retryBackoff;
        private String upiPayee;
        private String upiPayeeName;
        private MessageChannel customerChannel;
        private String feedbackBase;
        private byte[] linkSecret;

        private Builder() {}

        /** Customer messages not about the moment wait from {@code from} to {@code until} (equal: no quiet hours). */
        public Builder quietHours(LocalTime from, LocalTime until) {
            unset(quietFrom, "quiet hours");
            quietFrom = Objects.requireNonNull(from, "quiet hours from");
            quietUntil = Objects.requireNonNull(until, "quiet hours until");
            return this;
        }

        /** At most {@code messages} (1-100) rate-limited messages to a customer per {@code window} (1 min - 1 day). */
        public Builder rateLimit(int messages, Duration window) {
            unset(rateLimitWindow, "rate limit");
            if (messages < 1 || messages > 100) {
                throw new IllegalArgumentException("rate limit messages must be 1-100, was " + messages);
            }
            rateLimitWindow = within(window, Duration.ofMinutes(1), Duration.ofDays(1), "rate limit window");
            rateLimitMessages = messages;
            return this;
        }

        /** ETA updates past {@code threshold} (1 min - 2 h), recomputed every {@code recompute} (5 s - 30 min). */
        public Builder eta(Duration threshold, Duration recompute) {
            unset(etaThreshold, "eta");
            etaThreshold = within(threshold, Duration.ofMinutes(1), Duration.ofHours(2), "eta threshold");
            etaRecompute = within(recompute, Duration.ofSeconds(5), Duration.ofMinutes(30), "eta recompute");
            return this;
        }

        /** One-time codes valid for {@code validity} (1 min - 1 h), allowing {@code attempts} (1-10) wrong codes. */
        public Builder otp(Duration validity, int attempts) {
            unset(otpValidity, "otp");
            otpValidity = within(validity, Duration.ofMinutes(1), Duration.ofHours(1), "otp validity");
            if (attempts < 1 || attempts > 10) {
                throw new IllegalArgumentException("otp attempts must be 1-10, was " + attempts);
            }
            otpAttempts = attempts;
            return this;
        }

        /** Held messages are sent within {@code lifetime} (1 h - 14 days), urgent ones within {@code urgent} (10 min - 12 h). */
        public Builder lifetimes(Duration lifetime, Duration urgent) {
            unset(this.lifetime, "lifetimes");
            this.lifetime = within(lifetime, Duration.ofHours(1), Duration.ofDays(14), "message lifetime");
            this.urgentLifetime = within(urgent, Duration.ofMinutes(10), Duration.ofHours(12), "urgent lifetime");
            return this;
        }

        /**
         * A message is handed to a provider at most {@code attempts} (1-20) times; a sender holds it for {@code lease}
         * (10 s - 1 h); a failed send waits {@code backoff} (1 s - 1 h), doubled per attempt.
         */
        public Builder retries(int attempts, Duration lease, Duration backoff) {
            unset(sendLease, "retries");
            if (attempts < 1 || attempts > 20) {
                throw new IllegalArgumentException("send attempts must be 1-20, was " + attempts);
            }
            sendAttempts = attempts;
            sendLease = within(lease, Duration.ofSeconds(10), Duration.ofHours(1), "send lease");
            retryBackoff = within(backoff, Duration.ofSeconds(1), Duration.ofHours(1), "retry backoff");
            return this;
        }

        /** Completion messages of INR jobs carry a UPI link paying {@code vpa} ({@code name}). */
        public Builder upiPayee(String vpa, String name) {
            unset(upiPayee, "upi payee");
            if (vpa == null || !vpa.matches("[A-Za-z0-9][A-Za-z0-9._-]{1,255}@[A-Za-z][A-Za-z0-9.-]{1,63}")) {
                throw new IllegalArgumentException("UPI payee must be a VPA such as coolair@okaxis, was '" + vpa + "'");
            }
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("UPI payee name must not be blank");
            }
            upiPayee = vpa;
            upiPayeeName = name.length() <= 99 ? name : name.substring(0, 99);
            return this;
        }

        /** The channel customers' phones are written to: WHATSAPP (default) or SMS. */
        public Builder customerChannel(MessageChannel channel) {
            unset(customerChannel, "customer channel");
            Objects.requireNonNull(channel, "customer channel");
            if (channel != MessageChannel.WHATSAPP && channel != MessageChannel.SMS) {
                throw new IllegalArgumentException("customers' phones take WHATSAPP or SMS, not " + channel);
            }
            customerChannel = channel;
            return this;
        }

        /**
         * Required: completion messages carry a feedback link, {@code baseUrl} (https) with the job and a token signed
         * with {@code secret} (at least 16 bytes) so that only the customer the link went to can rate the job.
         */
        public Builder feedbackLinks(String baseUrl, byte[] secret) {
            unset(feedbackBase, "feedback links");
            Objects.requireNonNull(baseUrl, "feedback base url");
            URI uri;
            try {
                uri = URI.create(baseUrl);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("feedback base url '" + baseUrl + "' is not a URL", e);
            }
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
                throw new IllegalArgumentException("feedback base url must be https with a host and no query, was '"
                        + baseUrl + "'");
            }
            if (secret == null || secret.length < 16) {
                throw new IllegalArgumentException("feedback link secret must be at least 16 bytes");
            }
            feedbackBase = baseUrl;
            linkSecret = Arrays.copyOf(secret, secret.length);
            return this;
        }

        public MessagingPolicy build() {
            if (feedbackBase == null) {
                throw new IllegalStateException("MessagingPolicy needs feedbackLinks(baseUrl, secret)");
            }
            if (quietFrom == null) {
                quietFrom = LocalTime.of(21, 0);
                quietUntil = LocalTime.of(8, 0);
            }
            if (rateLimitWindow == null) {
                rateLimitMessages = 10;
                rateLimitWindow = Duration.ofHours(1);
            }
            if (etaThreshold == null) {
                etaThreshold = Duration.ofMinutes(10);
                etaRecompute = Duration.ofMinutes(1);
            }
            if (otpValidity == null) {
                otpValidity = Duration.ofMinutes(10);
                otpAttempts = 3;
            }
            if (lifetime == null) {
                lifetime = Duration.ofDays(3);
                urgentLifetime = Duration.ofHours(2);
            }
            if (sendLease == null) {
                sendAttempts = 5;
                sendLease = Duration.ofMinutes(2);
                retryBackoff = Duration.ofMinutes(1);
            }
            if (customerChannel == null) {
                customerChannel = MessageChannel.WHATSAPP;
            }
            return new MessagingPolicy(this);
        }

        private static void unset(Object current, String name) {
            if (current != null) {
                throw new IllegalStateException(name + " was already set");
            }
        }

        private static Duration within(Duration value, Duration min, Duration max, String name) {
            Objects.requireNonNull(value, name);
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                throw new IllegalArgumentException(name + " must be " + min + " to " + max + ", was " + value);
            }
            return value;
        }
    }
}
