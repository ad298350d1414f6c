package org.pocketsim.engine.run;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pocketsim.engine.decode.Traces;
import org.pocketsim.engine.point.DecodeSpec;
import org.pocketsim.engine.result.Metrics;
import org.pocketsim.hw.config.ConfigSource;
import org.pocketsim.hw.config.YamlConfig;
import org.pocketsim.hw.preset.ProfileCatalog;
import org.pocketsim.workload.model.ModelCatalog;
import org.pocketsim.workload.model.ModelSpec;
import org.pocketsim.workload.trace.InMemoryTrace;
import org.pocketsim.workload.trace.TensorKind;
import org.pocketsim.workload.trace.TraceInfo;
import org.pocketsim.workload.trace.TraceShape;
import org.pocketsim.workload.trace.TraceWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Analytic mode on the DIP reference phone (60 GB/s DRAM, 1 GB/s flash, no latency) against
 * hand-computed values for a small SwiGLU model: 24 layers, hidden 1024, intermediate 4096,
 * 16 heads of 64 (MHA), vocabulary 50272, FP16 weights and KV (papers.md §1.5 rules).
 *
 * <p>Hand counts (bytes, FP16 = 2 B per value):
 * <ul>
 * <li>attention 4 x 1024^2 x 2 x 24 = 201,326,592; norms (2 x 24 + 1) x 1024 x 2 = 100,352;
 *     embedding row 2,048; LM head 50272 x 1024 x 2 = 102,957,056: static reads per token
 *     304,386,048 plus the KV cache, 2 x 1024 x 24 x 2 = 98,304 per cached token.</li>
 * <li>static footprint: embedding table 102,957,056 + attention + norms + LM head = 407,341,056.</li>
 * <li>one up/gate column = 4096 x 2 = 8,192 B; one down column = 1024 x 2 = 2,048 B.</li>
 * </ul>
 * The weight budget is the static footprint plus 72 x 4 MiB: 24 layers x 3 masked linears (up,
 * gate, down), so each linear's cache holds 4 MiB: 512 up columns (of 1024) and 2048 down
 * columns (of 4096).
 */
class DipAnalyticExactnessTest {

    private static final double BW_DRAM = 60e9;
    private static final double BW_FLASH = 1e9;
    private static final long STATIC_READS = 304_386_048L;
    private static final long KV_PER_TOKEN = 98_304L;
    private static final long STATIC_FOOTPRINT = 407_341_056L;
    private static final long PER_LINEAR = 4L << 20;
    private static final long BUDGET = STATIC_FOOTPRINT + 72 * PER_LINEAR;   // 709,330,944 B
    private static final int PROMPT = 64;
    private static final int GENERATE = 4;

    @TempDir
    static Path dir;
    private static ModelSpec model;

    @BeforeAll
    static void smallModelAndARepeatedTrace() throws IOException {
        Path file = dir.resolve("dip-small.yaml");
        Files.writeString(file, String.join("\n",
                "id: dip-small", "name: DIP test model", "source: \"test: the DIP reference's opt-350M dimensions, gated\"",
                "hidden: 1024", "layers: 24", "vocab: 50272", "intermediate: 4096", "activation: swiglu", "norm: rms",
                "tiedEmbeddings: false", "mlpBias: false", "lmHeadBias: false", "positionEmbeddings: 0",
                "attention: {kind: mha, heads: 16, kvHeads: 16, headDim: 64, slidingWindow: 0, qkvBias: false,"
                        + " outBias: false, qkNorm: none}",
                "published: {totalB: 0.506, activeB: 0.506, source: \"test: counted from the dimensions\"}", ""));
        model = ModelCatalog.resolve(file.toString());
        // every token has the same activations, so every token's masks are the same
        InMemoryTrace trace = new InMemoryTrace(new TraceInfo(model.id(), TraceInfo.SourceKind.SYNTHETIC, GENERATE,
                IntStream.range(0, 24).boxed().toList(), Map.of("origin", "test")), TraceShape.of(model));
        for (int l = 0; l < 24; l++) {
            trace.put(TensorKind.MLP_IN, l, repeated(ramp(1024, l)));
            trace.put(TensorKind.DOWN_IN, l, repeated(ramp(4096, l + 5)));
        }
        TraceWriter.write(trace, TraceShape.of(model), "fp32", dir.resolve("trace"));
    }

