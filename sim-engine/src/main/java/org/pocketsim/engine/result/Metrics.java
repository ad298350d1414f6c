package org.pocketsim.engine.result;

import java.util.List;

/**
 * Names of the metrics and series the reports know how to present. Producers may add others;
 * these keep the pipeline, the CSV columns and the charts speaking the same words. Units,
 * labels and better directions are in {@link MetricCatalogue}.
 */
public final class Metrics {

    private Metrics() {
    }

    public static final String TOKENS_PER_SECOND = "tokensPerSecond";
    public static final String MS_PER_TOKEN = "msPerToken";
    /** Parts of {@link #MS_PER_TOKEN}: exposed (non-overlapped) time per token by cause. */
    public static final String MS_FLASH_IO = "msFlashIo";
    public static final String MS_DRAM_IO = "msDramIo";
    public static final String MS_COMPUTE = "msCompute";
    public static final String MS_STALL = "msStall";
    public static final String TTFT_MS = "ttftMs";
    public static final String PREFILL_TOKENS_PER_SECOND = "prefillTokensPerSecond";
    /** Parts of {@link #TTFT_MS}: the prompt's exposed time by cause, as a decode token's. */
    public static final String PREFILL_MS_FLASH_IO = "prefillMsFlashIo";
    public static final String PREFILL_MS_DRAM_IO = "prefillMsDramIo";
    public static final String PREFILL_MS_MACS = "prefillMsMacs";
    public static final String PREFILL_MS_FIXED = "prefillMsFixed";
    public static final String DRAM_FOOTPRINT_BYTES = "dramFootprintBytes";
    public static final String FLASH_BYTES_PER_TOKEN = "flashBytesPerToken";
    public static final String DRAM_BYTES_PER_TOKEN = "dramBytesPerToken";
    public static final String HIT_RATE = "hitRate";
    public static final String ENERGY_PER_TOKEN_MJ = "energyPerTokenMj";
    public static final String ENERGY_FLASH_MJ = "energyFlashMj";
    public static final String ENERGY_DRAM_MJ = "energyDramMj";
    public static final String ENERGY_COMPUTE_MJ = "energyComputeMj";
    public static final String ENERGY_STATIC_MJ = "energyStaticMj";
    /**
     * The whole run (a decode run's {@code window}): the window's time, energy, average power and
     * energy per output token; the decode's average power; the weight bytes the cold load reads
     * from flash. Per phase: the families {@link MetricCatalogue#PHASE_MS_FAMILY} and
     * {@link MetricCatalogue#POWER_W_FAMILY}.
     */
    public static final String WINDOW_MS = "windowMs";
    public static final String WINDOW_ENERGY_J = "windowEnergyJ";
    public static final String AVERAGE_POWER_W = "averagePowerW";
    public static final String ENERGY_PER_OUTPUT_TOKEN_WINDOW_MJ = "energyPerOutputTokenWindowMj";
    public static final String DECODE_POWER_W = "decodePowerW";
    public static final String LOAD_BYTES = "loadBytes";
    /** Quality proxies: share of activation L2 norm kept (DIP), router probability mass kept (MoE). */
    public static final String NORM_KEPT = "normKept";
    public static final String ROUTER_MASS_KEPT = "routerMassKept";

    /** Expert cache: share of expert choices that differ from plain top-k, and experts cached per layer. */
    public static final String DECISIONS_CHANGED = "decisionsChanged";
    public static final String CACHED_EXPERTS = "cachedExperts";

