package org.pocketsim.hw.config;

/**
 * Thrown by config record constructors when one field is invalid. The loader turns it into a
 * {@link ConfigException} whose path is the record's path plus {@link #field()}, so the user sees
 * the file, line and column of that field. Outside the loader it reads as a plain
 * IllegalArgumentException naming the field.
 */
public final class FieldException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String problem;

    /**
     * @param field path of the field relative to the record being built, e.g. {@code capacity}
     *              or {@code sequentialRead[1].bandwidth}
     */
    public FieldException(String field, String problem) {
        super("field '" + field + "': " + problem);
        this.field = field;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
