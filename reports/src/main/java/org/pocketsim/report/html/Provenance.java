package org.pocketsim.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.pocketsim.engine.result.ExperimentResult;
import org.pocketsim.engine.result.ParameterNames;
import org.pocketsim.engine.result.PointResult;
import org.pocketsim.engine.result.TraceProvenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The provenance section: what ran (PocketSim version and commit), on what (config hash and
 * seed), with which resolved SoC and model numbers per point (one collapsible block each), from
 * which traces (each with its source), and the config as run, verbatim.
 */
final class Provenance {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Provenance() {
    }

    static void section(StringBuilder out, ExperimentResult r, Optional<String> commit) {
        out.append("<h2 id=\"provenance\">Provenance</h2>\n<dl class=\"meta\">\n");
        meta(out, "PocketSim version", r.version());
        meta(out, "git commit", commit.orElse("not known (PocketSim did not run from a git checkout)"));
        meta(out, "config hash", r.configHash());
        meta(out, "seed", Long.toString(r.seed()));
        out.append("</dl>\n");
        resolved(out, r);
        traces(out, r);
        out.append("<h2 id=\"config\">Config as run</h2>\n<p class=\"note\">hash ").append(Html.escape(r.configHash()))
                .append(", seed ").append(r.seed()).append("</p>\n<pre id=\"config-text\">")
                .append(Html.escape(r.configText())).append("</pre>\n");
    }

    private static void meta(StringBuilder out, String key, String value) {
        out.append("<dt>").append(Html.escape(key)).append("</dt><dd>").append(Html.escape(value)).append("</dd>\n");
    }

    private static void resolved(StringBuilder out, ExperimentResult r) {
        out.append("<h3 id=\"resolved\">Resolved SoC and model of each point</h3>\n");
        if (r.resolved().isEmpty()) {
            out.append("<p class=\"note\">This run recorded no resolved numbers; the presets and overrides are in the config below.</p>\n");
            return;
        }
        out.append("<p class=\"note\">Every number each point ran with, after presets, overrides and sweep values "
                + "(also in <a href=\"").append(ReportPage.JSON_FILE).append("\">results.json</a>).</p>\n");
        for (PointResult p : r.points()) {
            Optional<JsonNode> node = r.resolvedOf(p.pointId());
            if (node.isEmpty()) continue;
            String what = p.parameters().entrySet().stream().map(e -> ParameterNames.pair(e.getKey(), e.getValue()))
                    .collect(Collectors.joining(", "));
            out.append("<details><summary>#").append(p.index()).append(what.isEmpty() ? "" : " " + Html.escape(what))
                    .append("</summary><pre>").append(Html.escape(pretty(node.get()))).append("</pre></details>\n");
        }
    }

    private static String pretty(JsonNode node) {
        try {
            return JSON.writeValueAsString(node).replace("\r\n", "\n");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot print resolved numbers: " + e.getOriginalMessage(), e);
        }
    }

    private static void traces(StringBuilder out, ExperimentResult r) {
        out.append("<h3 id=\"traces\">Traces</h3>\n");
        if (r.traces().isEmpty()) {
            out.append("<p class=\"note\">No trace was used.</p>\n");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (TraceProvenance t : r.traces()) {
            String details = t.details().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                    .collect(Collectors.joining("; "));
            rows.add(List.of(t.label(), t.modelId(), t.sourceKind(), Integer.toString(t.tokens()), details));
        }
        Html.table(out, "traces", List.of("trace", "model", "kind", "tokens", "source and details"), rows);
    }
}
