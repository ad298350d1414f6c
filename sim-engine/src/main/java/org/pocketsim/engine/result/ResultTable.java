package org.pocketsim.engine.result;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A free table an experiment adds to its report beside the per-point results, e.g. the
 * calibration of a profile or a paper's table reproduced row by row. Cells are text, already
 * formatted by the producer.
 *
 * @param title   caption
 * @param columns column headers, at least one
 * @param rows    rows, each exactly as wide as {@code columns}
 */
@JsonPropertyOrder({"title", "columns", "rows"})
public record ResultTable(String title, List<String> columns, List<List<String>> rows) {

    private static final String OWNER = "ResultTable";

    public ResultTable {
        Checks.required(title, OWNER, "title");
        columns = Checks.list(columns, OWNER + "[" + title + "]", "columns");
        if (columns.isEmpty()) throw new IllegalArgumentException(OWNER + "[" + title + "].columns is empty");
        List<List<String>> copy = new ArrayList<>();
        List<List<String>> given = Checks.list(rows, OWNER + "[" + title + "]", "rows");
        for (int r = 0; r < given.size(); r++) {
            List<String> row = Checks.list(given.get(r), OWNER + "[" + title + "]", "rows[" + r + "]");
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(OWNER + "[" + title + "].rows[" + r + "] has " + row.size()
                        + " cells, expected " + columns.size());
            }
            copy.add(row);
        }
        rows = Collections.unmodifiableList(copy);
    }
}
