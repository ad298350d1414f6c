package org.pocketsim.engine.decode.mlp;

import org.pocketsim.engine.decode.AnalyticExecutor;
import org.pocketsim.engine.decode.Component;
import org.pocketsim.engine.decode.SocTiming;
import org.pocketsim.engine.decode.TimingSpec;
import org.pocketsim.engine.decode.TokenTime;
import org.pocketsim.engine.decode.TraceSpec;
import org.pocketsim.engine.decode.WorkGroup;

import org.junit.jupiter.api.Test;
import org.pocketsim.hw.preset.ProfileCatalog;
import org.pocketsim.hw.spec.Requester;
import org.pocketsim.workload.model.ModelCatalog;
import org.pocketsim.workload.model.ModelSpec;
import org.pocketsim.workload.trace.InMemoryTrace;
import org.pocketsim.workload.trace.TensorKind;
import org.pocketsim.workload.trace.TraceInfo;
import org.pocketsim.workload.trace.TraceShape;

import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DIP reference simulator's unit identity (papers.md §1.6, test_dynamic_token_generation):
 * token 1 reads its whole mask from flash, token 2 with the same mask reads it from DRAM, so
 * each hook costs exactly k x size x bytes / BW of its tier, on the DIP paper's phone
 * (60 GB/s DRAM, 1 GB/s flash).
 */
class DipReferenceSemanticsTest {

    private static final double BW_DRAM = 60e9;
    private static final double BW_FLASH = 1e9;

    private final ModelSpec model = ModelCatalog.load("phi3-mini-4k"); // hidden 3072, intermediate 8192, 32 layers
    private final SocTiming phone = new SocTiming(ProfileCatalog.load("dip-reference-phone"));

    private InMemoryTrace twoIdenticalTokens() {
        int layers = model.layers();
        InMemoryTrace trace = new InMemoryTrace(new TraceInfo(model.id(), TraceInfo.SourceKind.SYNTHETIC, 2,
                IntStream.range(0, layers).boxed().toList(), Map.of("origin", "test")), TraceShape.of(model));
        for (int l = 0; l < layers; l++) {
            trace.put(TensorKind.MLP_IN, l, twice(ramp(3072, l)));
            trace.put(TensorKind.DOWN_IN, l, twice(ramp(8192, l + 7)));
        }
        return trace;
    }

