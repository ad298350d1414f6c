package org.pocketsim.kernel.cost;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the small CSV data resources of the kernels module (published numbers with their
 * source): {@code #} lines are the source note, the first other line is the header, every row
 * must have as many fields as the header. Fields hold no commas.
 */
public record CsvTable(String resource, String source, List<String> header, List<List<String>> rows, List<Integer> lineNumbers) {

    static CsvTable load(String resource, List<String> expectedHeader) {
        return load(CsvTable.class, resource, expectedHeader);
    }

    /** Loads {@code resource} relative to {@code anchor}'s package; the header must equal {@code expectedHeader}. */
    public static CsvTable load(Class<?> anchor, String resource, List<String> expectedHeader) {
        InputStream in = anchor.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("cost table resource " + resource + " not found");
        }
        StringBuilder source = new StringBuilder();
        List<String> header = null;
        List<List<String>> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                if (line.startsWith("#")) {
                    source.append(source.length() == 0 ? "" : " ").append(line.substring(1).trim());
                    continue;
                }
                List<String> fields = List.of(line.split(",", -1));
                if (header == null) {
                    if (!fields.equals(expectedHeader)) {
                        throw new IllegalArgumentException(resource + ":" + n + ": header must be " + expectedHeader
                                + ", got " + fields);
                    }
                    header = fields;
                } else if (fields.size() != header.size()) {
                    throw new IllegalArgumentException(resource + ":" + n + ": expected " + header.size()
                            + " fields, got " + fields.size());
                } else {
                    rows.add(fields);
                    lines.add(n);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
        if (header == null) {
            throw new IllegalArgumentException(resource + ": no header line");
        }
        return new CsvTable(resource, source.toString(), header, rows, lines);
    }

    /** Text of row {@code i}, column {@code col}, trimmed. */
    public String text(int i, int col) {
        return rows.get(i).get(col).trim();
    }

    /** The number in row {@code i}, column {@code col}; NaN when empty; an error naming file and line otherwise. */
    public double number(int i, int col) {
        String s = rows.get(i).get(col).trim();
        if (s.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(resource + ":" + lineNumbers.get(i) + ": " + header.get(col)
                    + " '" + s + "' is not a number");
        }
    }
}
