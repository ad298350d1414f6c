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
import java.util.Locale;

/** Reads a JSONL file into objects with their 1-based line numbers; blank lines are skipped. */
final class JsonLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Line(int number, JsonNode node) {
    }

    private JsonLines() {
    }

    /** Records (tokens) a file may hold: as many as {@code trace synth --tokens} allows. */
    static final int MAX_RECORDS = 1_000_000;
    /** Values one tensor of a layer may hold: the longest Java array. */
    static final long MAX_VALUES = Integer.MAX_VALUE - 8;

    static List<Line> read(Path in) {
        return read(in, MAX_RECORDS);
    }

    /** The records of {@code in}, at most {@code maxRecords} of them (a test gives a small bound). */
    static List<Line> read(Path in, int maxRecords) {
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
                if (out.size() == maxRecords) throw error(in, n, "more than " + String.format(Locale.ROOT, "%,d", maxRecords) + " records (tokens), the bound of a trace");
                out.add(new Line(n, node));
            }
        } catch (IOException e) {
            throw new TraceException(in + ": cannot read: " + e, e);
        }
        if (out.isEmpty()) throw new TraceException(in + ": no records");
        return out;
    }

    /** Checks that {@code tokens x width} values of one layer fit an array, else an error naming {@code line}. */
    static void checkValues(Path in, int line, long tokens, long width, String what) {
        if (tokens * width > MAX_VALUES) {
            throw error(in, line, String.format(Locale.ROOT, "%,d records x %,d %s = %,d values per layer, more than %,d", tokens, width, what,
                    tokens * width, MAX_VALUES));
        }
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
