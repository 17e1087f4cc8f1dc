package iamnb.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    @Test
    void closest_whenTypo_thenNearestFirstAndFarOnesLeftOut() {
        assertEquals(List.of("alice"), Suggestions.closest("alcie", List.of("bob", "alice", "svc-deploy"), 5));
    }

    @Test
    void closest_whenTypedTextIsAPrefix_thenEveryNameContainingItCountsAsClose() {
        assertEquals(List.of("maven", "mavenRepo"), Suggestions.closest("ma", List.of("mavenRepo", "maven", "time"), 3));
    }

    @Test
    void hint_whenNothingIsClose_thenSaysHowManyNamesThereAre() {
        assertEquals("; did you mean \"app-role\"?", Suggestions.hint("app-rol", List.of("app-role", "admin")));
        assertEquals("; no similar name among 2", Suggestions.hint("zzzzzzzz", List.of("app-role", "admin")));
        assertEquals("; the account has none", Suggestions.hint("x", List.of()));
    }
}
