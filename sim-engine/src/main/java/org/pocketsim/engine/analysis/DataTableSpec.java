package org.pocketsim.engine.analysis;

import org.pocketsim.engine.result.ResultTable;
import org.pocketsim.hw.config.ConfigOptional;
import org.pocketsim.hw.config.FieldException;

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
 * @param file    CSV with a header row, relative to the experiment file (read by {@link CsvFile})
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
        CsvFile csv = CsvFile.read(configDir.resolve(file).toString(), configDir.resolve(file));
        List<String> shown = columns.isEmpty() ? csv.header() : columns;
        List<Integer> shownAt = new ArrayList<>();
        for (String c : shown) shownAt.add(csv.column(c));
        for (String c : filter.keySet()) csv.column(c);
        List<List<String>> rows = new ArrayList<>();
        for (List<String> cells : csv.rows()) {
            boolean keep = true;
            for (Map.Entry<String, String> f : filter.entrySet()) keep &= f.getValue().equals(cells.get(csv.column(f.getKey())));
            if (!keep) continue;
            List<String> row = new ArrayList<>();
            for (int i : shownAt) row.add(cells.get(i));
            rows.add(row);
        }
        return new ResultTable(title + " (" + file + ")", shown, rows);
    }
}
