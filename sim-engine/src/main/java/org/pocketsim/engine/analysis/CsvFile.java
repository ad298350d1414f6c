package org.pocketsim.engine.analysis;

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
 * A CSV file a study reads measured or published numbers from (the GPU machine's perplexity
 * files, published tables): a header row, then rows of cells, as Python's csv module writes them
 * (double quotes group a cell, {@code ""} inside them is a quote). Blank lines are skipped; every
 * row must have as many cells as the header. The one reader of {@code dataTables:}, the
 * {@code quality:} join and the mac-array perplexity files.
 *
 * @param name   the file as the config wrote it, for messages
 * @param header column names
 * @param rows   cells per row
 * @param lines  1-based line number of each row in the file
 * @param digest SHA-256 of the file's bytes (keys stored points that read it)
 */
public record CsvFile(String name, List<String> header, List<List<String>> rows, List<Integer> lines, String digest) {

    public CsvFile {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        lines = List.copyOf(lines);
    }

    /**
     * Reads {@code path}; {@code name} is how the config named it.
     *
     * @throws IllegalArgumentException naming the file (and line) when it cannot be read, is empty
     *                                  or has a row whose cell count differs from the header's
     */
    public static CsvFile read(String name, Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new IllegalArgumentException(name + ": cannot be read (" + (Files.exists(path) ? e.getMessage() : "no such file") + ")");
        }
        List<String> text = new String(bytes, StandardCharsets.UTF_8).lines().toList();
        List<String> header = null;
        List<List<String>> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (int n = 0; n < text.size(); n++) {
            if (text.get(n).isBlank()) continue;
            List<String> cells = cells(text.get(n));
            if (header == null) {
                header = cells;
                continue;
            }
            if (cells.size() != header.size()) {
                throw new IllegalArgumentException(name + ":" + (n + 1) + ": " + cells.size() + " cells, the header has " + header.size());
            }
            rows.add(cells);
            lines.add(n + 1);
        }
        if (header == null) throw new IllegalArgumentException(name + ": empty, expected a header row");
        return new CsvFile(name, header, rows, lines, sha256(bytes));
    }

    /** Index of {@code column}; an error naming the file and its columns when it has none of that name. */
    public int column(String column) {
        int i = header.indexOf(column);
        if (i < 0) throw new IllegalArgumentException(name + ": no column '" + column + "' (columns: " + header + ")");
        return i;
    }

    /** One CSV line's cells. */
    public static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
