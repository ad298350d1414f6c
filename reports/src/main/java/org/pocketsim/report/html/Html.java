package org.pocketsim.report.html;

import java.util.List;
import java.util.regex.Pattern;

/** Small HTML building blocks; every piece of text passes through {@link #escape}. */
final class Html {

    /**
     * Cells that read as a number (optionally signed, scientific, a percentage, or followed by one
     * unit word such as "tok/s" or "ms") align right and do not wrap.
     */
    private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9][0-9.]*(e-?[0-9]+)?(%| [A-Za-zµ/]+)?");

    /** Label cells longer than this (characters) wrap within a minimum width instead of widening the table. */
    private static final int LONG_LABEL = 24;

    private Html() {
    }

    /** Escapes the five characters that matter in element content and quoted attributes. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A table cell: text as shown, and the exact number it stands for (null for text), which
     * sorts the column and marks the cell numeric.
     */
    record Cell(String text, Double value) {
        static Cell text(String text) {
            return new Cell(text, null);
        }
    }

    /**
     * A table whose columns sort by a click on their header ({@link PageScript}); with
     * {@code filterBox}, a text box above it hides the rows that do not contain what is typed.
     * {@code labelColumns} leading columns are labels, which wrap instead of widening the table.
     */
    static void sortableTable(StringBuilder out, String id, String caption, List<String> header, List<String> tooltips,
                              List<List<Cell>> rows, boolean filterBox, int labelColumns, boolean tall) {
        if (filterBox) {
            out.append("<p class=\"filter\"><label>Filter rows: <input type=\"search\" data-filter=\"").append(escape(id))
                    .append("\" placeholder=\"text in any cell\"></label></p>\n");
        }
        out.append("<div class=\"scroll").append(tall ? " tall" : "").append("\"><table class=\"sortable\" id=\"")
                .append(escape(id)).append("\">\n");
        if (caption != null) out.append("<caption>").append(escape(caption)).append("</caption>\n");
        out.append("<thead><tr>");
        for (int c = 0; c < header.size(); c++) {
            String tip = tooltips.get(c);
            out.append(tip == null ? "<th scope=\"col\">" : "<th scope=\"col\" title=\"" + escape(tip) + "\">")
                    .append(escape(header.get(c))).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (List<Cell> row : rows) {
            out.append("<tr>");
            for (int c = 0; c < row.size(); c++) {
                Cell cell = row.get(c);
                if (cell.value() != null) {
                    out.append("<td class=\"num\" data-v=\"").append(cell.value()).append("\">");
                } else {
                    boolean longLabel = c < labelColumns && cell.text().length() > LONG_LABEL;
                    out.append(longLabel ? "<td class=\"label\">" : "<td>");
                }
                out.append(escape(cell.text())).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody></table></div>\n");
    }

    /** A table with an id, a header row and body rows; cells are plain text, escaped here. */
    static void table(StringBuilder out, String id, List<String> header, List<List<String>> rows) {
        table(out, id, header, rows, null);
    }

    /**
     * As {@link #table(StringBuilder, String, List, List)}, with a CSS class per row
     * ({@code rowClasses} may be null, or hold null for unclassed rows).
     */
    static void table(StringBuilder out, String id, List<String> header, List<List<String>> rows,
                      List<String> rowClasses) {
        out.append("<div class=\"scroll\"><table id=\"").append(escape(id)).append("\">\n<thead><tr>");
        for (String h : header) out.append("<th>").append(escape(h)).append("</th>");
        out.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < rows.size(); r++) {
            String cls = rowClasses == null ? null : rowClasses.get(r);
            out.append(cls == null ? "<tr>" : "<tr class=\"" + escape(cls) + "\">");
            for (String cell : rows.get(r)) {
                out.append(NUMBER.matcher(cell).matches() ? "<td class=\"num\">" : "<td>").append(escape(cell)).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody></table></div>\n");
    }
}
