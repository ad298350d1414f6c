package org.pocketsim.engine.quality;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pocketsim.engine.point.PointOutcome;
import org.pocketsim.engine.point.PreparedPoint;
import org.pocketsim.engine.result.TraceProvenance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A prepared point of any kind that also carries measured numbers: it runs as the point it wraps,
 * then adds the measured metrics; its inputs include the CSV's digest (a changed file re-runs the
 * point) and its notes say where the numbers came from.
 */
public record QualityJoinedPoint(PreparedPoint point, MeasuredQuality measured) implements PreparedPoint {

    @Override
    public ObjectNode inputs() {
        ObjectNode inputs = point.inputs().deepCopy();
        inputs.put("quality", measured.file() + "=" + measured.digest());
        return inputs;
    }

    @Override
    public List<TraceProvenance> traces() {
        return point.traces();
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>(point.notes());
        notes.add(measured.note());
        return notes;
    }

    @Override
    public PointOutcome run() {
        PointOutcome outcome = point.run();
        Map<String, Double> metrics = new LinkedHashMap<>(outcome.metrics());
        for (Map.Entry<String, Double> m : measured.metrics().entrySet()) {
            if (metrics.putIfAbsent(m.getKey(), m.getValue()) != null) {
                throw new IllegalStateException("the point simulates '" + m.getKey() + "' itself; a measured metric may not replace it");
            }
        }
        return new PointOutcome(metrics, outcome.series());
    }
}
