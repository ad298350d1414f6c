package org.pocketsim.engine.analysis;

import org.pocketsim.engine.result.ResultTable;
import org.pocketsim.hw.config.ConfigOptional;
import org.pocketsim.hw.config.FieldException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An experiment's {@code dataTables:} entry: measured or published numbers from a CSV file shown
 * as a table of the report (e.g. the perplexities that {@code tools/trace-capture/quality.py}
 * measured on the GPU machine), so a study sets them beside its simulated points without copying
 * them into code or config.
 *
 * @param title   caption
 * @param file    CSV with a header row, relative to the experiment file; cells without commas or quotes
 * @param columns columns to show, in order (default all)
 * @param filter  only rows whose cells equal all these values
 */
public record DataTableSpec(String title, String file, @ConfigOptional List<String> columns,
                            @ConfigOptional Map<String, String> filter) {

    public DataTableSpec {
        if (title == null || title.isBlank()) throw new FieldException("title", "is required");
        if (file == null || file.isBlank()) throw new FieldException("file", "is required: a CSV file");
        columns = columns == null ? List.of() : List.copyOf(columns);
        filter = filter == null ? Map.of() : Map.copyOf(filter);
    }

    /** Reads the file; a missing column is an error naming the file and the columns it has. */
    public ResultTable read(Path configDir) {
        Path path = configDir.resolve(file);
        List<String> lines;
        try {
            lines = Files.readAllLines(path);
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty()) throw new IllegalArgumentException(path + ": empty, expected a header row");
        List<String> header = List.of(lines.get(0).split(",", -1));
        List<String> shown = columns.isEmpty() ? header : columns;
        List<String> wanted = new ArrayList<>(shown);
        wanted.addAll(filter.keySet());
        for (String c : wanted) {
            if (!header.contains(c)) throw new IllegalArgumentException(path + ": no column '" + c + "' (columns: " + header + ")");
        }
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) continue;
            String[] cells = line.split(",", -1);
            boolean keep = true;
            for (Map.Entry<String, String> f : filter.entrySet()) keep &= f.getValue().equals(cells[header.indexOf(f.getKey())]);
            if (!keep) continue;
            List<String> row = new ArrayList<>();
            for (String c : shown) row.add(cells[header.indexOf(c)]);
            rows.add(row);
        }
        return new ResultTable(title + " (" + file + ")", shown, rows);
    }
}
