package org.pocketsim.engine.result;

import org.pocketsim.hw.config.ConfigOptional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One chart of a report, as the experiment YAML's {@code report.charts} entry states it.
 * Names ({@code x}, {@code y}, {@code seriesBy}, filter keys) refer to the points' metrics,
 * series or swept parameters; they are resolved against the results when the chart is drawn.
 *
 * <ul>
 *   <li>{@code line}, {@code scatter}: {@code x} a metric or numeric parameter, {@code y} one
 *       or more metrics, optional {@code seriesBy} parameter (one line per value).</li>
 *   <li>{@code pareto}: {@code x} and exactly one {@code y} metric; {@code xBetter} /
 *       {@code yBetter} say which direction wins (default lower x, higher y).</li>
 *   <li>{@code stacked-bar}: one bar per point labelled by {@code x} (default: all parameters),
 *       stacked by the {@code y} metrics (default {@link Metrics#TIME_BREAKDOWN}).</li>
 *   <li>{@code heatmap}: exactly one {@code y} per-layer series; columns are points labelled by
 *       {@code x} (default: all parameters).</li>
 *   <li>{@code comparison}: the experiment's comparisons, one bar per measurement showing the
 *       relative error in percent; takes no {@code x}, {@code y}, {@code seriesBy} or filter.</li>
 *   <li>{@code power-timeline}: one panel per point with a whole-run window, power (W) against
 *       time (s) stacked by component; takes no {@code x}, {@code y} or {@code seriesBy}.</li>
 * </ul>
 *
 * @param type     chart kind
 * @param title    chart title, also names the PNG file
 * @param x        x metric or parameter (required for line, scatter, pareto)
 * @param y        y metric(s) or series; a single YAML string is accepted
 * @param seriesBy parameter that splits points into series (line, scatter, pareto), or null
 * @param filter   only points whose parameters equal all these values are drawn
 * @param xLabel   x axis label; null means the catalogue's label and unit of {@code x}
 *                 ("Decode speed (tok/s)") or the swept parameter's label
 * @param yLabel   y axis label; null means the catalogue's label and unit of the y metric(s)
 * @param logX     logarithmic x axis (line, scatter, pareto): true or false as written; null
 *                 (absent) means automatic: logarithmic when the drawn values span more than 30x
 * @param logY     logarithmic y axis (all but heatmap and comparison); null means automatic, as logX
 * @param xBetter  pareto only: whether lower or higher x is better (default lower)
 * @param yBetter  pareto only: whether lower or higher y is better (default higher)
 * @param labelBy  scatter and pareto only: the swept parameters whose values label each point
 *                 ("lambda 0.3"); absent: the parameters that tell the drawn points apart (and absent
 *                 from results.json, which stays as it was for charts without it)
 */
@JsonPropertyOrder({"type", "title", "x", "y", "seriesBy", "filter", "xLabel", "yLabel", "logX", "logY",
        "xBetter", "yBetter", "labelBy"})
public record ChartSpec(ChartType type, String title, @ConfigOptional String x,
                        @ConfigOptional @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> y,
                        @ConfigOptional String seriesBy, @ConfigOptional Map<String, String> filter,
                        @ConfigOptional String xLabel, @ConfigOptional String yLabel,
                        @ConfigOptional Boolean logX, @ConfigOptional Boolean logY,
                        @ConfigOptional Better xBetter, @ConfigOptional Better yBetter,
                        @ConfigOptional @JsonInclude(JsonInclude.Include.NON_NULL)
                        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> labelBy) {

    /** Which direction of an axis is better, for the Pareto frontier. */
    public enum Better {
        LOWER, HIGHER;

        @JsonValue
        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Better parse(String text) {
            for (Better b : values()) if (b.yamlName().equalsIgnoreCase(text)) return b;
            throw new IllegalArgumentException("unknown direction '" + text + "', expected lower or higher");
        }
    }

    public ChartSpec {
        if (type == null) throw new IllegalArgumentException("chart.type is required");
        Checks.required(title, "chart", "title");
        String where = "chart '" + title + "'";
        y = Checks.list(y, where, "y");
        filter = Checks.orderedMap(filter, where, "filter");
        switch (type) {
            case LINE, SCATTER, PARETO -> {
                Checks.required(x, where, "x (" + type.yamlName() + " charts need an x metric or parameter)");
                if (y.isEmpty()) throw new IllegalArgumentException(where + ".y is required for " + type.yamlName());
            }
            case STACKED_BAR -> {
                if (y.isEmpty()) y = Metrics.TIME_BREAKDOWN;
            }
            case HEATMAP -> {
                if (y.size() != 1) {
                    throw new IllegalArgumentException(where + ".y must name exactly one per-layer series, got " + y);
                }
            }
            case POWER_TIMELINE -> {
                if (x != null || !y.isEmpty() || seriesBy != null) {
                    throw new IllegalArgumentException(where + ": power-timeline charts take no x, y or seriesBy;"
                            + " they draw each window point's phases and components");
                }
            }
            case COMPARISON -> {
                if (x != null || !y.isEmpty() || seriesBy != null || !filter.isEmpty()) {
                    throw new IllegalArgumentException(where + ": comparison charts take no x, y, seriesBy or filter;"
                            + " they draw the experiment's comparisons");
                }
                if (yLabel == null || yLabel.isBlank()) yLabel = "Relative error vs published (%)";
            }
        }
        if (type == ChartType.PARETO && y.size() != 1) {
            throw new IllegalArgumentException(where + ".y must name exactly one metric for pareto, got " + y);
        }
        boolean categorical = type == ChartType.STACKED_BAR || type == ChartType.HEATMAP || type == ChartType.COMPARISON
                || type == ChartType.POWER_TIMELINE;
        if (seriesBy != null && categorical) {
            throw new IllegalArgumentException(where + ".seriesBy is not allowed for " + type.yamlName());
        }
        if (Boolean.TRUE.equals(logX) && categorical) throw new IllegalArgumentException(where + ".logX is not allowed for " + type.yamlName());
        if (Boolean.TRUE.equals(logY) && (type == ChartType.HEATMAP || type == ChartType.COMPARISON)) {
            throw new IllegalArgumentException(where + ".logY is not allowed for " + type.yamlName());
        }
        if (type != ChartType.PARETO && (xBetter != null || yBetter != null)) {
            throw new IllegalArgumentException(where + ".xBetter/yBetter are only allowed for pareto");
        }
        if (type == ChartType.PARETO) {
            if (xBetter == null) xBetter = Better.LOWER;
            if (yBetter == null) yBetter = Better.HIGHER;
        }
        labelBy = labelBy == null ? null : Checks.list(labelBy, where, "labelBy");
        if (labelBy != null && type != ChartType.SCATTER && type != ChartType.PARETO) {
            throw new IllegalArgumentException(where + ".labelBy is only allowed for scatter and pareto");
        }
        if (xLabel != null && xLabel.isBlank()) xLabel = null;
        if (yLabel != null && yLabel.isBlank()) yLabel = null;
    }

    /** A chart with default labels, automatic axis scales and no filter. */
    public static ChartSpec of(ChartType type, String title, String x, List<String> y, String seriesBy) {
        return new ChartSpec(type, title, x, y, seriesBy, Map.of(), null, null, null, null, null, null, null);
    }

    /** Whether a point with these parameters passes {@link #filter()}. */
    public boolean accepts(Map<String, String> parameters) {
        for (Map.Entry<String, String> f : filter.entrySet()) {
            if (!f.getValue().equals(parameters.get(f.getKey()))) return false;
        }
        return true;
    }
}
