package org.pocketsim.engine.result;

import java.util.Locale;
import java.util.Map;

/**
 * How a swept parameter reads in legends, labels and table headers. Parameters are named by
 * their path from the experiment file's root ({@code run.mlp.keep}); the {@code run.} prefix
 * is dropped, and a known field takes its label ("keep", "cache policy"). The zipped whole-run
 * key {@code run} stands for the run's own label, so it shows its value alone.
 */
public final class ParameterNames {

    /** The zipped whole-run key: its values are run labels. */
    public static final String RUN = "run";
    private static final String PREFIX = "run.";

    /** Labels of known fields, by path without the {@code run.} prefix. */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("mlp.keep", "keep"),
            Map.entry("mlp.gamma", "gamma"),
            Map.entry("mlp.cache", "cache policy"),
            Map.entry("mlp.lambda", "lambda"),
            Map.entry("mlp.router.lambda", "lambda"),
            Map.entry("mlp.router", "router"),
            Map.entry("mlp.kind", "MLP method"),
            Map.entry("mlp.cachedExperts", "experts cached"),
            Map.entry("mlp.loadShare", "load share"),
            Map.entry("mlp.residentShare", "resident share"),
            Map.entry("mlp.chunk", "chunk"),
            Map.entry("placement.dramBudget", "DRAM budget"),
            Map.entry("soc", "SoC"),
            Map.entry("model", "model"),
            Map.entry("weights", "weights"),
            Map.entry("computeFormat", "compute format"),
            Map.entry("kv", "KV format"),
            Map.entry("prompt", "prompt tokens"),
            Map.entry("generate", "generated tokens"),
            Map.entry("kvWindow", "KV window"));

    /** What a plain-number field counts, for its axis title ("keep (share of MLP columns read)"). */
    private static final Map<String, String> MEASURES = Map.of(
            "mlp.keep", "share of MLP columns read",
            "mlp.cachedExperts", "per layer",
            "mlp.loadShare", "share of the MLP per token",
            "mlp.residentShare", "share of the MLP in DRAM",
            "prompt", "tokens",
            "generate", "tokens",
            "kvWindow", "tokens");

    /** Fields whose values are acronyms, shown upper case (lru: LRU). */
    private static final java.util.Set<String> UPPER_VALUES = java.util.Set.of("mlp.cache");

    private ParameterNames() {
    }

    /** The path without the {@code run.} prefix ({@code run.mlp.keep}: {@code mlp.keep}). */
    public static String path(String name) {
        return name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : name;
    }

    /** "keep", "cache policy", or the path itself for an unknown field; "run" for the whole-run key. */
    public static String label(String name) {
        String path = path(name);
        return LABELS.getOrDefault(path, path);
    }

    /** Axis title of a plain-number parameter: its label, with what it counts where known. */
    public static String axisTitle(String name) {
        String measure = MEASURES.get(path(name));
        return measure == null ? label(name) : label(name) + " (" + measure + ")";
    }

    /** The value as shown: acronym fields upper case, others as written. */
    public static String value(String name, String value) {
        return UPPER_VALUES.contains(path(name)) ? value.toUpperCase(Locale.ROOT) : value;
    }

    /** Whether the parameter's values are run labels, shown alone: the whole-run key and {@code run.label}. */
    public static boolean namesItself(String name) {
        return RUN.equals(name) || (PREFIX + "label").equals(name);
    }

    /**
     * One parameter value with its name: the run label alone for the whole-run key and for
     * {@code run.label} (a label names itself), "cache policy = LRU" for a word, "keep 0.5" for a number or size.
     */
    public static String pair(String name, String value) {
        if (namesItself(name)) return value;
        String shown = value(name, value);
        boolean numeric = !shown.isEmpty() && (Character.isDigit(shown.charAt(0)) || shown.charAt(0) == '.'
                || shown.charAt(0) == '-');
        return label(name) + (numeric ? " " : " = ") + shown;
    }
}
