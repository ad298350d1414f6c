package org.pocketsim.hw.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestTest {

    @Test
    void distanceCountsInsertionsDeletionsAndSubstitutions() {
        assertThat(Suggest.distance("bandwith", "bandwidth")).isEqualTo(1);
        assertThat(Suggest.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggest.distance("", "abc")).isEqualTo(3);
        assertThat(Suggest.distance("same", "same")).isZero();
    }

    @Test
    void nearestPicksTheClosestCandidateWithinAThirdOfTheLength() {
        assertThat(Suggest.nearest("capacty", List.of("latency", "capacity", "type"))).contains("capacity");
        assertThat(Suggest.nearest("zzzzzz", List.of("latency", "capacity"))).isEmpty();
    }
}
