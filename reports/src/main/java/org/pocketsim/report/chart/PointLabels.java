package org.pocketsim.report.chart;

import org.pocketsim.engine.result.ParameterNames;
import org.pocketsim.engine.result.PointResult;
import org.pocketsim.report.data.ParamLookup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Labels of points built from what distinguishes them: the swept parameters that take more
 * than one value among the drawn points ("keep 0.25, cache policy = LFU"), never those every
 * point shares or that a legend already shows.
 */
final class PointLabels {

    private PointLabels() {
    }

    /** Parameters with more than one value over {@code points}, in first-seen order, minus {@code shown}. */
    static List<String> varying(List<PointResult> points, Collection<String> shown) {
        Map<String, Set<String>> values = new LinkedHashMap<>();
        for (PointResult p : points) {
            for (Map.Entry<String, String> e : p.parameters().entrySet()) {
                values.computeIfAbsent(e.getKey(), k -> new LinkedHashSet<>()).add(e.getValue());
            }
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : values.entrySet()) {
            if (e.getValue().size() < 2) continue;
            if (shown.stream().anyMatch(s -> ParamLookup.same(s, e.getKey()))) continue;
            out.add(e.getKey());
        }
        return out;
    }

    /** "keep 0.25, cache policy = LFU"; "#index" when {@code names} is empty. */
    static String of(PointResult p, List<String> names) {
        if (names.isEmpty()) return "#" + p.index();
        return names.stream().map(n -> ParameterNames.pair(n, orEmpty(ParamLookup.get(p, n))))
                .collect(Collectors.joining(", "));
    }

    /**
     * One label for points drawn at the same place: shared values once, differing ones joined by
     * " / " ("keep 0.5, cache policy LRU / LFU").
     */
    static String ofGroup(List<PointResult> group, List<String> names) {
        if (group.size() == 1) return of(group.get(0), names);
        List<String> parts = new ArrayList<>();
        for (String n : names) {
            Set<String> vs = new LinkedHashSet<>();
            for (PointResult p : group) vs.add(ParameterNames.value(n, orEmpty(ParamLookup.get(p, n))));
            if (vs.size() == 1) {
                parts.add(ParameterNames.pair(n, orEmpty(ParamLookup.get(group.get(0), n))));
            } else {
                String joined = String.join(" / ", vs);
                parts.add(ParameterNames.namesItself(n) ? joined : ParameterNames.label(n) + " " + joined);
            }
        }
        return parts.isEmpty() ? group.stream().map(p -> "#" + p.index()).collect(Collectors.joining(" / "))
                : String.join(", ", parts);
    }

    private static String orEmpty(String v) {
        return v == null ? "" : v;
    }
}
