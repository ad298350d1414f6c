package org.pocketsim.workload.safetensors;

import java.util.Arrays;

/**
 * One tensor entry of a safetensors header: name, dtype, shape and byte range relative to the
 * start of the data buffer. Rows are the first dimension; a row holds the product of the
 * remaining dimensions (1 for a 1-D tensor, whose elements are then its rows).
 */
public record TensorInfo(String name, Dtype dtype, long[] shape, long beginBytes, long endBytes) {

    public TensorInfo {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("tensor name is empty");
        if (dtype == null) throw new IllegalArgumentException("tensor " + name + ": dtype is required");
        shape = shape.clone();
        for (long d : shape) {
            if (d < 0) throw new IllegalArgumentException("tensor " + name + ": negative dimension in shape " + Arrays.toString(shape));
        }
        if (beginBytes < 0 || endBytes < beginBytes) {
            throw new IllegalArgumentException("tensor " + name + ": bad data_offsets [" + beginBytes + ", " + endBytes + "]");
        }
    }

    /** Number of elements: the product of the shape (1 for a scalar). */
    public long elementCount() {
        long n = 1;
        for (long d : shape) n = Math.multiplyExact(n, d);
        return n;
    }

    /** Number of rows: the first dimension, or 1 for a scalar. */
    public long rows() {
        return shape.length == 0 ? 1 : shape[0];
    }

    /** Elements per row: the product of all dimensions after the first. */
    public long rowWidth() {
        long n = 1;
        for (int i = 1; i < shape.length; i++) n = Math.multiplyExact(n, shape[i]);
        return n;
    }

    public long sizeBytes() {
        return endBytes - beginBytes;
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorInfo t && name.equals(t.name) && dtype == t.dtype
                && Arrays.equals(shape, t.shape) && beginBytes == t.beginBytes && endBytes == t.endBytes;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + " " + dtype + " " + Arrays.toString(shape) + " @[" + beginBytes + ", " + endBytes + ")";
    }
}
