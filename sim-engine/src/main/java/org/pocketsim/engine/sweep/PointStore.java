package org.pocketsim.engine.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Append-only store of finished points, one JSON line each ({@code {"hash": ..., "result": ...}}),
 * which makes sweeps resumable: a re-run skips points whose hash is already stored. A changed
 * config, seed or version changes the hash, so stale results are simply never matched. A
 * torn last line (the process was killed mid-write) is cut off when the store is opened, so
 * the next point starts on a line of its own; that point simply runs again.
 */
public final class PointStore implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final Map<String, JsonNode> finished = new HashMap<>();
    private BufferedWriter writer;

    public PointStore(Path file) {
        this.file = file;
        if (Files.exists(file)) load();
    }

    private void load() {
        try {
            dropTornTail();
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines) {
                if (line.isBlank()) continue;
                try {
                    JsonNode node = MAPPER.readTree(line);
                    if (node.hasNonNull("hash") && node.has("result")) finished.put(node.get("hash").asText(), node.get("result"));
                } catch (IOException torn) {
                    // An interrupted write leaves a partial last line; that point simply runs again.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sweep state " + file, e);
        }
    }

    /** Cuts the file after its last complete line (a line ends with a newline). */
    private void dropTornTail() throws IOException {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            long size = channel.size();
            long keep = size;
            java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
            while (keep > 0) {
                one.clear();
                channel.read(one, keep - 1);
                if (one.get(0) == '\n') break;
                keep--;
            }
            if (keep < size) channel.truncate(keep);
        }
    }

    /** The stored result of the point with this hash, or null. */
    public synchronized JsonNode find(String hash) {
        return finished.get(hash);
    }

    /** Appends a finished point and flushes, so a crash loses at most the points in flight. */
    public synchronized void append(String hash, JsonNode result) {
        try {
            if (writer == null) {
                Files.createDirectories(file.getParent());
                writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            ObjectNode line = MAPPER.createObjectNode();
            line.put("hash", hash);
            line.set("result", result);
            writer.write(MAPPER.writeValueAsString(line));
            writer.newLine();
            writer.flush();
            finished.put(hash, result);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write sweep state " + file, e);
        }
    }

    public synchronized int size() {
        return finished.size();
    }

    @Override
    public synchronized void close() {
        if (writer == null) return;
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close sweep state " + file, e);
        } finally {
            writer = null;
        }
    }
}
