package org.pocketsim.engine.result;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Kinds of chart a report can draw; YAML names are lower case with dashes. */
public enum ChartType {
    /** y metric(s) against an x metric or numeric parameter, one line per series. */
    LINE("line"),
    /** Same as line, points only. */
    SCATTER("scatter"),
    /** Scatter of two metrics plus the frontier of points no other point beats on both. */
    PARETO("pareto"),
    /** One bar per point, stacked by metric (default: the ms/token time breakdown). */
    STACKED_BAR("stacked-bar"),
    /** One per-layer series per point: layers down, points across, colour is the value. */
    HEATMAP("heatmap"),
    /** Relative error of each prediction against its published measurement, with the tolerance band. */
    COMPARISON("comparison"),
    /**
     * Power against time through a decode run's window (start-up, load, prefill, decode), stacked
     * by component: one panel per point that has a window.
     */
    POWER_TIMELINE("power-timeline");

    private final String yamlName;

    ChartType(String yamlName) {
        this.yamlName = yamlName;
    }

    @JsonValue
    public String yamlName() {
        return yamlName;
    }

    @JsonCreator
    public static ChartType parse(String text) {
        for (ChartType t : values()) {
            if (t.yamlName.equals(text) || t.name().equals(text.toUpperCase(Locale.ROOT).replace('-', '_'))) return t;
        }
        throw new IllegalArgumentException("unknown chart type '" + text + "', expected one of "
                + Arrays.stream(values()).map(ChartType::yamlName).collect(Collectors.joining(", ")));
    }
}
