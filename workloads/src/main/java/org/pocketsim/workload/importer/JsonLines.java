package org.pocketsim.workload.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.pocketsim.workload.trace.TraceException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a JSONL file into objects with their 1-based line numbers; blank lines are skipped. */
final class JsonLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Line(int number, JsonNode node) {
    }

    private JsonLines() {
    }

    static List<Line> read(Path in) {
        List<Line> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(in, StandardCharsets.UTF_8)) {
            int n = 0;
            for (String s = r.readLine(); s != null; s = r.readLine()) {
                n++;
                if (s.isBlank()) continue;
                JsonNode node;
                try {
                    node = JSON.readTree(s);
                } catch (JsonProcessingException e) {
                    throw error(in, n, "not valid JSON: " + e.getOriginalMessage().replace('\n', ' '));
                }
                if (!node.isObject()) throw error(in, n, "not a JSON object");
                out.add(new Line(n, node));
            }
        } catch (IOException e) {
            throw new TraceException(in + ": cannot read: " + e, e);
        }
        if (out.isEmpty()) throw new TraceException(in + ": no records");
        return out;
    }

    static TraceException error(Path in, int line, String what) {
        return new TraceException(in + ":" + line + ": " + what);
    }

    /** Field {@code name} of {@code line} as an int, or a line-numbered error. */
    static int intField(Path in, Line line, String name) {
        JsonNode v = line.node().get(name);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) throw error(in, line.number(), "field " + name + " missing or not an integer");
        return v.asInt();
    }

    /** Field {@code name} of {@code node} as an array, or a line-numbered error. */
    static JsonNode arrayField(Path in, int line, JsonNode node, String name) {
        JsonNode v = node.get(name);
        if (v == null || !v.isArray()) throw error(in, line, "field " + name + " missing or not an array");
        return v;
    }
}
