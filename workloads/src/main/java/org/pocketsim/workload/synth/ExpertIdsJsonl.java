package org.pocketsim.workload.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a routing trace in the JSONL form of the OLMoE decode trace
 * ({@code {"tok": n, "layers": [[ids of layer 0], [ids of layer 1], ...]}} per line) for the
 * routing fitter, as {@code [layer][token][slot]} expert ids.
 */
public final class ExpertIdsJsonl {

    private ExpertIdsJsonl() {
    }

    public static int[][][] read(Path file) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /** The same from a stream (a copy shipped in the jar), {@code file} naming it in errors; the caller closes it. */
    public static int[][][] read(java.io.InputStream in, String file) {
        try {
            return read(new BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8)), file);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    private static int[][][] read(BufferedReader r, String file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<int[][]> tokens = new ArrayList<>();
        int lineNo = 0;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            lineNo++;
            if (line.isBlank()) continue;
            JsonNode layers = json.readTree(line).get("layers");
            if (layers == null || !layers.isArray()) throw new IllegalArgumentException(file + ":" + lineNo + ": no 'layers' array");
            int[][] row = new int[layers.size()][];
            for (int l = 0; l < row.length; l++) {
                JsonNode ids = layers.get(l);
                row[l] = new int[ids.size()];
                for (int s = 0; s < row[l].length; s++) row[l][s] = ids.get(s).asInt();
            }
            if (!tokens.isEmpty() && tokens.get(0).length != row.length) {
                throw new IllegalArgumentException(file + ":" + lineNo + ": " + row.length + " layers, first line had " + tokens.get(0).length);
            }
            tokens.add(row);
        }
        if (tokens.isEmpty()) throw new IllegalArgumentException(file + ": no tokens");
        int layers = tokens.get(0).length;
        int[][][] out = new int[layers][tokens.size()][];
        for (int t = 0; t < tokens.size(); t++) {
            for (int l = 0; l < layers; l++) out[l][t] = tokens.get(t)[l];
        }
        return out;
    }
}