    private static float[] ramp(int n, int shift) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = ((i * 37L + shift) % n) - n / 2f + 0.25f;
        return v;
    }

    private static float[] repeated(float[] row) {
        float[] out = new float[row.length * GENERATE];
        for (int t = 0; t < GENERATE; t++) System.arraycopy(row, 0, out, t * row.length, row.length);
        return out;
    }

    private static Map<String, Double> run(String cache, double upKeep, double downKeep, boolean concurrentIo, int generate) {
        String yaml = "{soc: dip-reference-phone, model: " + model.id() + ", weights: fp16, kv: fp16, computeFormat: fp16,"
                + " prompt: " + PROMPT + ", generate: " + generate + ","
                + " timing: {compute: ignore, concurrentIo: " + concurrentIo + "},"
                + " placement: {dramBudget: " + BUDGET + " B, allowStreaming: true},"
                + " mlp: {kind: dip, upKeep: " + upKeep + ", downKeep: " + downKeep + ", cache: " + cache + ", trace: {dir: trace}}}";
        DecodeSpec spec = YamlConfig.parse(new ConfigSource("test", yaml), DecodeSpec.class);
        return new DecodeRun(ProfileCatalog.load("dip-reference-phone"), model, spec, new Traces(dir, 1), 1).run().metrics();
    }

    /** Static part of token t: weights and the KV cache of PROMPT + t tokens, all from DRAM. */
    private static double staticSeconds(double kvTokens) {
        return (STATIC_READS + kvTokens * KV_PER_TOKEN) / BW_DRAM;
    }

    @Test
    void theStaticPartIsItsDramBytesOverTheDramBandwidth() {
        // a density-1 mask that never changes: with caches of every column, tokens 1.. read the MLP from DRAM
        Map<String, Double> dense = run("lru", 1.0, 1.0, true, 1);
        // token 0: static 310,677,504 B from DRAM (5.1779584 ms); per layer up+gate 1024 x 16,384 B
        // and down 4096 x 2,048 B all from flash (the caches start empty): 25,165,824 B = 25.165824 ms
        assertThat(dense.get(Metrics.MS_PER_TOKEN)).isCloseTo(1e3 * (staticSeconds(PROMPT) + 24 * 25_165_824 / BW_FLASH), within(1e-9));
        assertThat(dense.get(Metrics.MS_DRAM_IO)).isCloseTo(1e3 * staticSeconds(PROMPT), within(1e-9));
    }

    @Test
    void remainingDramIsSplitEvenlyIntoOneColumnCachePerMaskedLinear() {
        // up keeps 768 of 1024 columns, more than its 512-column cache; down keeps 1024 of 4096, under its 2048
        Map<String, Double> m = run("lru", 0.75, 0.25, true, 2);
        // token 0: up+gate 768 x 16,384 = 12,582,912 B and down 1024 x 2,048 = 2,097,152 B from flash
        double token0 = staticSeconds(PROMPT) + 24 * (12_582_912 / BW_FLASH + 2_097_152 / BW_FLASH);
        // token 1: the up cache holds 512 of the 768 (a random half of the new ones fit): 512 hits from DRAM
        // (8,388,608 B, 0.1398 ms) and 256 misses from flash (4,194,304 B, 4.194304 ms), concurrent: the max;
        // down: all 1024 hits from DRAM (2,097,152 B)
        double token1 = staticSeconds(PROMPT + 1) + 24 * (4_194_304 / BW_FLASH + 2_097_152 / BW_DRAM);
        assertThat(m.get(Metrics.MS_PER_TOKEN)).isCloseTo(1e3 * (token0 + token1) / 2, within(1e-9));
        // hits: token 0 none; token 1 512 of 768 (up) and 1024 of 1024 (down), per layer over both tokens
        assertThat(m.get(Metrics.HIT_RATE)).isCloseTo((512 + 1024) / (2.0 * (768 + 1024)), within(1e-12));
        // flash bytes per token: (24 x (12,582,912 + 2,097,152) + 24 x 4,194,304) / 2
        assertThat(m.get(Metrics.FLASH_BYTES_PER_TOKEN)).isEqualTo(24.0 * (12_582_912 + 2_097_152 + 4_194_304) / 2);
        // DRAM footprint: static weights, the KV cache at its largest (66 tokens) and the caches' 72 x 4 MiB
        assertThat(m.get(Metrics.DRAM_FOOTPRINT_BYTES)).isEqualTo((double) (BUDGET + 66 * KV_PER_TOKEN));
    }

    @Test
    void theUpHookCountsItsMaskForUpAndGate() {
        // only up (upKeep 0.5: 512 columns) changes between these runs; up and gate each read 512 x 8,192 B
        double half = run("none", 0.5, 0.25, true, 1).get(Metrics.FLASH_BYTES_PER_TOKEN);
        double quarter = run("none", 0.25, 0.25, true, 1).get(Metrics.FLASH_BYTES_PER_TOKEN);
        assertThat(half - quarter).isEqualTo(24.0 * 256 * 8_192 * 2);
    }

    @Test
    void concurrentIoTakesTheMaxOfFlashAndDramAndSerialIoTheirSum() {
        double concurrent = run("lru", 0.75, 0.25, true, 2).get(Metrics.MS_PER_TOKEN);
        double serial = run("lru", 0.75, 0.25, false, 2).get(Metrics.MS_PER_TOKEN);
        // only token 1's up hooks read both tiers: serial adds their DRAM part, 8,388,608 B / 60 GB/s each,
        // and its down hooks are DRAM only either way
        assertThat(serial - concurrent).isCloseTo(1e3 * 24 * (8_388_608 / BW_DRAM) / 2, within(1e-9));
    }

    @Test
    void theKvCacheIsReadAtTheAverageSequenceLength() {
        // static part per token = its reads at PROMPT + t cached tokens; the mean over G tokens is the
        // static part at the average length PROMPT + (G - 1) / 2 (linear in the length)
        double base = run("none", 0.25, 0.25, true, GENERATE).get(Metrics.MS_DRAM_IO);
        assertThat(base).isCloseTo(1e3 * staticSeconds(PROMPT + (GENERATE - 1) / 2.0), within(1e-9));
    }

    @Test
    void noneReadsEveryMaskedColumnFromFlashAndClaimsNoDram() {
        Map<String, Double> m = run("none", 0.5, 0.25, true, GENERATE);
        // every token: up+gate 512 x 16,384 B + down 1024 x 2,048 B per layer from flash, never a hit
        assertThat(m.get(Metrics.HIT_RATE)).isZero();
        assertThat(m.get(Metrics.FLASH_BYTES_PER_TOKEN)).isEqualTo(24.0 * (512 * 16_384 + 1024 * 2_048));
        assertThat(m.get(Metrics.DRAM_FOOTPRINT_BYTES)).isEqualTo((double) (STATIC_FOOTPRINT + (PROMPT + GENERATE) * KV_PER_TOKEN));
    }

    @Test
    void cachesAreResetPerSequenceSoEveryRunStartsCold() {
        // one DecodeRun run twice is two sequences: the second starts with empty caches (its first
        // token reads its whole mask from flash again) and fresh counters, so the results are identical
        String yaml = "{soc: dip-reference-phone, model: " + model.id() + ", weights: fp16, kv: fp16, computeFormat: fp16,"
                + " prompt: " + PROMPT + ", generate: 2, timing: {compute: ignore, concurrentIo: true},"
                + " placement: {dramBudget: " + BUDGET + " B, allowStreaming: true},"
                + " mlp: {kind: dip, upKeep: 0.5, downKeep: 0.25, cache: lru, trace: {dir: trace}}}";
        DecodeSpec spec = YamlConfig.parse(new ConfigSource("test", yaml), DecodeSpec.class);
        DecodeRun sequence = new DecodeRun(ProfileCatalog.load("dip-reference-phone"), model, spec, new Traces(dir, 1), 1);
        Map<String, Double> first = sequence.run().metrics();
        Map<String, Double> second = sequence.run().metrics();
        assertThat(second).isEqualTo(first);
        // token 0 all flash, token 1 all DRAM (masks fit the caches): hit rate exactly 1/2
        assertThat(first.get(Metrics.HIT_RATE)).isEqualTo(0.5);
        assertThat(first.get(Metrics.FLASH_BYTES_PER_TOKEN)).isEqualTo(24.0 * (512 * 16_384 + 1024 * 2_048) / 2);
    }
}
