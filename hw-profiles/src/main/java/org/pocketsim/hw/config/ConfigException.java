package org.pocketsim.hw.config;

/**
 * A configuration error the user can fix: names the file, line, column and field path and says
 * what is wrong, on one line, e.g.
 * {@code configs/x.yaml:12:5: field 'dram.capacity': unknown unit 'GBB' (accepted: B, KB, ...)}.
 * Line and column are 1-based; 0 means unknown (and is left out). An empty field path means the
 * whole document (and {@code field '...'} is left out). The source is a file or resource name, or a
 * command-line argument such as {@code --set run.prompt=abc}; null when unknown (then the line
 * starts with the field).
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;
    private final String fieldPath;
    private final String problem;

    public ConfigException(String source, int line, int column, String fieldPath, String problem) {
        super(format(source, line, column, fieldPath, problem));
        this.source = source;
        this.line = line;
        this.column = column;
        this.fieldPath = fieldPath == null ? "" : fieldPath;
        this.problem = problem;
    }

    private static String format(String source, int line, int column, String fieldPath, String problem) {
        StringBuilder sb = new StringBuilder(source == null ? "" : source);
        if (sb.length() > 0 && line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        if (sb.length() > 0) {
            sb.append(": ");
        }
        if (fieldPath != null && !fieldPath.isEmpty()) {
            sb.append("field '").append(fieldPath).append("': ");
        }
        sb.append(problem.replace('\n', ' '));
        return sb.toString();
    }

    /** File name or resource name the error is in. */
    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** Dotted path of the offending field, e.g. {@code flash.sequentialRead[2].bandwidth}. */
    public String fieldPath() {
        return fieldPath;
    }

    /** The message without the location prefix. */
    public String problem() {
        return problem;
    }
}
