package org.pocketsim.workload.model;

/**
 * One weight matrix as a GEMV sees it: {@code rows} outputs by {@code cols} inputs ([out x in]).
 *
 * @param name short role name (q, k, v, o, up, gate, down, router, ...)
 */
public record MatrixShape(String name, int rows, int cols) {

    public MatrixShape {
        Checks.required("matrix name", name);
        Checks.positive(name + ".rows", rows);
        Checks.positive(name + ".cols", cols);
    }

    /** Number of weights. */
    public long params() {
        return (long) rows * cols;
    }
}
