package io.github.geodispatch.spi;

import java.util.Objects;
import java.util.regex.Pattern;

/** A skill code such as {@code ac.split.install} and the minimum level (1-5) a technician needs in it. */
public record SkillRequirement(String skill, int minLevel) {
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public SkillRequirement {
        Objects.requireNonNull(skill, "skill");
        if (!CODE.matcher(skill).matches()) {
            throw new IllegalArgumentException("skill code '" + skill + "' must be lower-case letters, digits and . _ -");
        }
        if (minLevel < 1 || minLevel > 5) {
            throw new IllegalArgumentException("skill level must be 1-5, was " + minLevel + " for " + skill);
        }
    }

    public static SkillRequirement of(String skill, int minLevel) {
        return new SkillRequirement(skill, minLevel);
    }
}
