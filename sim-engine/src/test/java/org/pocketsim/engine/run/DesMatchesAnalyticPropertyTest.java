package org.pocketsim.engine.run;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pocketsim.engine.decode.Traces;
import org.pocketsim.engine.point.DecodeSpec;
import org.pocketsim.engine.result.Metrics;
import org.pocketsim.hw.config.ConfigSource;
import org.pocketsim.hw.config.YamlConfig;
import org.pocketsim.hw.preset.ProfileCatalog;
import org.pocketsim.hw.spec.SocSpec;
import org.pocketsim.workload.model.ModelSpec;
import org.pocketsim.workload.model.ModelSpecLoader;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Property: on the DIP reference phone (zero latencies), without co-runners or prefetch, the
 * discrete-event executor gives the analytic token time to rounding, and the same bytes, for
 * seeded random small models (layers, widths, heads, vocabulary) and run settings (weights,
 * prompt, generate, compute and I/O modes, DRAM budget, dense or sparse-stream MLP).
 */
class DesMatchesAnalyticPropertyTest {

    private static final SocSpec PHONE = ProfileCatalog.load("dip-reference-phone");

    static LongStream seeds() {
        return LongStream.range(0, 40);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void desEqualsAnalyticOnRandomSmallModelsAndConfigs(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ModelSpec model = model(random);
        String settings = settings(random);
        Map<String, Double> analytic = run(model, settings + ", mode: analytic}");
        Map<String, Double> des = run(model, settings + ", mode: des}");
        double ms = analytic.get(Metrics.MS_PER_TOKEN);
        assertThat(des.get(Metrics.MS_PER_TOKEN)).as(settings).isCloseTo(ms, within(1e-6 + 1e-9 * ms));
        assertThat(des.get(Metrics.MS_STALL)).as(settings).isLessThan(1e-6);
        assertThat(des.get(Metrics.FLASH_BYTES_PER_TOKEN)).as(settings).isEqualTo(analytic.get(Metrics.FLASH_BYTES_PER_TOKEN));
        assertThat(des.get(Metrics.DRAM_BYTES_PER_TOKEN)).as(settings).isEqualTo(analytic.get(Metrics.DRAM_BYTES_PER_TOKEN));
    }

    private static Map<String, Double> run(ModelSpec model, String yaml) {
        DecodeSpec spec = YamlConfig.parse(new ConfigSource("property", yaml), DecodeSpec.class);
        return new DecodeRun(PHONE, model, spec, new Traces(Path.of("."), 1), 1).run().metrics();
    }

    /** A random small dense model: 1..8 layers, hidden 64..1024, MLP 1..4 x hidden, vocab up to 32k. */
    private static ModelSpec model(SplittableRandom random) {
        int heads = 1 + random.nextInt(16);
        int headDim = 64;
        int hidden = heads * headDim;
        int kvHeads = random.nextBoolean() ? heads : 1;
        String yaml = String.format(Locale.ROOT, """
                id: random-small
                name: random small model
                source: "DesMatchesAnalyticPropertyTest"
                hidden: %d
                layers: %d
                vocab: %d
                intermediate: %d
                activation: %s
                norm: rms
                tiedEmbeddings: %s
                mlpBias: false
                lmHeadBias: false
                positionEmbeddings: 0
                attention: {kind: %s, heads: %d, kvHeads: %d, headDim: %d, slidingWindow: 0, qkvBias: false, outBias: false, qkNorm: none}
                published: {totalB: 0.1, activeB: 0.1, source: "none"}
                """, hidden, 1 + random.nextInt(8), 256 + random.nextInt(32_000), hidden * (1 + random.nextInt(4)),
                random.nextBoolean() ? "swiglu" : "relu", random.nextBoolean(), kvHeads == heads ? "mha" : "gqa", heads, kvHeads, headDim);
        return ModelSpecLoader.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "random-small.yaml");
    }

    /** Random run settings without co-runners or prefetch (the fields before {@code mode}). */
    private static String settings(SplittableRandom random) {
        String[] weights = {"fp16", "int8", "int4-g128", "q4_0"};
        String[] compute = {"overlap", "serial", "ignore"};
        String mlp = random.nextBoolean() ? "dense" : String.format(Locale.ROOT,
                "{kind: sparse-stream, loadShare: %.3f, residentShare: %.3f, chunk: %d KiB}",
                0.01 + 0.5 * random.nextDouble(), 0.5 * random.nextDouble(), 4 << random.nextInt(6));
        String placement = random.nextBoolean() ? "{allowStreaming: true}"
                : String.format(Locale.ROOT, "{dramBudget: %d MB, allowStreaming: true}", 20 + random.nextInt(2000));
        return String.format(Locale.ROOT, "{soc: dip-reference-phone, model: random-small, weights: %s, prompt: %d, generate: %d,"
                        + " executor: {decode: npu, prefill: npu}, timing: {compute: %s, concurrentIo: %s}, placement: %s, mlp: %s",
                weights[random.nextInt(weights.length)], random.nextInt(64), 1 + random.nextInt(4),
                compute[random.nextInt(compute.length)], random.nextBoolean(), placement, mlp);
    }
}
