package org.pocketsim.engine.decode.mlp;

import org.pocketsim.engine.decode.TraceSpec;
import org.pocketsim.engine.decode.WorkGroup;
import org.pocketsim.kernel.routing.CachePriorSpec;
import org.pocketsim.kernel.routing.RouterSpec;
import org.pocketsim.kernel.routing.TopKSpec;

import org.junit.jupiter.api.Test;
import org.pocketsim.workload.model.ModelCatalog;
import org.pocketsim.workload.model.ModelSpec;
import org.pocketsim.workload.trace.InMemoryTrace;
import org.pocketsim.workload.trace.TraceInfo;
import org.pocketsim.workload.trace.TraceShape;

import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpertCacheMethodTest {

    private final ModelSpec olmoe = ModelCatalog.load("olmoe-1b-7b-0924"); // 16 layers, 64 experts, top-8, expert width 1024

    /** An expert-id trace where every layer picks experts {0..7} for token 0 and {4..11} for token 1. */
    private InMemoryTrace idsOnly() {
        InMemoryTrace trace = new InMemoryTrace(new TraceInfo(olmoe.id(), TraceInfo.SourceKind.IMPORTED, 2,
                IntStream.range(0, 16).boxed().toList(), Map.of("origin", "test")), TraceShape.of(olmoe));
        for (int l = 0; l < 16; l++) trace.putExperts(l, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 4, 5, 6, 7, 8, 9, 10, 11});
        return trace;
    }

    private static ExpertCacheSpec method(RouterSpec router, Integer cached) {
        return new ExpertCacheSpec(router, "lru", cached, new TraceSpec("unused", false, null, null, null), null, null);
    }

    @Test
    void chosenExpertsInTheCacheAreReadFromDramAndTheOthersFromFlash() {
        MlpMethod hooks = MethodFixture.bind(method(new TopKSpec(false), 8), olmoe, "int4-g128", this::idsOnly, 2);
        long expertBytes = 3L * 2048 * 1024 * 33 / 64;   // 6,291,456 weights at 4.125 bits
        assertThat(expertBytes).isEqualTo(3_244_032L);
        hooks.open(16 * 8 * expertBytes, 1);
        assertThat(hooks.hooksPerToken()).isEqualTo(16);
        WorkGroup first = new WorkGroup();
        hooks.lowerHook(0, 0, first);
        assertThat(first.flashBytes).isEqualTo(8 * expertBytes);
        assertThat(first.dramBytes).isZero();
        assertThat(first.flashRequestBytes).isEqualTo(expertBytes);
        WorkGroup second = new WorkGroup();
        hooks.lowerHook(0, 1, second);
        assertThat(second.dramBytes).isEqualTo(4 * expertBytes);   // experts 4..7 stayed cached
        assertThat(second.flashBytes).isEqualTo(4 * expertBytes);  // 8..11 are new
        assertThat(second.macs).isEqualTo(8L * 3 * 2048 * 1024);
        assertThat(MethodFixture.hitRateByLayer(hooks).get(0)).isEqualTo(4.0 / 16);
        assertThat(MethodFixture.metrics(hooks)).containsEntry("decisionsChanged", 0.0).doesNotContainKey("routerMassKept");
    }

    @Test
    void aRouterThatNeedsLogitsRefusesAnExpertIdOnlyTrace() {
        assertThatThrownBy(() -> MethodFixture.bind(method(new CachePriorSpec(0.5, null, null), 8), olmoe, "int4-g128", this::idsOnly, 2))
                .hasMessageContaining("router cache-prior needs router logits, and the trace has only expert ids");
    }

    @Test
    void withoutAnExplicitSizeTheCacheHoldsWhatTheDramLeftOverFits() {
        long expertBytes = 3_244_032L;
        MlpMethod hooks = MethodFixture.bind(method(null, null), olmoe, "int4-g128", this::idsOnly, 2);
        assertThat(hooks.cacheFootprintBytes(16 * 20 * expertBytes + 5)).isEqualTo(16 * 20 * expertBytes);
        hooks.open(16 * 20 * expertBytes + 5, 1);
        assertThat(MethodFixture.metrics(hooks)).containsEntry("cachedExperts", 20.0);
    }

    @Test
    void anExplicitCacheSizeThatDoesNotFitTheDramLeftIsAnErrorNamingTheBytes() {
        MlpMethod hooks = MethodFixture.bind(method(null, 64), olmoe, "int4-g128", this::idsOnly, 2);
        assertThatThrownBy(() -> hooks.cacheFootprintBytes(2_000_000_000L))
                .hasMessage("field 'cachedExperts': 64 experts x 16 MoE layers x 3.2 MB = 3321.9 MB do not fit in the 2000.0 MB"
                        + " of DRAM left after the static weights and the KV cache");
    }

    @Test
    void mixedBitsPinTheMostChosenExpertsAtTheRunsFormatAndFitMoreNarrowColdExpertsInTheSameBytes() {
        ExpertCacheSpec spec = new ExpertCacheSpec(new TopKSpec(false), "lru", 8, new TraceSpec("unused", false, null, null, null),
                null, new MixedBitsSpec(2, "int4-g128"));
        MlpMethod hooks = MethodFixture.bind(spec, olmoe, "int8", this::idsOnly, 2);
        long int8 = org.pocketsim.engine.decode.DecodeLowering.bytes(3L * 2048 * 1024, org.pocketsim.engine.decode.WeightBits.of("int8"));
        long int4 = 3_244_032L;
        hooks.open(16 * 8 * int8, 1);
        long cold = 6 * int8 / int4;   // the bytes of 6 int8 experts hold this many int4 experts
        assertThat(MethodFixture.metrics(hooks)).containsEntry("residentExperts", 2.0 + cold);
        WorkGroup first = new WorkGroup();
        hooks.lowerHook(0, 0, first);   // experts 4..7 are chosen twice: 4 and 5 are hot (ties to the lower id)
        assertThat(first.dramBytes).isEqualTo(2 * int8);
        assertThat(first.flashBytes).isEqualTo(6 * int4);
        assertThat(first.flashRequestBytes).isEqualTo(int4);
    }

    @Test
    void prefetchAndMixedBitsAreRefusedWithTheOracleAndANegativePrefetchIsAnError() {
        TraceSpec trace = new TraceSpec("unused", false, null, null, null);
        assertThatThrownBy(() -> new ExpertCacheSpec(null, "belady", 8, trace, 2, null))
                .hasMessageContaining("field 'prefetch': belady needs the future accesses in advance");
        assertThatThrownBy(() -> new ExpertCacheSpec(null, "belady", 8, trace, null, new MixedBitsSpec(2, "int4-g128")))
                .hasMessageContaining("field 'mixedBits': is not supported with belady");
        assertThatThrownBy(() -> new ExpertCacheSpec(null, "lru", 8, trace, -1, null))
                .hasMessageContaining("field 'prefetch': must be >= 0 experts, got -1");
    }
}
