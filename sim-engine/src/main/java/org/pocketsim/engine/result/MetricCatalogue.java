package org.pocketsim.engine.result;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The metric catalogue: name, unit, label and better direction of every metric and per-layer
 * series the engine emits. Axis titles, legends, table headers and report validation take
 * their words from here, so a metric reads "Decode speed (tok/s)" wherever it appears.
 *
 * <p>Units are the units the value is stored in ({@code B}, {@code ms}, {@code fraction} for a
 * share between 0 and 1); reports pick a display scale (GB, s, %) from them. A family of
 * metrics that share a prefix (e.g. {@code bytesPerToken.mlp}) is one entry whose name ends in
 * a dot; {@link #find} returns a metric named after the member, labelled with the suffix.
 */
public final class MetricCatalogue {

    /** Whether a value is one number per point or one number per simulated layer. */
    public enum Kind { SCALAR, PER_LAYER }

    /**
     * One catalogued metric.
     *
     * @param name   the metric's id in results (e.g. {@code tokensPerSecond})
     * @param unit   the unit the value is stored in (e.g. {@code tok/s}, {@code B}, {@code fraction})
     * @param label  human label without unit (e.g. "Decode speed")
     * @param better which direction is better; null for a metric that is neither (a setting echoed back)
     * @param kind   scalar or per-layer series
     */
    public record Metric(String name, String unit, String label, ChartSpec.Better better, Kind kind) {

        public Metric {
            Checks.required(name, "Metric", "name");
            Checks.required(unit, "Metric[" + name + "]", "unit");
            Checks.required(label, "Metric[" + name + "]", "label");
            if (kind == null) throw new IllegalArgumentException("Metric[" + name + "].kind is required");
        }

        /** A scalar metric. */
        public Metric(String name, String unit, String label, ChartSpec.Better better) {
            this(name, unit, label, better, Kind.SCALAR);
        }

        /** Whether the values are per-layer series (heatmaps) rather than one number per point. */
        public boolean perLayer() {
            return kind == Kind.PER_LAYER;
        }
    }

    private static final ChartSpec.Better LOWER = ChartSpec.Better.LOWER;
    private static final ChartSpec.Better HIGHER = ChartSpec.Better.HIGHER;

    /** Family prefix of the per-component byte counts, e.g. {@code bytesPerToken.lmHead}. */
    public static final String BYTES_PER_TOKEN_FAMILY = "bytesPerToken.";
    /** Family of a whole run's phase times, e.g. {@code phaseMs.prefill}. */
    public static final String PHASE_MS_FAMILY = "phaseMs.";
    /** Family of a whole run's average power per phase and component, e.g. {@code powerW.decode.dram}. */
    public static final String POWER_W_FAMILY = "powerW.";

    private static final Map<String, Metric> BY_NAME = new LinkedHashMap<>();

    /** The metrics of the point kinds and studies beyond decode: one line each (a registration line per metric). */
    private static final String ROWS = "metric-catalogue.csv";

    static {
        add(new Metric(Metrics.TOKENS_PER_SECOND, "tok/s", "Decode speed", HIGHER));
        add(new Metric(Metrics.MS_PER_TOKEN, "ms", "Time per token", LOWER));
        add(new Metric(Metrics.MS_FLASH_IO, "ms", "Flash I/O", LOWER));
        add(new Metric(Metrics.MS_DRAM_IO, "ms", "DRAM I/O", LOWER));
        add(new Metric(Metrics.MS_COMPUTE, "ms", "Compute", LOWER));
        add(new Metric(Metrics.MS_STALL, "ms", "Stall", LOWER));
        add(new Metric(Metrics.TTFT_MS, "ms", "Time to first token", LOWER));
        add(new Metric(Metrics.PREFILL_TOKENS_PER_SECOND, "tok/s", "Prefill speed", HIGHER));
        add(new Metric(Metrics.PREFILL_MS_FLASH_IO, "ms", "Prompt flash I/O", LOWER));
        add(new Metric(Metrics.PREFILL_MS_DRAM_IO, "ms", "Prompt DRAM I/O", LOWER));
        add(new Metric(Metrics.PREFILL_MS_MACS, "ms", "Prompt MACs", LOWER));
        add(new Metric(Metrics.PREFILL_MS_FIXED, "ms", "Prompt fixed costs (fork/join, element-wise, graph executions)", LOWER));
        add(new Metric(Metrics.DRAM_FOOTPRINT_BYTES, "B", "DRAM footprint", LOWER));
        add(new Metric(Metrics.FLASH_BYTES_PER_TOKEN, "B/token", "Flash reads per token", LOWER));
        add(new Metric(Metrics.DRAM_BYTES_PER_TOKEN, "B/token", "DRAM reads per token", LOWER));
        add(new Metric(Metrics.HIT_RATE, "fraction", "Cache hit rate", HIGHER));
        add(new Metric(Metrics.ENERGY_PER_TOKEN_MJ, "mJ/token", "Energy per token", LOWER));
        add(new Metric(Metrics.ENERGY_FLASH_MJ, "mJ/token", "Flash energy", LOWER));
        add(new Metric(Metrics.ENERGY_DRAM_MJ, "mJ/token", "DRAM energy", LOWER));
        add(new Metric(Metrics.ENERGY_COMPUTE_MJ, "mJ/token", "Compute energy", LOWER));
        add(new Metric(Metrics.ENERGY_STATIC_MJ, "mJ/token", "Static energy", LOWER));
        add(new Metric(Metrics.NORM_KEPT, "fraction", "Activation norm kept", HIGHER));
        add(new Metric(Metrics.ROUTER_MASS_KEPT, "fraction", "Router probability mass kept", HIGHER));
        add(new Metric(Metrics.DECISIONS_CHANGED, "fraction", "Expert choices changed vs top-k", LOWER));
        add(new Metric(Metrics.CACHED_EXPERTS, "experts", "Experts cached per layer", null));
        add(new Metric(BYTES_PER_TOKEN_FAMILY, "B/token", "Bytes read per token", LOWER));
        add(new Metric(Metrics.HIT_RATE_BY_LAYER, "fraction", "Cache hit rate", HIGHER, Kind.PER_LAYER));
        addRows(CatalogueRows.read(ROWS));
    }

    private static void addRows(List<Metric> rows) {
        for (Metric m : rows) add(m);
    }

    private MetricCatalogue() {
    }

    private static void add(Metric m) {
        if (BY_NAME.put(m.name(), m) != null) throw new IllegalStateException("metric listed twice: " + m.name());
    }

    /**
     * The catalogued metric {@code name}, or a member of a family (a name starting with a family's
     * prefix, e.g. {@code bytesPerToken.mlp}: "Bytes read per token: mlp"); empty when unknown.
     */
    public static Optional<Metric> find(String name) {
        if (name == null) return Optional.empty();
        Metric m = BY_NAME.get(name);
        if (m != null && !isFamily(m)) return Optional.of(m);
        for (Metric family : BY_NAME.values()) {
            if (isFamily(family) && name.startsWith(family.name()) && name.length() > family.name().length()) {
                String member = name.substring(family.name().length());
                return Optional.of(new Metric(name, family.unit(), family.label() + ": " + member, family.better(),
                        family.kind()));
            }
        }
        return Optional.empty();
    }

    /** Every entry, families included (their names end in '.'), in catalogue order. */
    public static Collection<Metric> all() {
        return Collections.unmodifiableCollection(BY_NAME.values());
    }

    /** Names of the entries of {@code kind}, for "did you mean" suggestions. */
    public static List<String> names(Kind kind) {
        return BY_NAME.values().stream().filter(m -> m.kind() == kind).map(Metric::name).toList();
    }

    /** Whether an entry stands for a family of metrics sharing its name as prefix. */
    public static boolean isFamily(Metric m) {
        return m.name().endsWith(".");
    }

    /** "Decode speed (tok/s)": the label with the stored unit; reports rescale sizes and times. */
    public static String title(Metric m) {
        String unit = m.unit().equals("fraction") ? "%" : m.unit();
        return m.label() + " (" + unit + ")";
    }

    /** The label of {@code name} if catalogued, else the name itself. */
    public static String labelOf(String name) {
        return find(name).map(Metric::label).orElse(name);
    }
}