    private static float[] ramp(int n, int shift) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = ((i * 37 + shift) % n) - n / 2f;
        return v;
    }

    private static float[] twice(float[] row) {
        float[] out = new float[row.length * 2];
        System.arraycopy(row, 0, out, 0, row.length);
        System.arraycopy(row, 0, out, row.length, row.length);
        return out;
    }

    @Test
    void firstTokenReadsItsMaskFromFlashAndTheSecondTheSameMaskFromDram() {
        DipSpec dip = new DipSpec(null, 0.25, 0.25, false, "lru", null, null, null, null,
                new TraceSpec("unused", false, null, null, null));
        MlpMethod hooks = MethodFixture.bind(dip, model, "fp16", this::twoIdenticalTokens, 2);
        hooks.open(8L << 30, 1);
        AnalyticExecutor executor = new AnalyticExecutor(phone, new TimingSpec(TimingSpec.Compute.IGNORE, true, 0, false),
                Requester.NPU, "fp16");
        long upBytes = 768L * 8192 * 2 * 2;   // k = 0.25 x 3072 columns of 8192 fp16 values, up and gate
        long downBytes = 2048L * 3072 * 2;    // k = 0.25 x 8192 columns of 3072 fp16 values
        assertThat(hooks.hooksPerToken()).isEqualTo(64);

        for (int token = 0; token < 2; token++) {
            TokenTime time = new TokenTime();
            for (int hook = 0; hook < 64; hook++) {
                WorkGroup g = new WorkGroup();
                hooks.lowerHook(hook, token, g);
                long bytes = hook % 2 == 0 ? upBytes : downBytes;
                TokenTime one = new TokenTime();
                executor.time(g, one);
                if (token == 0) {
                    assertThat(g.flashBytes).isEqualTo(bytes);
                    assertThat(g.dramBytes).isZero();
                    assertThat(one.total()).isEqualTo(bytes / BW_FLASH);
                } else {
                    assertThat(g.dramBytes).isEqualTo(bytes);
                    assertThat(g.flashBytes).isZero();
                    assertThat(one.total()).isEqualTo(bytes / BW_DRAM);
                }
                time.add(one);
            }
            double expected = 32 * (upBytes + downBytes) / (token == 0 ? BW_FLASH : BW_DRAM);
            assertThat(time.total()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
        }
        assertThat(MethodFixture.metrics(hooks).get("hitRate")).isEqualTo(0.5);
        assertThat(MethodFixture.hitRateByLayer(hooks)).containsOnly(0.5);
    }

    @Test
    void theBeladyOracleIsPreparedFromASecondPassOverTheTrace() {
        DipSpec dip = new DipSpec(null, 0.25, 0.25, false, "belady", null, null, null, null,
                new TraceSpec("unused", false, null, null, null));
        MlpMethod hooks = MethodFixture.bind(dip, model, "fp16", this::twoIdenticalTokens, 2);
        hooks.open(8L << 30, 1);
        for (int token = 0; token < 2; token++) {
            for (int hook = 0; hook < 64; hook++) hooks.lowerHook(hook, token, new WorkGroup());
        }
        assertThat(MethodFixture.metrics(hooks).get("hitRate")).isEqualTo(0.5);
    }

    @Test
    void aCacheTooSmallForTheMaskReadsTheOverflowFromFlashOnTheSecondToken() {
        DipSpec dip = new DipSpec(null, 0.25, 0.25, false, "lru", null, null, null, null,
                new TraceSpec("unused", false, null, null, null));
        // room for 384 up columns (of 768) per up hook: 384 x 8192 x 2 B per linear, 3 linears a layer
        long perLinear = 384L * 8192 * 2;
        MlpMethod hooks = MethodFixture.bind(dip, model, "fp16", this::twoIdenticalTokens, 2);
        hooks.open(perLinear * 3 * 32, 1);
        WorkGroup first = new WorkGroup();
        hooks.lowerHook(0, 0, first);
        WorkGroup second = new WorkGroup();
        hooks.lowerHook(0, 1, second);
        assertThat(second.dramBytes).isEqualTo(384L * 8192 * 2 * 2);
        assertThat(second.flashBytes).isEqualTo(384L * 8192 * 2 * 2);
    }

    @Test
    void criticalPathChargesTheSlowerTierWhenIoIsConcurrentAndBothWhenSerial() {
        WorkGroup g = new WorkGroup();
        g.flash(Component.MLP, 2_000_000_000L, 4096, true);
        g.dram(Component.ATTENTION, 30_000_000_000L, 0);
        TokenTime concurrent = new TokenTime();
        new AnalyticExecutor(phone, new TimingSpec(TimingSpec.Compute.IGNORE, true, 0, false), Requester.NPU, "fp16").time(g, concurrent);
        assertThat(concurrent.flash).isEqualTo(2.0);
        assertThat(concurrent.dram).isZero();
        TokenTime serial = new TokenTime();
        new AnalyticExecutor(phone, new TimingSpec(TimingSpec.Compute.IGNORE, false, 0, false), Requester.NPU, "fp16").time(g, serial);
        assertThat(serial.flash).isEqualTo(2.0);
        assertThat(serial.dram).isEqualTo(0.5);
        assertThat(serial.total()).isEqualTo(2.5);
    }

    @Test
    void bundlingReadsAFeaturesUpAndGateColumnsInOneFlashRequest() {
        for (boolean bundle : new boolean[] {false, true}) {
            DipSpec dip = new DipSpec(null, 0.25, 0.25, false, "lru", null, null, null, bundle,
                    new TraceSpec("unused", false, null, null, null));
            MlpMethod hooks = MethodFixture.bind(dip, model, "fp16", this::twoIdenticalTokens, 2);
            hooks.open(8L << 30, 1);
            WorkGroup up = new WorkGroup();
            hooks.lowerHook(0, 0, up);
            WorkGroup down = new WorkGroup();
            hooks.lowerHook(1, 0, down);
            // one up column is 8192 fp16 values; bundled with its gate column, 2 x 16,384 B; down alone
            assertThat(up.flashRequestBytes).isEqualTo(bundle ? 2 * 16_384L : 16_384L);
            assertThat(down.flashRequestBytes).isEqualTo(3072L * 2);
            assertThat(up.flashBytes).isEqualTo(768L * 16_384 * 2);
        }
    }
}
