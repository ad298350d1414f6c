package org.pocketsim.engine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {

    @Test
    void theSameSeedAndNameGiveTheSameSequence() {
        assertThat(draw(new RandomStreams(42).stream("flash"))).isEqualTo(draw(new RandomStreams(42).stream("flash")));
    }

    @Test
    void differentNamesOrSeedsGiveDifferentSequences() {
        long[] base = draw(new RandomStreams(42).stream("flash"));
        assertThat(draw(new RandomStreams(42).stream("dram"))).isNotEqualTo(base);
        assertThat(draw(new RandomStreams(43).stream("flash"))).isNotEqualTo(base);
    }

    @Test
    void aStreamDoesNotDependOnWhichOtherStreamsWereDrawn() {
        RandomStreams streams = new RandomStreams(5);
        long[] alone = draw(new RandomStreams(5).stream("b"));
        draw(streams.stream("a"));
        assertThat(draw(streams.stream("b"))).isEqualTo(alone);
    }

    @Test
    void anEmptyNameIsRejected() {
        assertThatThrownBy(() -> new RandomStreams(1).stream(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-empty");
    }

    private static long[] draw(SplittableRandom random) {
        long[] values = new long[8];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextLong();
        }
        return values;
    }
}
