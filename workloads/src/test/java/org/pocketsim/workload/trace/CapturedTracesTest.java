package org.pocketsim.workload.trace;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every trace written by tools/trace-capture that the repository ships opens with full
 * validation (shapes against trace.yaml, dtypes, expert id range, NaN/infinity scan) and
 * carries the shape, provenance and values it should. Pinned values were read without Python
 * or this reader: header length with {@code od -t u8 -N 8}, offsets from the JSON header,
 * int32 with {@code od -t d4} and fp16 bit patterns with {@code od -t x2} decoded by hand.
 */
class CapturedTracesTest {

    private static final String REAL_LICENCE = "n/a: trained from scratch by PocketSim (corpus licences: corpus-packages.csv)";

    @Test
    void everyTinyCapturedFixtureOpensWithFullValidationAndMatchesItsArchitecture() {
        List<Path> dirs = RealTraces.dirs(RealTraces.fixturesRoot(), "*");
        assertThat(dirs).extracting(p -> p.getFileName().toString()).containsExactlyElementsOf(RealTraces.FIXTURE_ARCHS);
        for (Path dir : dirs) {
            String arch = dir.getFileName().toString();
            boolean moe = List.of("deepseek_v2", "mixtral", "olmoe", "qwen2_moe").contains(arch);
            try (TraceReader t = TraceReader.open(dir)) {
                assertThat(t.info().modelId()).isEqualTo("tiny-" + arch);
                assertThat(t.info().sourceKind()).isEqualTo(TraceInfo.SourceKind.CAPTURED);
                assertThat(t.info().provenance()).containsEntry("origin", "tools/trace-capture tests: random tiny " + arch)
                        .containsEntry("licence", "n/a").containsEntry("sampling.method", "greedy").containsEntry("dtype", "fp16");
                assertThat(t.info().tokens()).isEqualTo(8);
                assertThat(t.info().layers()).containsExactly(0, 1);
                assertThat(t.shape()).isEqualTo(moe ? new TraceShape(2, 64, 32, 8, 2) : new TraceShape(2, 64, 128, 0, 0));
                List<TensorKind> kinds = moe ? List.of(TensorKind.MLP_IN, TensorKind.ROUTER_LOGITS, TensorKind.EXPERTS)
                        : List.of(TensorKind.MLP_IN, TensorKind.DOWN_IN);
                assertThat(t.manifest().kinds()).as(arch).containsExactlyElementsOf(kinds);
                assertEveryRowReadable(t, kinds);
                if (moe) assertExpertsAreTopKOfLogits(t);
            }
        }
    }

