package org.pocketsim.workload.safetensors;

import java.nio.ByteBuffer;

/**
 * Row access to one tensor of a mapped safetensors file, decoding into caller-owned arrays
 * with no allocation. The tensor's bytes stay in the page cache: each chunk is a read-only
 * memory map holding a whole number of rows, so tensors over 2 GiB work too.
 */
public final class TensorView {

    private final String file;
    private final TensorInfo info;
    private final ByteBuffer[] chunks;
    private final long rowsPerChunk;
    private final int rowBytes;
    private final int rowWidth;
    private final SafetensorsFile owner;

    TensorView(String file, TensorInfo info, ByteBuffer[] chunks, long rowsPerChunk, SafetensorsFile owner) {
        this.file = file;
        this.info = info;
        this.chunks = chunks;
        this.rowsPerChunk = rowsPerChunk;
        this.rowWidth = Math.toIntExact(info.rowWidth());
        this.rowBytes = rowWidth * info.dtype().sizeBytes();
        this.owner = owner;
    }

    public TensorInfo info() {
        return info;
    }

    public long rows() {
        return info.rows();
    }

    public int rowWidth() {
        return rowWidth;
    }

    /** Decodes row {@code row} of an F16, BF16 or F32 tensor into {@code dst} (length = row width). */
    public void readRow(long row, float[] dst) {
        ByteBuffer b = locate(row, dst.length, true);
        int pos = (int) ((row % rowsPerChunk) * rowBytes);
        switch (info.dtype()) {
            case F16 -> {
                for (int i = 0; i < rowWidth; i++) dst[i] = HalfFloats.fp16ToFloat(b.getShort(pos + 2 * i));
            }
            case BF16 -> {
                for (int i = 0; i < rowWidth; i++) dst[i] = HalfFloats.bf16ToFloat(b.getShort(pos + 2 * i));
            }
            case F32 -> {
                for (int i = 0; i < rowWidth; i++) dst[i] = b.getFloat(pos + 4 * i);
            }
            default -> throw new IllegalStateException("unreachable");
        }
    }

    /** Copies row {@code row} of an I32 tensor into {@code dst} (length = row width). */
    public void readRow(long row, int[] dst) {
        ByteBuffer b = locate(row, dst.length, false);
        int pos = (int) ((row % rowsPerChunk) * rowBytes);
        for (int i = 0; i < rowWidth; i++) dst[i] = b.getInt(pos + 4 * i);
    }

    /** Element {@code column} of row {@code row} of an I32 tensor. */
    public int intAt(long row, int column) {
        ByteBuffer b = locate(row, rowWidth, false);
        if (column < 0 || column >= rowWidth) throw new IndexOutOfBoundsException(file + ": tensor " + info.name() + " column " + column);
        return b.getInt((int) ((row % rowsPerChunk) * rowBytes) + 4 * column);
    }

    /**
     * Index of the first row holding a NaN or infinity, or -1 when all values are finite (always
     * -1 for I32). Tests exponent bits without decoding, so it runs at memory speed.
     */
    public long firstNonFiniteRow() {
        if (!info.dtype().isFloating()) return -1;
        owner.checkOpen();
        for (long row = 0; row < rows(); row++) {
            ByteBuffer b = chunks[(int) (row / rowsPerChunk)];
            int pos = (int) ((row % rowsPerChunk) * rowBytes);
            if (!rowFinite(b, pos)) return row;
        }
        return -1;
    }

    private boolean rowFinite(ByteBuffer b, int pos) {
        switch (info.dtype()) {
            case F16 -> {
                for (int i = 0; i < rowWidth; i++) {
                    if ((b.getShort(pos + 2 * i) & 0x7C00) == 0x7C00) return false;
                }
            }
            case BF16 -> {
                for (int i = 0; i < rowWidth; i++) {
                    if ((b.getShort(pos + 2 * i) & 0x7F80) == 0x7F80) return false;
                }
            }
            default -> {
                for (int i = 0; i < rowWidth; i++) {
                    if ((b.getInt(pos + 4 * i) & 0x7F800000) == 0x7F800000) return false;
                }
            }
        }
        return true;
    }

    private ByteBuffer locate(long row, int dstLength, boolean wantFloat) {
        owner.checkOpen();
        if (info.dtype().isFloating() != wantFloat) {
            throw new IllegalArgumentException(file + ": tensor " + info.name() + " is " + info.dtype()
                    + ", read it into " + (wantFloat ? "int[]" : "float[]"));
        }
        if (dstLength != rowWidth) {
            throw new IllegalArgumentException(file + ": tensor " + info.name() + " rows hold " + rowWidth
                    + " values, destination holds " + dstLength);
        }
        if (row < 0 || row >= info.rows()) {
            throw new IndexOutOfBoundsException(file + ": tensor " + info.name() + " has " + info.rows() + " rows, asked for row " + row);
        }
        return chunks[(int) (row / rowsPerChunk)];
    }
}
