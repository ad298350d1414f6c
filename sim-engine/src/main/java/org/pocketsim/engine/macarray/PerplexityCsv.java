package org.pocketsim.engine.macarray;

import org.pocketsim.engine.analysis.CsvFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Measured perplexity per number format, as {@code tools/trace-capture/quality.py --formats}
 * writes it (columns {@code model, setting, weights, activations, ..., ppl, delta_ppl, ...,
 * device, ..., commit}). A file that is not there yet is {@link #absent}: the study shows "not
 * measured yet", never a number of its own.
 *
 * @param file   where it was looked for, as the config wrote it
 * @param rows   its rows; empty when absent
 * @param digest SHA-256 of its bytes, or {@code absent} (keys the stored points)
 */
record PerplexityCsv(String file, List<Row> rows, String digest) {

    static final List<String> REQUIRED = List.of("model", "setting", "weights", "activations", "ppl", "delta_ppl", "device", "commit");

    /** One measured setting: weights and activations fake-quantised in their formats ({@code none} = unquantised). */
    record Row(String model, String setting, String weights, String activations, double ppl, String deltaPpl,
               String device, String commit) {
    }

    boolean absent() {
        return digest.equals("absent");
    }

    /**
     * Reads {@code path} ({@code file} is how the config named it).
     *
     * @throws IllegalArgumentException naming the file and line when a column is missing or a ppl is not a number
     */
    static PerplexityCsv read(String file, Path path) {
        if (!Files.isRegularFile(path)) return new PerplexityCsv(file, List.of(), "absent");
        try {
            byte[] bytes = Files.readAllBytes(path);
            List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
            if (lines.isEmpty()) throw new IllegalArgumentException(file + ": empty (expected a header " + REQUIRED + ")");
            List<String> header = CsvFile.cells(lines.get(0));
            int[] col = new int[REQUIRED.size()];
            for (int i = 0; i < col.length; i++) {
                col[i] = header.indexOf(REQUIRED.get(i));
                if (col[i] < 0) throw new IllegalArgumentException(file + ":1: no column '" + REQUIRED.get(i) + "'");
            }
            List<Row> rows = new ArrayList<>();
            for (int n = 1; n < lines.size(); n++) {
                List<String> c = CsvFile.cells(lines.get(n));
                if (c.size() != header.size()) {
                    throw new IllegalArgumentException(file + ":" + (n + 1) + ": " + c.size() + " cells, header has " + header.size());
                }
                double ppl;
                try {
                    ppl = Double.parseDouble(c.get(col[4]));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + ":" + (n + 1) + ": ppl '" + c.get(col[4]) + "' is not a number");
                }
                rows.add(new Row(c.get(col[0]), c.get(col[1]), c.get(col[2]), c.get(col[3]), ppl, c.get(col[5]),
                        c.get(col[6]), c.get(col[7])));
            }
            return new PerplexityCsv(file, List.copyOf(rows), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read (" + e.getMessage() + ")");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