    @Test
    void everyRealTraceOpensWithFullValidationWith256TokensAndItsProvenance() {
        List<Path> dirs = RealTraces.realTraceDirs();
        assertThat(dirs).extracting(p -> p.getParent().getFileName() + "/" + p.getFileName()).containsExactly(
                "pocketsim-llama-py/prompt-00", "pocketsim-llama-py/prompt-01", "pocketsim-llama-py/prompt-02", "pocketsim-llama-py/prompt-03",
                "pocketsim-olmoe-py/prompt-00", "pocketsim-olmoe-py/prompt-01", "pocketsim-olmoe-py/prompt-02", "pocketsim-olmoe-py/prompt-03");
        for (Path dir : dirs) {
            String model = dir.getParent().getFileName().toString();
            boolean moe = model.equals("pocketsim-olmoe-py");
            try (TraceReader t = TraceReader.open(dir)) {
                assertThat(t.info().modelId()).isEqualTo(model);
                assertThat(t.info().sourceKind()).isEqualTo(TraceInfo.SourceKind.CAPTURED);
                assertThat(t.info().tokens()).isEqualTo(256);
                assertThat(t.info().provenance().get("origin")).startsWith(moe
                        ? "tools/trace-capture train.py --arch olmoe @e8a83a2" : "tools/trace-capture train.py --arch llama @2f0ab57");
                assertThat(t.info().provenance()).containsEntry("licence", REAL_LICENCE).containsEntry("dtype", "fp16")
                        .containsEntry("sampling.method", "sampled").containsEntry("sampling.temperature", "0.8")
                        .containsEntry("sampling.topP", "0.95").containsEntry("sampling.seed", "0");
                for (int tok = 0; tok < 256; tok++) assertThat(t.tokenId(tok)).isBetween(0, 8191);
                if (moe) {
                    assertThat(t.shape()).isEqualTo(new TraceShape(8, 512, 256, 32, 4));
                    assertThat(t.info().layers()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
                    for (int l = 0; l < 8; l++) {
                        assertThat(t.has(TensorKind.MLP_IN, l)).as("mlp_in of layer %d", l).isEqualTo(l == 0 || l == 7);
                        assertThat(t.has(TensorKind.ROUTER_LOGITS, l) && t.has(TensorKind.EXPERTS, l)).isTrue();
                        assertThat(t.has(TensorKind.DOWN_IN, l)).isFalse();
                    }
                    assertEveryRowReadable(t, List.of(TensorKind.MLP_IN, TensorKind.ROUTER_LOGITS, TensorKind.EXPERTS));
                    assertExpertsAreTopKOfLogits(t);
                } else {
                    assertThat(t.shape()).isEqualTo(new TraceShape(8, 512, 1536, 0, 0));
                    assertThat(t.info().layers()).containsExactly(0, 3, 7);
                    assertThat(t.manifest().kinds()).containsExactly(TensorKind.MLP_IN, TensorKind.DOWN_IN);
                    assertEveryRowReadable(t, List.of(TensorKind.MLP_IN, TensorKind.DOWN_IN));
                }
            }
        }
    }

    @Test
    void denseRealTraceHoldsTheTokenIdsAndFp16ValuesReadByteByByte() {
        try (TraceReader t = TraceReader.open(RealTraces.realRoot().resolve("pocketsim-llama-py/prompt-00"))) {
            // od -An -t d4 -j 848 -N 12 (data starts at 8 + 840 header bytes)
            assertThat(new int[] {t.tokenId(0), t.tokenId(1), t.tokenId(2)}).containsExactly(3, 199, 3);
            float[] mlp = new float[512];
            t.readRow(TensorKind.MLP_IN, 0, 0, mlp);
            // od -t x2 at 848 + 787456: bec8 3c08 39d8 34d8 = -(1+712/1024), 1+8/1024, (1+472/1024)/2, (1+216/1024)/4
            assertThat(Arrays.copyOf(mlp, 4)).containsExactly(-1.6953125f, 1.0078125f, 0.73046875f, 0.302734375f);
            float[] down = new float[1536];
            t.readRow(TensorKind.DOWN_IN, 7, 255, down);
            // last value of the file: od -t x2 at 848 + 2098176 + (255 * 1536 + 1535) * 2: bc38 = -(1+56/1024)
            assertThat(down[1535]).isEqualTo(-1.0546875f);
        }
    }

    @Test
    void moeRealTraceHoldsTheTokenIdsAndExpertIdsReadByteByByte() {
        try (TraceReader t = TraceReader.open(RealTraces.realRoot().resolve("pocketsim-olmoe-py/prompt-02"))) {
            // header 1912 bytes; od -t d4 at 8 + 1912 + 294912 (tokens) and + 282624 (layers.5.experts)
            assertThat(new int[] {t.tokenId(0), t.tokenId(1), t.tokenId(2)}).containsExactly(199, 63, 5046);
            int[] ids = new int[4];
            t.readExperts(5, 0, ids);
            assertThat(ids).containsExactly(9, 12, 26, 28);
        }
    }

    private static void assertEveryRowReadable(TraceReader t, List<TensorKind> kinds) {
        for (int l : t.info().layers()) {
            for (TensorKind k : kinds) {
                if (!t.has(k, l)) continue;
                int width = t.shape().widthOf(k);
                if (k == TensorKind.EXPERTS) {
                    int[] ids = new int[width];
                    for (int tok = 0; tok < t.info().tokens(); tok++) t.readExperts(l, tok, ids);
                    continue;
                }
                float[] row = new float[width];
                for (int tok = 0; tok < t.info().tokens(); tok++) t.readRow(k, l, tok, row);
                assertThatThrownBy(() -> t.readRow(k, l, 0, new float[width + 1])).as("%s row width", k)
                        .isInstanceOf(RuntimeException.class);
            }
        }
    }

    /** The chosen experts are the top-k router logits (no capacity or group limits in these models). */
    private static void assertExpertsAreTopKOfLogits(TraceReader t) {
        int e = t.shape().experts();
        int k = t.shape().topK();
        float[] logits = new float[e];
        int[] ids = new int[k];
        for (int l : t.info().layers()) {
            if (!t.has(TensorKind.EXPERTS, l)) continue;
            for (int tok = 0; tok < t.info().tokens(); tok++) {
                t.readRow(TensorKind.ROUTER_LOGITS, l, tok, logits);
                t.readExperts(l, tok, ids);
                float[] sorted = logits.clone();
                Arrays.sort(sorted);
                float kth = sorted[e - k];
                for (int id : ids) {
                    assertThat(logits[id]).as("%s layer %d token %d expert %d", t.info().modelId(), l, tok, id).isGreaterThanOrEqualTo(kth);
                }
                assertThat(Arrays.stream(ids).distinct().count()).isEqualTo(k);
            }
        }
    }
}
