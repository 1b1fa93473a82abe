package io.github.geodispatch.dispatch.plan.internal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dense ids for the model's skill keys (skill codes, {@code cert:CODE}, {@code branch:ID}), shared by every
 * model in the process, so a route's levels are an array and a stop's needs two, and the skill test in the
 * search's inner loop is a few array reads. There are as many ids as distinct codes the business uses.
 * Thread-safe.
 */
final class SkillKeys {
    private static final Map<String, Integer> IDS = new ConcurrentHashMap<>();

    private SkillKeys() {}

    static int id(String key) {
        return IDS.computeIfAbsent(key, k -> IDS.size());
    }

    /** Levels by id for {@code skills}: level 0 for every key not held. */
    static int[] levels(Map<String, Integer> skills) {
        int[] ids = new int[skills.size()];
        int size = 0;
        int i = 0;
        for (String key : skills.keySet()) {
            ids[i] = id(key);
            size = Math.max(size, ids[i++] + 1);
        }
        int[] levels = new int[size];
        i = 0;
        for (int level : skills.values()) {
            levels[ids[i++]] = level;
        }
        return levels;
    }
}
