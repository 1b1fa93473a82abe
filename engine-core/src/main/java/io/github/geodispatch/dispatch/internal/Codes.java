package io.github.geodispatch.dispatch.internal;
import java.util.regex.Pattern;

/** Validation of skill, certification and fence codes: lower-case tokens as {@code SkillRequirement} uses. */
public final class Codes {
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern FENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/@-]{0,63}");

    private Codes() {}

    public static String require(String kind, String value) {
        if (value == null || !CODE.matcher(value).matches()) {
            throw new IllegalArgumentException(kind + " '" + value
                    + "' must be 1-64 lower-case letters, digits and . _ -, starting with a letter or digit");
        }
        return value;
    }

    public static String requireFence(String value) {
        if (value == null || !FENCE.matcher(value).matches()) {
            throw new IllegalArgumentException("service-area fence id '" + value
                    + "' must be 1-64 chars of letters, digits and . _ : / @ -");
        }
        return value;
    }
}
