package org.pocketsim.kernel.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.junit.jupiter.api.Test;

class KernelWorkTest {

    @Test
    void bytesAccumulatePerTierAndRegionAndSumAcrossAxes() {
        KernelWork w = new KernelWork();
        w.addBytes(MemoryTier.DRAM, Region.WEIGHTS, 100);
        w.addBytes(MemoryTier.DRAM, Region.WEIGHTS, 20);
        w.addBytes(MemoryTier.DRAM, Region.SCALES, 3);
        w.addBytes(MemoryTier.FLASH, Region.WEIGHTS, 1000);
        w.addBytes(MemoryTier.ON_CHIP, Region.ACTIVATIONS, 7);

        assertThat(w.bytes(MemoryTier.DRAM, Region.WEIGHTS)).isEqualTo(120);
        assertThat(w.bytes(MemoryTier.DRAM)).isEqualTo(123);
        assertThat(w.bytes(Region.WEIGHTS)).isEqualTo(1120);
        assertThat(w.bytes(MemoryTier.FLASH, Region.SCALES)).isZero();
        assertThat(w.totalBytes()).isEqualTo(1130);
    }

    @Test
    void macsAreCountedPerKindAndSlotsSurviveReset() {
        KernelWork w = new KernelWork();
        int int8 = w.macSlot("int8/int32");
        w.addMacs(int8, 10);
        w.addMacs("fp16/fp32", 5);
        w.addMacs("int8/int32", 1);
        assertThat(w.macs("int8/int32")).isEqualTo(11);
        assertThat(w.macs("fp16/fp32")).isEqualTo(5);
        assertThat(w.macs("fp8/fp16")).isZero();
        assertThat(w.totalMacs()).isEqualTo(16);

        w.reset();
        assertThat(w.totalMacs()).isZero();
        assertThat(w.macSlot("int8/int32")).isEqualTo(int8);
        w.addMacs(int8, 2);
        assertThat(w.macs("int8/int32")).isEqualTo(2);
    }

    @Test
    void manyMacKindsGrowTheTable() {
        KernelWork w = new KernelWork();
        for (int i = 0; i < 9; i++) w.addMacs("k" + i, i);
        assertThat(w.macs("k8")).isEqualTo(8);
        assertThat(w.totalMacs()).isEqualTo(36);
    }

    @Test
    void addMergesAllCountsIncludingMacKindsInAnyOrder() {
        KernelWork a = new KernelWork();
        a.addMacs("int8/int32", 4);
        a.addBytes(MemoryTier.FLASH, Region.INDICES, 9);
        a.addDequantOps(3);
        a.addCacheLookups(10, 4);
        KernelWork b = new KernelWork();
        b.addMacs("fp16/fp32", 6);
        b.addMacs("int8/int32", 1);
        b.addBytes(MemoryTier.FLASH, Region.INDICES, 1);
        b.addLookupOps(8);
        b.addCacheLookups(5, 5);

        a.add(b);
        assertThat(a.macs("int8/int32")).isEqualTo(5);
        assertThat(a.macs("fp16/fp32")).isEqualTo(6);
        assertThat(a.bytes(MemoryTier.FLASH, Region.INDICES)).isEqualTo(10);
        assertThat(a.dequantOps()).isEqualTo(3);
        assertThat(a.lookupOps()).isEqualTo(8);
        assertThat(a.cacheLookups()).isEqualTo(15);
        assertThat(a.cacheHits()).isEqualTo(9);
    }

    @Test
    void snapshotIsAnImmutableCopyWithValueEquality() {
        KernelWork w = new KernelWork();
        w.addBytes(MemoryTier.DRAM, Region.KV, 64);
        w.addMacs("int4/int32", 2);
        w.addMacs("fp16/fp32", 1);
        w.addCacheLookups(4, 3);
        WorkSnapshot s = w.snapshot();
        w.addBytes(MemoryTier.DRAM, Region.KV, 1);
        w.addMacs("int4/int32", 100);

        assertThat(s.bytes(MemoryTier.DRAM, Region.KV)).isEqualTo(64);
        assertThat(s.macs()).containsExactly(entry("int4/int32", 2L), entry("fp16/fp32", 1L));
        assertThat(List.copyOf(s.macs().keySet())).containsExactly("int4/int32", "fp16/fp32");
        assertThat(s.cacheHitRate()).isEqualTo(0.75);
        assertThatThrownBy(() -> s.macs().put("x", 1L)).isInstanceOf(UnsupportedOperationException.class);

        KernelWork w2 = new KernelWork();
        w2.addBytes(MemoryTier.DRAM, Region.KV, 64);
        w2.addMacs("int4/int32", 2);
        w2.addMacs("fp16/fp32", 1);
        w2.addCacheLookups(4, 3);
        assertThat(w2.snapshot()).isEqualTo(s).hasSameHashCodeAs(s);
        assertThat(new KernelWork().snapshot().cacheHitRate()).isNaN();
    }

    @Test
    void negativeCountsAndImpossibleHitsAreRejected() {
        KernelWork w = new KernelWork();
        assertThatThrownBy(() -> w.addBytes(MemoryTier.DRAM, Region.WEIGHTS, -1))
                .hasMessageContaining("bytes must be non-negative");
        assertThatThrownBy(() -> w.addCacheLookups(2, 3)).hasMessageContaining("exceed lookups");
        assertThatThrownBy(() -> w.addMacs(5, 1)).hasMessageContaining("unknown MAC slot 5");
        assertThatThrownBy(() -> w.macSlot(" ")).hasMessageContaining("non-blank");
    }
}
