package org.pocketsim.engine.experiment;

import org.pocketsim.hw.config.FieldException;

/**
 * A published measurement that a run of the experiment predicts, shown beside the prediction
 * with its relative error.
 *
 * @param label     label of the run (its {@code run.label}) that predicts it
 * @param metric    metric compared, e.g. tokensPerSecond, ttftMs, msPerToken
 * @param published the measured value
 * @param unit      unit of the value, as text
 * @param source    citation: paper or repository, table, row
 */
public record ReferenceSpec(String label, String metric, double published, String unit, String source) {

    public ReferenceSpec {
        if (label == null || label.isBlank()) throw new FieldException("label", "is required");
        if (metric == null || metric.isBlank()) throw new FieldException("metric", "is required");
        if (!(published != 0) || !Double.isFinite(published)) throw new FieldException("published", "must be a finite non-zero number");
        if (unit == null) unit = "";
        if (source == null || source.isBlank()) throw new FieldException("source", "is required: every published number cites its source");
    }
}
