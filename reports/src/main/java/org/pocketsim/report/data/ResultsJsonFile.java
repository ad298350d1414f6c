package org.pocketsim.report.data;

import org.pocketsim.engine.result.ExperimentResult;
import org.pocketsim.engine.result.ResultJson;

/**
 * {@code results.json}: the whole {@link ExperimentResult} (points with their per-layer series,
 * comparisons, tables, provenance, config), pretty-printed, ending with a newline. It reads back
 * with {@link ResultJson#experimentFromJson(String)}.
 */
public final class ResultsJsonFile {

    private ResultsJsonFile() {
    }

    public static String write(ExperimentResult result) {
        return ResultJson.toJson(result) + "\n";
    }
}
