package dev.ardoise.account.domain;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PersistentSortedMapTest {

    @Test
    void answers_like_a_tree_map_after_many_random_puts_and_removes_and_stays_balanced() {
        Random random = new Random(12);
        TreeMap<Integer, String> expected = new TreeMap<>();
        PersistentSortedMap<Integer, String> map = PersistentSortedMap.empty();
        for (int i = 0; i < 20_000; i++) {
            int key = random.nextInt(3_000);
            if (random.nextInt(3) == 0) {
                expected.remove(key);
                map = map.remove(key);
            } else {
                expected.put(key, "v" + i);
                map = map.put(key, "v" + i);
            }
            assertEquals(expected.size(), map.size());
        }
        assertEquals(new ArrayList<>(expected.values()), map.values());
        assertEquals(expected.firstEntry().getValue(), map.first());
        for (int key = 0; key < 3_000; key++) {
            assertEquals(expected.get(key), map.get(key));
        }
        // an AVL tree of n keys is at most 1.44 log2(n + 2) high
        assertTrue(map.height() <= 1.45 * Math.log(map.size() + 2) / Math.log(2), "height " + map.height());
    }

    @Test
    void a_map_is_never_changed_by_what_is_put_into_or_removed_from_the_maps_made_from_it() {
        PersistentSortedMap<String, Integer> before = PersistentSortedMap.<String, Integer>empty()
                .put("a", 1).put("b", 2).put("c", 3);

        PersistentSortedMap<String, Integer> after = before.put("b", 20).put("d", 4).remove("a");

        assertEquals(List.of(1, 2, 3), before.values());
        assertEquals(List.of(20, 3, 4), after.values());
        assertNull(after.get("a"));
        assertEquals(1, before.get("a"));
    }

    @Test
    void an_empty_map_has_no_first_and_removing_what_it_lacks_changes_nothing() {
        PersistentSortedMap<String, Integer> empty = PersistentSortedMap.empty();

        assertNull(empty.first());
        assertEquals(0, empty.size());
        assertEquals(0, empty.remove("x").size());
        assertEquals(List.of(), empty.values());
    }

    @Test
    void a_null_value_is_refused_as_null_is_what_get_answers_for_a_missing_key() {
        PersistentSortedMap<String, Integer> map = PersistentSortedMap.<String, Integer>empty().put("a", 1);

        NullPointerException refused = assertThrows(NullPointerException.class, () -> map.put("b", null));

        assertTrue(refused.getMessage().startsWith("value"), refused.getMessage());
        assertEquals(List.of(1), map.values());
    }
}
