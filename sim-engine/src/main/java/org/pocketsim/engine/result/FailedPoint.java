package org.pocketsim.engine.result;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Map;

/**
 * A sweep point that threw instead of producing a {@link PointResult}: it is shown in
 * results.csv (status {@code failed}), results.json ({@code failedPoints}) and at the top of the
 * report, and is not stored, so a re-run runs it again.
 *
 * @param index       position of the point in the sweep, 0-based
 * @param pointId     stable id of the point, as a finished point would have had
 * @param parameters  swept axis name to its value as written in the config, in axis order
 * @param error       what it threw, in one line
 * @param configError whether that was an error in the user's config (exit 2) rather than a bug or a lost file (exit 1)
 */
@JsonPropertyOrder({"index", "pointId", "parameters", "error", "configError"})
public record FailedPoint(int index, String pointId, Map<String, String> parameters, String error, boolean configError) {

    private static final String OWNER = "FailedPoint";

    public FailedPoint {
        if (index < 0) throw new IllegalArgumentException(OWNER + ".index must be >= 0, got " + index);
        Checks.required(pointId, OWNER, "pointId");
        parameters = Checks.orderedMap(parameters, OWNER, "parameters");
        Checks.required(error, OWNER, "error");
    }

    /** The point's parameters as "name=value" pairs joined by ", " (as the report labels points), or "base" without any. */
    public String label() {
        if (parameters.isEmpty()) return "base";
        List<String> parts = new java.util.ArrayList<>();
        parameters.forEach((k, v) -> parts.add(ParameterNames.pair(k, v)));
        return String.join(", ", parts);
    }
}
