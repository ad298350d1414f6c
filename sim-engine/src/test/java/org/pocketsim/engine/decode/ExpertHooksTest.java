package org.pocketsim.engine.decode;

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

class ExpertHooksTest {

    private final ModelSpec olmoe = ModelCatalog.load("olmoe-1b-7b-0924"); // 16 layers, 64 experts, top-8, expert width 1024

    /** An expert-id trace where every layer picks experts {0..7} for token 0 and {4..11} for token 1. */
    private InMemoryTrace idsOnly() {
        InMemoryTrace trace = new InMemoryTrace(new TraceInfo(olmoe.id(), TraceInfo.SourceKind.IMPORTED, 2,
                IntStream.range(0, 16).boxed().toList(), Map.of("origin", "test")), TraceShape.of(olmoe));
        for (int l = 0; l < 16; l++) trace.putExperts(l, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 4, 5, 6, 7, 8, 9, 10, 11});
        return trace;
    }

    private static MlpMethod.ExpertCache method(String router, Double lambda, int cached) {
        return new MlpMethod.ExpertCache(router, lambda, null, null, null, null, "lru", cached,
                new TraceSpec("unused", false, null, null, null));
    }

    @Test
    void chosenExpertsInTheCacheAreReadFromDramAndTheOthersFromFlash() {
        ExpertHooks hooks = new ExpertHooks(olmoe, WeightPlan.of("int4-g128", null, 16), method("top-k", null, 8), idsOnly(), 0, 1);
        long expertBytes = 3L * 2048 * 1024 * 33 / 64;   // 6,291,456 weights at 4.125 bits
        assertThat(expertBytes).isEqualTo(3_244_032L);
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
        assertThat(hooks.hitRateByLayer()[0]).isEqualTo(4.0 / 16);
        assertThat(hooks.decisionsChanged()).isZero();
        assertThat(hooks.routerMassKept()).isNaN();
    }

    @Test
    void aRouterThatNeedsLogitsRefusesAnExpertIdOnlyTrace() {
        assertThatThrownBy(() -> new ExpertHooks(olmoe, WeightPlan.of("int4-g128", null, 16), method("cache-prior", 0.5, 8), idsOnly(), 0, 1))
                .hasMessageContaining("router cache-prior needs router logits, and the trace has only expert ids");
    }

    @Test
    void withoutAnExplicitSizeTheCacheHoldsWhatTheDramLeftOverFits() {
        long expertBytes = 3_244_032L;
        ExpertHooks hooks = new ExpertHooks(olmoe, WeightPlan.of("int4-g128", null, 16),
                new MlpMethod.ExpertCache(null, null, null, null, null, null, null, null, new TraceSpec("unused", false, null, null, null)),
                idsOnly(), 16 * 20 * expertBytes + 5, 1);
        assertThat(hooks.cachedExperts()).isEqualTo(20);
    }
}
