package io.github.geodispatch.job;

import io.github.geodispatch.spi.JobEvent;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The hash a one-time code is kept as ({@link JobEvent.OtpIssued}): PBKDF2 with HMAC-SHA-256 over the code's
 * characters, salted with the bytes of the hex salt, {@link JobEvent.OtpIssued#HASH_ITERATIONS} iterations, 256 bits,
 * as lower-case hex. Stateless and thread-safe.
 */
public final class OtpCodes {
    private OtpCodes() {}

    /** The stored hash of {@code code} with {@code saltHex}. */
    public static String hash(String saltHex, String code) {
        Objects.requireNonNull(code, "code");
        try {
            byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(new PBEKeySpec(
                    code.toCharArray(), HexFormat.of().parseHex(saltHex), JobEvent.OtpIssued.HASH_ITERATIONS, 256)).getEncoded();
            return HexFormat.of().formatHex(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is required by every Java platform", e);
        }
    }

    /** True when {@code code} is the code {@code issued} was issued for (compared in constant time). */
    public static boolean matches(JobEvent.OtpIssued issued, String code) {
        return MessageDigest.isEqual(hash(issued.salt(), code).getBytes(StandardCharsets.US_ASCII),
                issued.codeHash().getBytes(StandardCharsets.US_ASCII));
    }
}
