package org.pocketsim.engine.analysis;

import org.pocketsim.hw.config.ConfigOptional;
import org.pocketsim.hw.config.FieldException;

import java.util.List;

/**
 * An experiment's {@code headlines:} entry: a table that sets a method's Pareto front against a
 * baseline curve, both of tokens/s against DRAM footprint, beside a paper's published claims (see
 * {@link ParetoHeadline} for the two comparisons and their exact definitions).
 *
 * @param title      caption of the table
 * @param baseline   run label of the baseline (e.g. dense streamed from flash beyond the DRAM budget)
 * @param candidates run labels whose points together form the method's Pareto front
 * @param published  CSV of the published claims ({@code quantity,value,unit,source}), relative to
 *                   the experiment file; its rows are listed under the computed ones
 */
public record HeadlineSpec(String title, String baseline, List<String> candidates, @ConfigOptional String published) {

    public HeadlineSpec {
        if (title == null || title.isBlank()) throw new FieldException("title", "is required");
        if (baseline == null || baseline.isBlank()) throw new FieldException("baseline", "is required: a run label");
        if (candidates == null || candidates.isEmpty()) throw new FieldException("candidates", "is required: run labels");
        candidates = List.copyOf(candidates);
    }
}
