package org.jwtbearer.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;

/**
 * What the incident table holds after concurrent creates described {@code "<marker> #<index>"}, checked against
 * what they were answered: the index in the description is what matches a stored record with its create, so that
 * a create stored twice, lost, or stored although nobody was told is found.
 */
public final class StoredCreates {

    private StoredCreates() {
    }

    /** By index (the exchange's tag): the record each create answered 201 with. */
    public static Map<String, JsonObject> answered(List<Exchange> outcomes) {
        Map<String, JsonObject> answered = new HashMap<>();
        for (Exchange created : outcomes.stream().filter(e -> e.status() == 201).toList()) {
            answered.put(created.tag(), created.json().getJsonObject("result"));
        }
        return answered;
    }

    /**
     * @param lostAtA the creates whose answer died with the killed node A: the only ones that may be stored
     *                without having been answered 201
     */
    public static void checkStored(String marker, List<JsonObject> stored, Map<String, JsonObject> answered, List<Exchange> lostAtA, int total) {
        Map<String, List<JsonObject>> byIndex = stored.stream().collect(Collectors.groupingBy(r -> {
            String description = r.getString("short_description");
            assertTrue(description.startsWith(marker + " #"), description);
            return description.substring((marker + " #").length());
        }));
        Map<String, Integer> duplicates = byIndex.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size()));
        assertEquals(Map.of(), duplicates, "no create is stored twice");
        List<String> missing = new ArrayList<>();
        answered.forEach((index, record) -> {
            List<JsonObject> found = byIndex.getOrDefault(index, List.of());
            if (found.size() != 1 || !found.get(0).getString("sys_id").equals(record.getString("sys_id"))
                    || !found.get(0).getString("number").equals(record.getString("number"))) {
                missing.add("#" + index + " answered " + record + ", stored " + found);
            }
        });
        assertEquals(List.of(), missing, "every create answered 201 is in the table, as answered");
        Set<String> lost = lostAtA.stream().map(Exchange::tag).collect(Collectors.toSet());
        List<String> unexplained = byIndex.keySet().stream().filter(i -> !answered.containsKey(i) && !lost.contains(i)).toList();
        assertEquals(List.of(), unexplained, "a stored record not answered 201 can only be a create whose answer died with A");
        assertTrue(byIndex.keySet().stream().allMatch(i -> Integer.parseInt(i) >= 0 && Integer.parseInt(i) < total), byIndex.keySet().toString());
        List<String> numbers = stored.stream().map(r -> r.getString("number")).toList();
        assertEquals(numbers.size(), new HashSet<>(numbers).size(), "incident numbers are unique: " + numbers);
        System.out.printf("[ClusterIT] kill during creates: %d records stored, %d answered 201, %d committed although A's answer was lost%n",
                stored.size(), answered.size(), stored.size() - answered.size());
    }
}
