package org.pocketsim.workload.safetensors;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.ShortBuffer;

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
    /** Typed views of the chunks (ShortBuffer for F16/BF16, FloatBuffer, IntBuffer) for bulk copies. */
    private final ShortBuffer[] shorts;
    private final FloatBuffer[] floats;
    private final IntBuffer[] ints;
    /** Per-thread row of raw 16-bit patterns: bulk-copied first, then decoded in a tight loop. */
    private final ThreadLocal<short[]> rawRow;

    TensorView(String file, TensorInfo info, ByteBuffer[] chunks, long rowsPerChunk, SafetensorsFile owner) {
        this.file = file;
        this.info = info;
        this.chunks = chunks;
        this.rowsPerChunk = rowsPerChunk;
        this.rowWidth = Math.toIntExact(info.rowWidth());
        this.rowBytes = rowWidth * info.dtype().sizeBytes();
        this.owner = owner;
        Dtype d = info.dtype();
        this.shorts = d == Dtype.F16 || d == Dtype.BF16 ? new ShortBuffer[chunks.length] : null;
        this.floats = d == Dtype.F32 ? new FloatBuffer[chunks.length] : null;
        this.ints = d == Dtype.I32 ? new IntBuffer[chunks.length] : null;
        for (int c = 0; c < chunks.length; c++) {
            if (shorts != null) shorts[c] = chunks[c].asShortBuffer();
            if (floats != null) floats[c] = chunks[c].asFloatBuffer();
            if (ints != null) ints[c] = chunks[c].asIntBuffer();
        }
        this.rawRow = shorts == null ? null : ThreadLocal.withInitial(() -> new short[rowWidth]);
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
        locate(row, dst.length, true);
        int chunk = (int) (row / rowsPerChunk);
        int first = (int) (row % rowsPerChunk) * rowWidth;
        switch (info.dtype()) {
            case F16 -> {
                short[] raw = rawRow.get();
                shorts[chunk].get(first, raw, 0, rowWidth);
                for (int i = 0; i < rowWidth; i++) dst[i] = HalfFloats.fp16ToFloat(raw[i]);
            }
            case BF16 -> {
                short[] raw = rawRow.get();
                shorts[chunk].get(first, raw, 0, rowWidth);
                for (int i = 0; i < rowWidth; i++) dst[i] = Float.intBitsToFloat(raw[i] << 16);
            }
            case F32 -> floats[chunk].get(first, dst, 0, rowWidth);
            default -> throw new IllegalStateException("unreachable");
        }
    }

    /** Copies row {@code row} of an I32 tensor into {@code dst} (length = row width). */
    public void readRow(long row, int[] dst) {
        locate(row, dst.length, false);
        ints[(int) (row / rowsPerChunk)].get((int) (row % rowsPerChunk) * rowWidth, dst, 0, rowWidth);
    }

    /** Element {@code column} of row {@code row} of an I32 tensor. */
    public int intAt(long row, int column) {
        ByteBuffer b = locate(row, rowWidth, false);
        if (column < 0 || column >= rowWidth) throw new IndexOutOfBoundsException(file + ": tensor " + info.name() + " column " + column);
        return b.getInt((int) ((row % rowsPerChunk) * rowBytes) + 4 * column);
    }

    /**
     * Index of the first row holding a NaN or infinity, or -1 when all values are finite (always
     * -1 for I32). Tests exponent bits of bulk-copied rows without decoding, branch-free per element.
     */
    public long firstNonFiniteRow() {
        if (!info.dtype().isFloating()) return -1;
        owner.checkOpen();
        short[] raw = rawRow == null ? null : rawRow.get();
        float[] values = raw == null ? new float[rowWidth] : null;
        int expMask = info.dtype() == Dtype.F16 ? 0x7C00 : 0x7F80;
        for (long row = 0; row < rows(); row++) {
            int chunk = (int) (row / rowsPerChunk);
            int first = (int) (row % rowsPerChunk) * rowWidth;
            boolean finite = true;
            if (raw != null) {
                shorts[chunk].get(first, raw, 0, rowWidth);
                for (int i = 0; i < rowWidth; i++) finite &= (raw[i] & expMask) != expMask;
            } else {
                floats[chunk].get(first, values, 0, rowWidth);
                for (int i = 0; i < rowWidth; i++) finite &= (Float.floatToRawIntBits(values[i]) & 0x7F800000) != 0x7F800000;
            }
            if (!finite) return row;
        }
        return -1;
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
