package io.github.geodispatch.journal.internal;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The id cache against a {@link HashMap}: a key put is found by its characters until the cache fills and empties. */
class CharKeyCacheProperties {
    @Property(tries = 200)
    void aKeyPutIsFoundByItsCharactersAndAnotherIsNot(@ForAll @Size(max = 200) List<@StringLength(max = 12) String> keys,
            @ForAll @StringLength(max = 12) String absent) {
        CharKeyCache<Integer> cache = new CharKeyCache<>();
        Map<String, Integer> oracle = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            cache.put(keys.get(i), i);
            oracle.put(keys.get(i), i);
        }

        for (String key : oracle.keySet()) {
            assertThat(cache.get(framed(key), 1, key.length())).as(key).isEqualTo(oracle.get(key));
        }
        assertThat(cache.get(framed(absent), 1, absent.length())).isEqualTo(oracle.get(absent));
    }

    @Property(tries = 5)
    void sequentialIdsAreAllFoundAndTheCacheEmptiesWhenFull(@ForAll @IntRange(min = 1, max = 40_000) int start) {
        CharKeyCache<Integer> cache = new CharKeyCache<>();
        for (int i = start; i < start + CharKeyCache.CAPACITY; i++) {
            cache.put(String.format("J-%06d", i), i);
        }
        for (int i = start; i < start + CharKeyCache.CAPACITY; i++) {
            String key = String.format("J-%06d", i);
            assertThat(cache.get(framed(key), 1, key.length())).isEqualTo(i);
        }

        cache.put("J-X", -1);

        String first = String.format("J-%06d", start);
        assertThat(cache.get(framed(first), 1, first.length())).as("emptied when full").isNull();
        assertThat(cache.get(framed("J-X"), 1, 3)).isEqualTo(-1);
    }

    /** The key's characters between two others, so that the offset matters. */
    private static char[] framed(String key) {
        return ("\"" + key + "\"").toCharArray();
    }
}
