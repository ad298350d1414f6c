package org.pocketsim.engine.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything one experiment run produced, as the reports present it: what was asked, the
 * exact config and seed, the per-point results, the traces used, predictions beside published
 * measurements and free tables. Points are held sorted by index, so a sweep that finished its
 * points out of order still gives byte-identical reports.
 *
 * @param experimentId id of the experiment (names its output folder), letters, digits, '.', '_' or '-'
 * @param title        human title
 * @param question     the question the experiment answers (may be empty)
 * @param configText   the config as run (after overrides), verbatim
 * @param configHash   hash of {@code configText} (e.g. SHA-256 hex)
 * @param seed         experiment seed; point seeds derive from it
 * @param version      PocketSim version that ran it
 * @param points       per-point results, unique indices and ids
 * @param traces       provenance of every trace used
 * @param comparisons  predictions beside published measurements
 * @param tables       extra tables (calibration, reproduced paper tables)
 * @param report       the report section of the config; null means {@link ReportSpec#empty()}
 * @param resolved     point id to the resolved SoC and model numbers the point ran with (the
 *                     runner fills it; the report shows it under provenance); null means none
 * @param failedPoints the points that threw instead of finishing, sorted by index; their indices
 *                     and ids are not among {@code points}. Null means none; an empty list is left
 *                     out of the JSON, so a run without failures writes the same bytes as before
 *                     the field existed
 */
@JsonPropertyOrder({"experimentId", "title", "question", "configText", "configHash", "seed", "version",
        "points", "failedPoints", "traces", "comparisons", "tables", "report", "resolved"})
public record ExperimentResult(String experimentId, String title, String question, String configText,
                               String configHash, long seed, String version, List<PointResult> points,
                               List<TraceProvenance> traces, List<Comparison> comparisons,
                               List<ResultTable> tables, ReportSpec report, Map<String, JsonNode> resolved,
                               @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FailedPoint> failedPoints) {

    private static final String OWNER = "ExperimentResult";

    public ExperimentResult {
        Checks.required(experimentId, OWNER, "experimentId");
        if (!experimentId.matches("[A-Za-z0-9._-]+") || experimentId.startsWith(".")) {
            throw new IllegalArgumentException(OWNER + ".experimentId '" + experimentId
                    + "' must be letters, digits, '.', '_' or '-' and not start with '.'");
        }
        Checks.required(title, OWNER, "title");
        question = Checks.orEmpty(question);
        configText = Checks.orEmpty(configText);
        Checks.required(configHash, OWNER, "configHash");
        Checks.required(version, OWNER, "version");
        List<PointResult> sorted = new ArrayList<>(Checks.list(points, OWNER, "points"));
        sorted.sort(Comparator.comparingInt(PointResult::index));
        Set<Integer> indices = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (PointResult p : sorted) {
            if (!indices.add(p.index())) throw new IllegalArgumentException(OWNER + ": two points have index " + p.index());
            if (!ids.add(p.pointId())) throw new IllegalArgumentException(OWNER + ": two points have id " + p.pointId());
        }
        points = Collections.unmodifiableList(sorted);
        traces = Checks.list(traces, OWNER, "traces");
        comparisons = Checks.list(comparisons, OWNER, "comparisons");
        tables = Checks.list(tables, OWNER, "tables");
        if (report == null) report = ReportSpec.empty();
        Map<String, JsonNode> copy = new TreeMap<>();
        if (resolved != null) {
            for (Map.Entry<String, JsonNode> e : resolved.entrySet()) {
                if (!ids.contains(e.getKey())) {
                    throw new IllegalArgumentException(OWNER + ".resolved names point id " + e.getKey() + ", which no point has");
                }
                if (e.getValue() == null) throw new IllegalArgumentException(OWNER + ".resolved." + e.getKey() + " is null");
                copy.put(e.getKey(), e.getValue().deepCopy());
            }
        }
        resolved = Collections.unmodifiableMap(copy);
        List<FailedPoint> failed = new ArrayList<>(Checks.list(failedPoints, OWNER, "failedPoints"));
        failed.sort(Comparator.comparingInt(FailedPoint::index));
        for (FailedPoint f : failed) {
            if (!indices.add(f.index())) throw new IllegalArgumentException(OWNER + ": two points have index " + f.index());
            if (!ids.add(f.pointId())) throw new IllegalArgumentException(OWNER + ": two points have id " + f.pointId());
        }
        failedPoints = Collections.unmodifiableList(failed);
    }

    /** A result whose points all finished. */
    public ExperimentResult(String experimentId, String title, String question, String configText,
                            String configHash, long seed, String version, List<PointResult> points,
                            List<TraceProvenance> traces, List<Comparison> comparisons,
                            List<ResultTable> tables, ReportSpec report, Map<String, JsonNode> resolved) {
        this(experimentId, title, question, configText, configHash, seed, version, points, traces, comparisons,
                tables, report, resolved, null);
    }

    /** A result without resolved per-point numbers (the form before {@code resolved} existed). */
    public ExperimentResult(String experimentId, String title, String question, String configText,
                            String configHash, long seed, String version, List<PointResult> points,
                            List<TraceProvenance> traces, List<Comparison> comparisons,
                            List<ResultTable> tables, ReportSpec report) {
        this(experimentId, title, question, configText, configHash, seed, version, points, traces, comparisons,
                tables, report, null, null);
    }

    /** The resolved SoC and model numbers of a point, as a JSON tree; empty when the runner recorded none. */
    public java.util.Optional<JsonNode> resolvedOf(String pointId) {
        JsonNode n = resolved.get(pointId);
        return java.util.Optional.ofNullable(n == null ? null : n.deepCopy());
    }

    /** Swept parameter names over all points, in first-seen order. */
    public List<String> parameterNames() {
        Set<String> names = new LinkedHashSet<>();
        for (PointResult p : points) names.addAll(p.parameters().keySet());
        return List.copyOf(names);
    }

    /** Metric names over all points, in first-seen order. */
    public List<String> metricNames() {
        Set<String> names = new LinkedHashSet<>();
        for (PointResult p : points) names.addAll(p.metrics().keySet());
        return List.copyOf(names);
    }

    /** Series names over all points, in first-seen order. */
    public List<String> seriesNames() {
        Set<String> names = new LinkedHashSet<>();
        for (PointResult p : points) names.addAll(p.series().keySet());
        return List.copyOf(names);
    }
}
