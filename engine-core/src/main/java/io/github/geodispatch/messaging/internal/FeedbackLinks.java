package io.github.geodispatch.messaging.internal;

import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.TenantId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Feedback links: {@code BASE?job=JOB&t=TOKEN}, where the token is the first 16 bytes of HMAC-SHA-256 over the
 * tenant and the job under the business's secret, base64url without padding. Only who holds the link (the customer it
 * was sent to) can rate the job. Immutable and thread-safe.
 */
final class FeedbackLinks {
    private final String base;
    private final byte[] secret;
    private final TenantId tenant;

    FeedbackLinks(String base, byte[] secret, TenantId tenant) {
        this.base = base;
        this.secret = secret.clone();
        this.tenant = tenant;
    }

    String link(JobId job) {
        return base + "?job=" + URLEncoder.encode(job.value(), StandardCharsets.UTF_8) + "&t=" + token(job);
    }

    /** True when {@code token} is {@code job}'s (compared in constant time). */
    boolean valid(JobId job, String token) {
        return token != null && MessageDigest.isEqual(token(job).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    String token(JobId job) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal((tenant.value() + "\n" + job.value()).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
