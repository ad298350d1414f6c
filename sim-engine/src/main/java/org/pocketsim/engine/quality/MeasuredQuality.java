package org.pocketsim.engine.quality;

import com.fasterxml.jackson.databind.JsonNode;
import org.pocketsim.engine.analysis.CsvFile;
import org.pocketsim.hw.config.FieldException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The measured numbers one point carries: the metrics of the one CSV row its {@link QualitySpec}
 * selects for the point's run values, with where they came from.
 *
 * @param metrics metric name to the measured value
 * @param note    provenance for the report's notes: file, line, the matched key values
 * @param file    the CSV as the config named it
 * @param digest  SHA-256 of the CSV (keys the stored point, so a changed file re-runs it)
 */
public record MeasuredQuality(Map<String, Double> metrics, String note, String file, String digest) {

    /**
     * Joins {@code spec} to the point whose run section is {@code run}.
     *
     * @param baseDir the experiment file's folder
     * @throws FieldException at {@code quality...} for an unknown column, a run field the point
     *                        does not have, no matching row, several matching rows or a cell that is not a number
     */
    public static MeasuredQuality join(QualitySpec spec, JsonNode run, Path baseDir) {
        List<String> readAs = new ArrayList<>();
        CsvFile csv;
        try {
            csv = CsvFile.read(spec.file(), baseDir.resolve(spec.file()));
        } catch (IllegalArgumentException e) {
            throw new FieldException("quality.file", e.getMessage());
        }
        Map<Integer, String> wanted = new LinkedHashMap<>();
        for (Map.Entry<String, String> k : spec.keys().entrySet()) {
            JsonNode value = at(run, k.getValue());
            if (value == null || !value.isValueNode() || value.isNull()) {
                throw new FieldException("quality.keys." + k.getKey(), "the run has no value at '" + k.getValue() + "'");
            }
            String text = value.asText();
            String alias = spec.sameAs().get(text);
            if (alias != null) readAs.add(text + " read as " + alias);
            wanted.put(column(csv, k.getKey(), "quality.keys." + k.getKey()), alias == null ? text : alias);
        }
        Map<Integer, List<String>> accepted = new LinkedHashMap<>();
        spec.filterValues().forEach((c, vs) -> accepted.put(column(csv, c, "quality.filter." + c), vs));
        Map<String, Integer> valueColumns = new LinkedHashMap<>();
        spec.metrics().forEach((m, c) -> valueColumns.put(m, column(csv, c, "quality.metrics." + m)));
        List<Integer> matches = new ArrayList<>();
        for (int r = 0; r < csv.rows().size(); r++) {
            List<String> row = csv.rows().get(r);
            boolean ok = true;
            for (Map.Entry<Integer, String> w : wanted.entrySet()) ok &= same(row.get(w.getKey()), w.getValue());
            for (Map.Entry<Integer, List<String>> a : accepted.entrySet()) {
                ok &= a.getValue().stream().anyMatch(v -> same(row.get(a.getKey()), v));
            }
            if (ok) matches.add(r);
        }
        String keyText = keyText(csv, wanted);
        if (matches.isEmpty()) {
            throw new FieldException("quality", "no row of " + spec.file() + " has " + keyText + filterText(spec)
                    + "; it has " + valuesText(csv, wanted.keySet()));
        }
        if (matches.size() > 1) {
            throw new FieldException("quality", matches.size() + " rows of " + spec.file() + " (lines "
                    + matches.stream().map(r -> String.valueOf(csv.lines().get(r))).collect(Collectors.joining(", "))
                    + ") have " + keyText + filterText(spec) + "; add a key or a filter that tells them apart");
        }
        int r = matches.get(0);
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> v : valueColumns.entrySet()) {
            String cell = csv.rows().get(r).get(v.getValue());
            try {
                metrics.put(v.getKey(), Double.parseDouble(cell));
            } catch (NumberFormatException e) {
                throw new FieldException("quality.metrics." + v.getKey(), spec.file() + ":" + csv.lines().get(r) + ": "
                        + csv.header().get(v.getValue()) + " '" + cell + "' is not a number");
            }
        }
        String note = String.join(", ", metrics.keySet()) + ": measured, not simulated; column"
                + (metrics.size() > 1 ? "s " : " ") + String.join(", ", spec.metrics().values()) + " of " + spec.file()
                + " line " + csv.lines().get(r) + (wanted.isEmpty() ? "" : " (" + keyText + ")")
                + (readAs.isEmpty() ? "" : "; " + String.join(", ", readAs) + " (quality.sameAs)");
        return new MeasuredQuality(java.util.Collections.unmodifiableMap(metrics), note, spec.file(), csv.digest());
    }

    /**
     * Whether {@code spec} joins the point whose run section is {@code run}: its {@code when}
     * fields all hold one of their listed values (always, without {@code when}).
     *
     * @throws FieldException at {@code quality.when.<field>} for a run field the point does not have
     *                        (a misspelt field would otherwise silently join nothing)
     */
    public static boolean applies(QualitySpec spec, JsonNode run) {
        for (Map.Entry<String, List<String>> w : spec.whenValues().entrySet()) {
            JsonNode value = at(run, w.getKey());
            if (value == null || !value.isValueNode() || value.isNull()) {
                throw new FieldException("quality.when." + w.getKey(), "the run has no value at '" + w.getKey() + "'");
            }
            if (w.getValue().stream().noneMatch(v -> same(value.asText(), v))) return false;
        }
        return true;
    }

    /** The node at a dotted path of the run section, or null. */
    private static JsonNode at(JsonNode run, String path) {
        JsonNode n = run;
        for (String part : path.split("\\.")) {
            if (n == null || !n.isObject()) return null;
            n = n.get(part);
        }
        return n;
    }

    private static int column(CsvFile csv, String column, String field) {
        try {
            return csv.column(column);
        } catch (IllegalArgumentException e) {
            throw new FieldException(field, e.getMessage());
        }
    }

    /** Cells equal as text, or as numbers when both are numbers ({@code 8} and {@code 8.0}). */
    static boolean same(String cell, String value) {
        if (cell.equals(value)) return true;
        try {
            return Double.parseDouble(cell) == Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String keyText(CsvFile csv, Map<Integer, String> wanted) {
        if (wanted.isEmpty()) return "no key";
        return wanted.entrySet().stream().map(w -> csv.header().get(w.getKey()) + " = " + w.getValue())
                .collect(Collectors.joining(" and "));
    }

    private static String filterText(QualitySpec spec) {
        if (spec.filter().isEmpty()) return "";
        return " (filter " + spec.filterValues().entrySet().stream()
                .map(f -> f.getKey() + " in " + f.getValue()).collect(Collectors.joining(", ")) + ")";
    }

    /** The values each key column takes in the file ("lambda 0.0, 0.1; cache_experts 8, 16"). */
    private static String valuesText(CsvFile csv, Set<Integer> columns) {
        if (columns.isEmpty()) return "no row passing the filter";
        List<String> parts = new ArrayList<>();
        for (int c : columns) {
            Set<String> vs = new LinkedHashSet<>();
            for (List<String> row : csv.rows()) vs.add(row.get(c));
            List<String> shown = new ArrayList<>(vs);
            String list = shown.size() > 12 ? String.join(", ", shown.subList(0, 12)) + ", ..." : String.join(", ", shown);
            parts.add(csv.header().get(c) + " " + list);
        }
        return String.join("; ", parts);
    }
}
