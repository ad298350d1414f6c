package org.pocketsim.engine.result;

import org.pocketsim.hw.config.ConfigOptional;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Map;

/**
 * One table of points the experiment YAML's {@code report.tables} adds below the summary: the
 * points whose swept parameters equal all of {@code filter}, with their parameters and the
 * chosen metrics, sortable like the summary. A study of many points gives each question its own
 * table (a kernel replay's retargeted decode steps, beside its summary of the measured device).
 *
 * @param title   the table's heading, and its entry in the page's contents
 * @param filter  only points whose parameters equal all these values (same keys and values as a chart's filter); empty: all
 * @param metrics catalogued metrics, in column order; at least one (a single YAML string is accepted)
 * @param note    a sentence under the heading that says how to read the table; null: none
 */
@JsonPropertyOrder({"title", "filter", "metrics", "note"})
public record PointTableSpec(String title, @ConfigOptional Map<String, String> filter,
                             @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> metrics,
                             @ConfigOptional @JsonInclude(JsonInclude.Include.NON_NULL) String note) {

    public PointTableSpec {
        Checks.required(title, "table", "title");
        String where = "table '" + title + "'";
        filter = Checks.orderedMap(filter, where, "filter");
        metrics = Checks.list(metrics, where, "metrics");
        if (metrics.isEmpty()) throw new IllegalArgumentException(where + ".metrics must name at least one metric");
        if (note != null && note.isBlank()) note = null;
    }
}