    /** Kernel replay: the point's group (decode step, prefill graph or node group), median of the measured and predicted times. */
    public static final String MEASURED_MS = "measuredMs";
    public static final String PREDICTED_MS = "predictedMs";
    /** Kernel replay: (predicted - measured) / measured of the point's group, in percent. */
    public static final String ERROR_PCT = "errorPct";
    /** Kernel replay: nodes of the point's group per decode step. */
    public static final String NODES_PER_STEP = "nodesPerStep";
    /** Kernel replay: share of the measured decode step spent in the point's group, in percent. */
    public static final String SHARE_OF_STEP_PCT = "shareOfStepPct";
    /** Kernel replay: median decode step (one single-token graph), measured and predicted, and the error in percent. */
    public static final String MEASURED_STEP_MS = "measuredStepMs";
    public static final String PREDICTED_STEP_MS = "predictedStepMs";
    public static final String STEP_ERROR_PCT = "stepErrorPct";
    /** Kernel replay: median multi-token (prompt) graph, measured and predicted, and the error in percent. */
    public static final String MEASURED_PREFILL_MS = "measuredPrefillMs";
    public static final String PREDICTED_PREFILL_MS = "predictedPrefillMs";
    public static final String PREFILL_ERROR_PCT = "prefillErrorPct";
    /** Kernel replay: predicted ms per decode step by kind of node, summing to {@link #PREDICTED_STEP_MS}. */
    public static final String MS_MATMUL = "msMatMul";
    public static final String MS_ATTENTION = "msAttention";
    public static final String MS_ELEMENTWISE = "msElementwise";
    public static final String MS_VIEWS = "msViews";
    /** Kernel replay: the log device's calibrated achievable bandwidth (GB/s) and warm-up per graph (ms). */
    public static final String CALIBRATED_BANDWIDTH_GBS = "calibratedBandwidthGBs";
    public static final String CALIBRATED_WARMUP_MS = "calibratedWarmupMs";
    /** Series: the point group's measured and predicted ms, node by node (decode steps for the decode-step group). */
    public static final String MEASURED_MS_BY_NODE = "measuredMsByNode";
    public static final String PREDICTED_MS_BY_NODE = "predictedMsByNode";

    /** Series: cache hit rate of each simulated layer, in layer order. */
    public static final String HIT_RATE_BY_LAYER = "hitRateByLayer";

    /** MoE expert caches: chosen experts read from flash / all chosen (1 - hitRate), compulsory misses included. */
    public static final String MISS_RATE = "missRate";
    /** Series: miss rate of each model layer (0 for layers without an expert cache). */
    public static final String MISS_RATE_BY_LAYER = "missRateByLayer";
    /** Mean consecutive tokens an expert stays in its layer's cache, from insertion to eviction. */
    public static final String EXPERT_LIFETIME_TOKENS = "expertLifetimeTokens";
    /** Expert prefetch: experts read ahead per chosen expert, and the share of them the next layer chose. */
    public static final String PREFETCHED_EXPERTS_PER_LOOKUP = "prefetchedExpertsPerLookup";
    public static final String PREFETCH_ACCURACY = "prefetchAccuracy";
    /** Experts one MoE layer's DRAM share holds (cachedExperts, more with narrower cold experts). */
    public static final String RESIDENT_EXPERTS = "residentExperts";

    /** The time breakdown a stacked-bar chart shows when its spec names no metrics. */
    public static final List<String> TIME_BREAKDOWN = List.of(MS_FLASH_IO, MS_DRAM_IO, MS_COMPUTE, MS_STALL);

    /** The prompt's time breakdown, summing to {@link #TTFT_MS}. */
    public static final List<String> PREFILL_TIME_BREAKDOWN = List.of(PREFILL_MS_FLASH_IO, PREFILL_MS_DRAM_IO, PREFILL_MS_MACS, PREFILL_MS_FIXED);

    /** The energy breakdown, per component, summing to {@link #ENERGY_PER_TOKEN_MJ}. */
    public static final List<String> ENERGY_BREAKDOWN =
            List.of(ENERGY_FLASH_MJ, ENERGY_DRAM_MJ, ENERGY_COMPUTE_MJ, ENERGY_STATIC_MJ);

    /** The summary table's columns when the report spec names none (those a point lacks are skipped). */
    public static final List<String> DEFAULT_SUMMARY = List.of(TOKENS_PER_SECOND, MS_PER_TOKEN, TTFT_MS,
            DRAM_FOOTPRINT_BYTES, FLASH_BYTES_PER_TOKEN, HIT_RATE, ENERGY_PER_TOKEN_MJ, NORM_KEPT, ROUTER_MASS_KEPT);
}
