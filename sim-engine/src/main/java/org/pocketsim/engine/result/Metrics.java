package org.pocketsim.engine.result;

import java.util.List;

/**
 * Names of the metrics and series the reports know how to present. Producers may add others;
 * these keep the pipeline, the CSV columns and the charts speaking the same words. Units are
 * in the names.
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
    public static final String DRAM_FOOTPRINT_BYTES = "dramFootprintBytes";
    public static final String FLASH_BYTES_PER_TOKEN = "flashBytesPerToken";
    public static final String DRAM_BYTES_PER_TOKEN = "dramBytesPerToken";
    public static final String HIT_RATE = "hitRate";
    public static final String ENERGY_PER_TOKEN_MJ = "energyPerTokenMj";
    public static final String ENERGY_FLASH_MJ = "energyFlashMj";
    public static final String ENERGY_DRAM_MJ = "energyDramMj";
    public static final String ENERGY_COMPUTE_MJ = "energyComputeMj";
    public static final String ENERGY_STATIC_MJ = "energyStaticMj";
    /** Quality proxies: share of activation L2 norm kept (DIP), router probability mass kept (MoE). */
    public static final String NORM_KEPT = "normKept";
    public static final String ROUTER_MASS_KEPT = "routerMassKept";

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

    /** The energy breakdown, per component, summing to {@link #ENERGY_PER_TOKEN_MJ}. */
    public static final List<String> ENERGY_BREAKDOWN =
            List.of(ENERGY_FLASH_MJ, ENERGY_DRAM_MJ, ENERGY_COMPUTE_MJ, ENERGY_STATIC_MJ);

    /** The summary table's columns when the report spec names none (those a point lacks are skipped). */
    public static final List<String> DEFAULT_SUMMARY = List.of(TOKENS_PER_SECOND, MS_PER_TOKEN, TTFT_MS,
            DRAM_FOOTPRINT_BYTES, FLASH_BYTES_PER_TOKEN, HIT_RATE, ENERGY_PER_TOKEN_MJ, NORM_KEPT, ROUTER_MASS_KEPT);
}
