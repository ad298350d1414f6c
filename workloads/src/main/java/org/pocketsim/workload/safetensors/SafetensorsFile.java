package org.pocketsim.workload.safetensors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A safetensors file opened for reading: the header is parsed and validated on open; tensor
 * data is memory-mapped lazily per tensor (in chunks of whole rows of at most 1 GiB), never
 * copied onto the heap. Not thread-safe for open/close; row reads of distinct arrays are.
 */
public final class SafetensorsFile implements AutoCloseable {

    /** Largest mapping PocketSim makes; a chunk holds as many whole rows as fit. */
    static final long DEFAULT_CHUNK_BYTES = 1L << 30;
    /** Headers above this size are refused as corrupt (the reference library allows 100 MB). */
    private static final long MAX_HEADER_BYTES = 100_000_000L;

    private final String name;
    private final FileChannel channel;
    private final SafetensorsHeader header;
    private final long dataStart;
    private final long chunkBytes;
    private final Map<String, TensorView> views = new HashMap<>();
    private volatile boolean closed;

    private SafetensorsFile(String name, FileChannel channel, SafetensorsHeader header, long dataStart, long chunkBytes) {
        this.name = name;
        this.channel = channel;
        this.header = header;
        this.dataStart = dataStart;
        this.chunkBytes = chunkBytes;
    }

    /** Opens and validates {@code path}; errors are {@link SafetensorsException}s naming the file. */
    public static SafetensorsFile open(Path path) {
        return open(path, DEFAULT_CHUNK_BYTES);
    }

    static SafetensorsFile open(Path path, long chunkBytes) {
        String name = path.toString();
        FileChannel ch;
        try {
            ch = FileChannel.open(path, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new SafetensorsException(name + ": cannot open: " + e, e);
        }
        try {
            long size = ch.size();
            if (size < 8) throw new SafetensorsException(name + ": file of " + size + " bytes is too short for a safetensors header");
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, len, 0, name);
            long headerBytes = len.getLong(0);
            if (headerBytes < 2 || headerBytes > MAX_HEADER_BYTES || headerBytes > size - 8) {
                throw new SafetensorsException(name + ": header length " + headerBytes + " is beyond the file of " + size + " bytes");
            }
            ByteBuffer json = ByteBuffer.allocate((int) headerBytes);
            readFully(ch, json, 8, name);
            long dataStart = 8 + headerBytes;
            SafetensorsHeader header = SafetensorsHeader.parse(name, json.array(), size - dataStart);
            return new SafetensorsFile(name, ch, header, dataStart, chunkBytes);
        } catch (RuntimeException e) {
            closeQuietly(ch);
            throw e;
        } catch (IOException e) {
            closeQuietly(ch);
            throw new SafetensorsException(name + ": cannot read: " + e, e);
        }
    }

    public SafetensorsHeader header() {
        return header;
    }

    public List<TensorInfo> tensors() {
        return header.tensors();
    }

    public Map<String, String> metadata() {
        return header.metadata();
    }

    public boolean contains(String tensor) {
        return header.find(tensor) != null;
    }

    /** Row access to tensor {@code tensor}, mapped on first use. */
    public synchronized TensorView tensor(String tensor) {
        checkOpen();
        TensorView v = views.get(tensor);
        if (v != null) return v;
        TensorInfo info = header.find(tensor);
        if (info == null) throw new SafetensorsException(name + ": no tensor named " + tensor);
        v = map(info);
        views.put(tensor, v);
        return v;
    }

    private TensorView map(TensorInfo info) {
        long rowBytes = Math.multiplyExact(info.rowWidth(), info.dtype().sizeBytes());
        if (rowBytes > Integer.MAX_VALUE) throw new SafetensorsException(name + ": tensor " + info.name() + " has rows over 2 GiB");
        long rowsPerChunk = Math.max(1, rowBytes == 0 ? info.rows() : chunkBytes / rowBytes);
        long rows = info.rows();
        int nChunks = (int) Math.max(1, (rows + rowsPerChunk - 1) / rowsPerChunk);
        ByteBuffer[] chunks = new ByteBuffer[nChunks];
        try {
            for (int c = 0; c < nChunks; c++) {
                long firstRow = c * rowsPerChunk;
                long chunkRows = Math.min(rowsPerChunk, rows - firstRow);
                long offset = dataStart + info.beginBytes() + firstRow * rowBytes;
                chunks[c] = channel.map(FileChannel.MapMode.READ_ONLY, offset, Math.max(0, chunkRows * rowBytes))
                        .order(ByteOrder.LITTLE_ENDIAN);
            }
        } catch (IOException e) {
            throw new SafetensorsException(name + ": tensor " + info.name() + ": cannot map: " + e, e);
        }
        return new TensorView(name, info, chunks, rowsPerChunk, this);
    }

    void checkOpen() {
        if (closed) throw new IllegalStateException(name + ": read after close");
    }

    @Override
    public synchronized void close() {
        closed = true;
        views.clear();
        closeQuietly(channel);
    }

    private static void readFully(FileChannel ch, ByteBuffer dst, long position, String name) throws IOException {
        long pos = position;
        while (dst.hasRemaining()) {
            int n = ch.read(dst, pos);
            if (n < 0) throw new SafetensorsException(name + ": unexpected end of file");
            pos += n;
        }
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // Closing a read-only channel cannot lose data; the open error is what matters.
        }
    }
}
