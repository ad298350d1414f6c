package org.pocketsim.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void aCounterAccumulatesAndRejectsNegativeAmounts() {
        Counter counter = new Counter();
        counter.increment();
        counter.add(41);
        assertThat(counter.value()).isEqualTo(42);
        assertThatThrownBy(() -> counter.add(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timeWeightedMeanIntegratesThePiecewiseConstantLevel() {
        TimeWeighted level = new TimeWeighted(100);
        level.set(100, 2.0);
        level.set(300, 0.0);
        level.set(500, 1.0);
        // 2 over 200 ps, 0 over 200 ps, 1 over 100 ps = 500 over 500 ps
        assertThat(level.mean(600)).isEqualTo(1.0);
        assertThat(level.max()).isEqualTo(2.0);
        assertThatThrownBy(() -> level.set(400, 1.0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void histogramBucketsArePowersOfTwoAndQuantilesAreBucketBounds() {
        Histogram histogram = new Histogram();
        for (long v : new long[] {0, 1, 2, 3, 4, 7, 8, 100}) {
            histogram.record(v);
        }
        assertThat(Histogram.bucketOf(0)).isZero();
        assertThat(Histogram.bucketOf(1)).isEqualTo(1);
        assertThat(Histogram.bucketOf(3)).isEqualTo(2);
        assertThat(Histogram.bucketOf(4)).isEqualTo(3);
        assertThat(histogram.bucketCount(2)).isEqualTo(2);
        assertThat(histogram.bucketCount(3)).isEqualTo(2);
        assertThat(histogram.count()).isEqualTo(8);
        assertThat(histogram.sum()).isEqualTo(125);
        assertThat(histogram.mean()).isEqualTo(15.625);
        assertThat(histogram.quantileUpperBound(0.5)).isEqualTo(3);
        assertThat(histogram.quantileUpperBound(0.75)).isEqualTo(7);
        assertThat(histogram.quantileUpperBound(1.0)).isEqualTo(100);
    }

    @Test
    void theRegistryReportsEveryStatisticUnderComponentDotName() {
        StatsRegistry registry = new StatsRegistry();
        registry.counter("flash", "requests").add(3);
        registry.timeWeighted("flash", "busy", 0).set(0, 1.0);
        registry.histogram("dram", "latencyPs").record(5);
        Map<String, Double> snapshot = registry.snapshot(10);
        assertThat(snapshot).containsEntry("flash.requests", 3.0)
                .containsEntry("flash.busy.mean", 1.0)
                .containsEntry("dram.latencyPs.count", 1.0)
                .containsEntry("dram.latencyPs.max", 5.0);
        assertThat(snapshot.keySet()).first().isEqualTo("dram.latencyPs.count");
    }

    @Test
    void registeringAKeyTwiceIsAnError() {
        StatsRegistry registry = new StatsRegistry();
        registry.counter("npu", "macs");
        assertThatThrownBy(() -> registry.counter("npu", "macs"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'npu.macs' is already registered");
    }
}
