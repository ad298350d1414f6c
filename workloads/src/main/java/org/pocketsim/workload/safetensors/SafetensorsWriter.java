package org.pocketsim.workload.safetensors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Streams a safetensors file whose tensors are declared up front: the header (with
 * {@code __metadata__}, padded to 8 bytes) is written on create, then rows are written in any
 * order by positional writes, so a caller can fill all tensors token by token. {@link #close()}
 * fails if any row was never written. Tensors are laid out contiguously in declaration order.
 */
public final class SafetensorsWriter implements AutoCloseable {

    /** A tensor to be written: name, dtype and shape (first dimension = rows). */
    public record Spec(String name, Dtype dtype, long... shape) {
        public Spec {
            shape = shape.clone();
        }
    }

    private final String name;
    private final FileChannel channel;
    private final List<TensorInfo> tensors;
    private final long dataStart;
    private final long[] rowsWritten;
    private final ByteBuffer rowBuffer;
    private boolean closed;

    private SafetensorsWriter(String name, FileChannel channel, List<TensorInfo> tensors, long dataStart) {
        this.name = name;
        this.channel = channel;
        this.tensors = tensors;
        this.dataStart = dataStart;
        this.rowsWritten = new long[tensors.size()];
        long maxRow = 8;
        for (TensorInfo t : tensors) maxRow = Math.max(maxRow, t.rowWidth() * t.dtype().sizeBytes());
        this.rowBuffer = ByteBuffer.allocateDirect(Math.toIntExact(maxRow)).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Creates (or truncates) {@code path} and writes the header for {@code specs} and {@code metadata}. */
    public static SafetensorsWriter create(Path path, List<Spec> specs, Map<String, String> metadata) {
        List<TensorInfo> infos = new ArrayList<>();
        long offset = 0;
        for (Spec s : specs) {
            long bytes = Math.multiplyExact(new TensorInfo(s.name(), s.dtype(), s.shape(), 0, 0).elementCount(), s.dtype().sizeBytes());
            infos.add(new TensorInfo(s.name(), s.dtype(), s.shape(), offset, offset + bytes));
            offset += bytes;
        }
        long distinct = infos.stream().map(TensorInfo::name).distinct().count();
        if (distinct != infos.size()) throw new SafetensorsException(path + ": duplicate tensor names");
        byte[] json = new SafetensorsHeader(infos, metadata).toPaddedJson();
        FileChannel ch = null;
        try {
            ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            ByteBuffer head = ByteBuffer.allocate(8 + json.length).order(ByteOrder.LITTLE_ENDIAN);
            head.putLong(json.length).put(json).flip();
            writeFully(ch, head, 0);
            return new SafetensorsWriter(path.toString(), ch, infos, 8 + json.length);
        } catch (IOException e) {
            if (ch != null) closeQuietly(ch);
            throw new SafetensorsException(path + ": cannot write: " + e, e);
        }
    }

    /** Index of tensor {@code tensor}, for the row writers. */
    public int indexOf(String tensor) {
        for (int i = 0; i < tensors.size(); i++) {
            if (tensors.get(i).name().equals(tensor)) return i;
        }
        throw new SafetensorsException(name + ": no tensor named " + tensor + " was declared");
    }

    /** Encodes {@code src} into the tensor's float dtype and writes it as row {@code row}. */
    public void writeRow(int tensor, long row, float[] src) {
        TensorInfo t = check(tensor, row, src.length, true);
        rowBuffer.clear();
        switch (t.dtype()) {
            case F16 -> {
                for (float v : src) rowBuffer.putShort(HalfFloats.floatToFp16(v));
            }
            case BF16 -> {
                for (float v : src) rowBuffer.putShort(HalfFloats.floatToBf16(v));
            }
            default -> {
                for (float v : src) rowBuffer.putFloat(v);
            }
        }
        flushRow(t, tensor, row);
    }

    /** Writes {@code src} as row {@code row} of an I32 tensor. */
    public void writeRow(int tensor, long row, int[] src) {
        TensorInfo t = check(tensor, row, src.length, false);
        rowBuffer.clear();
        for (int v : src) rowBuffer.putInt(v);
        flushRow(t, tensor, row);
    }

    /** Writes a whole float tensor from row-major {@code values}. */
    public void writeTensor(String tensor, float[] values) {
        int idx = indexOf(tensor);
        int width = Math.toIntExact(tensors.get(idx).rowWidth());
        float[] row = new float[width];
        for (long r = 0; r < tensors.get(idx).rows(); r++) {
            System.arraycopy(values, (int) (r * width), row, 0, width);
            writeRow(idx, r, row);
        }
    }

    /** Writes a whole I32 tensor from row-major {@code values}. */
    public void writeTensor(String tensor, int[] values) {
        int idx = indexOf(tensor);
        int width = Math.toIntExact(tensors.get(idx).rowWidth());
        int[] row = new int[width];
        for (long r = 0; r < tensors.get(idx).rows(); r++) {
            System.arraycopy(values, (int) (r * width), row, 0, width);
            writeRow(idx, r, row);
        }
    }

    private TensorInfo check(int tensor, long row, int length, boolean floating) {
        if (closed) throw new IllegalStateException(name + ": write after close");
        TensorInfo t = tensors.get(tensor);
        if (t.dtype().isFloating() != floating) {
            throw new IllegalArgumentException(name + ": tensor " + t.name() + " is " + t.dtype() + ", wrong row type");
        }
        if (length != t.rowWidth()) {
            throw new IllegalArgumentException(name + ": tensor " + t.name() + " rows hold " + t.rowWidth() + " values, got " + length);
        }
        if (row < 0 || row >= t.rows()) {
            throw new IndexOutOfBoundsException(name + ": tensor " + t.name() + " has " + t.rows() + " rows, got row " + row);
        }
        return t;
    }

    private void flushRow(TensorInfo t, int tensor, long row) {
        rowBuffer.flip();
        long rowBytes = rowBuffer.remaining();
        try {
            writeFully(channel, rowBuffer, dataStart + t.beginBytes() + row * rowBytes);
        } catch (IOException e) {
            throw new SafetensorsException(name + ": tensor " + t.name() + ": write failed: " + e, e);
        }
        rowsWritten[tensor]++;
    }

    /** Checks that every row was written (once each, by count) and closes the file. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            for (int i = 0; i < tensors.size(); i++) {
                if (rowsWritten[i] != tensors.get(i).rows()) {
                    throw new SafetensorsException(name + ": tensor " + tensors.get(i).name() + " got " + rowsWritten[i]
                            + " row writes for " + tensors.get(i).rows() + " rows");
                }
            }
        } finally {
            closeQuietly(channel);
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer src, long position) throws IOException {
        long pos = position;
        while (src.hasRemaining()) pos += ch.write(src, pos);
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // The caller already reports the first failure.
        }
    }

    @Override
    public String toString() {
        return name + " " + Arrays.toString(tensors.toArray());
    }
}
