package org.pocketsim.workload.safetensors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed and validated JSON header of a safetensors file: tensors in header order and the
 * {@code __metadata__} string map. Parsing checks every entry against the data buffer size, so
 * a reader never maps bytes outside the file.
 */
public record SafetensorsHeader(List<TensorInfo> tensors, Map<String, String> metadata) {

    static final String METADATA_KEY = "__metadata__";
    private static final ObjectMapper JSON = new ObjectMapper();

    public SafetensorsHeader {
        tensors = List.copyOf(tensors);
        metadata = Map.copyOf(metadata);
    }

    /**
     * Parses header JSON {@code json} of file {@code file} whose data buffer holds
     * {@code dataBytes} bytes; every error is one line naming the file and the tensor.
     */
    public static SafetensorsHeader parse(String file, byte[] json, long dataBytes) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SafetensorsException(file + ": header is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new SafetensorsException(file + ": header cannot be read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) throw new SafetensorsException(file + ": header is not a JSON object");
        Map<String, String> metadata = new LinkedHashMap<>();
        List<TensorInfo> tensors = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals(METADATA_KEY)) {
                readMetadata(file, e.getValue(), metadata);
            } else {
                tensors.add(readTensor(file, e.getKey(), e.getValue(), dataBytes));
            }
        }
        checkNoOverlap(file, tensors);
        return new SafetensorsHeader(tensors, metadata);
    }

    /** This header as JSON bytes, metadata first (keys sorted, so output is deterministic), padded with spaces to a multiple of 8 as the reference library does. */
    public byte[] toPaddedJson() {
        ObjectNode root = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = root.putObject(METADATA_KEY);
            new java.util.TreeMap<>(metadata).forEach(meta::put);
        }
        for (TensorInfo t : tensors) {
            ObjectNode n = root.putObject(t.name());
            n.put("dtype", t.dtype().name());
            var shape = n.putArray("shape");
            for (long d : t.shape()) shape.add(d);
            n.putArray("data_offsets").add(t.beginBytes()).add(t.endBytes());
        }
        byte[] raw;
        try {
            raw = JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new SafetensorsException("cannot serialise safetensors header: " + e.getOriginalMessage(), e);
        }
        int padded = (raw.length + 7) & ~7;
        byte[] out = new byte[padded];
        System.arraycopy(raw, 0, out, 0, raw.length);
        for (int i = raw.length; i < padded; i++) out[i] = ' ';
        return out;
    }

    /** The tensor named {@code name}, or null. */
    public TensorInfo find(String name) {
        for (TensorInfo t : tensors) {
            if (t.name().equals(name)) return t;
        }
        return null;
    }

    private static void readMetadata(String file, JsonNode node, Map<String, String> out) {
        if (!node.isObject()) throw new SafetensorsException(file + ": __metadata__ is not a JSON object");
        node.fields().forEachRemaining(m -> {
            if (!m.getValue().isTextual()) {
                throw new SafetensorsException(file + ": __metadata__." + m.getKey() + " is not a string");
            }
            out.put(m.getKey(), m.getValue().asText());
        });
    }

    private static TensorInfo readTensor(String file, String name, JsonNode node, long dataBytes) {
        String where = file + ": tensor " + name;
        if (!node.isObject()) throw new SafetensorsException(where + ": entry is not a JSON object");
        JsonNode dtypeNode = node.get("dtype");
        if (dtypeNode == null || !dtypeNode.isTextual()) throw new SafetensorsException(where + ": missing dtype");
        Dtype dtype = Dtype.fromHeaderName(dtypeNode.asText());
        if (dtype == null) {
            throw new SafetensorsException(where + ": unknown dtype " + dtypeNode.asText() + " (supported: F16, BF16, F32, I32)");
        }
        long[] shape = longArray(where, node.get("shape"), "shape", -1);
        long[] offsets = longArray(where, node.get("data_offsets"), "data_offsets", 2);
        if (offsets[1] < offsets[0]) {
            throw new SafetensorsException(where + ": data_offsets [" + offsets[0] + ", " + offsets[1] + "] end before begin");
        }
        if (offsets[1] > dataBytes) {
            throw new SafetensorsException(where + ": data_offsets [" + offsets[0] + ", " + offsets[1]
                    + "] outside the data buffer of " + dataBytes + " bytes");
        }
        TensorInfo t = new TensorInfo(name, dtype, shape, offsets[0], offsets[1]);
        long expected;
        try {
            expected = Math.multiplyExact(t.elementCount(), dtype.sizeBytes());
        } catch (ArithmeticException e) {
            throw new SafetensorsException(where + ": shape overflows");
        }
        if (expected != t.sizeBytes()) {
            throw new SafetensorsException(where + ": shape " + java.util.Arrays.toString(shape) + " x " + dtype
                    + " is " + expected + " bytes but data_offsets span " + t.sizeBytes());
        }
        return t;
    }

    private static long[] longArray(String where, JsonNode node, String field, int requiredLength) {
        if (node == null || !node.isArray()) throw new SafetensorsException(where + ": missing " + field);
        if (requiredLength >= 0 && node.size() != requiredLength) {
            throw new SafetensorsException(where + ": " + field + " must have " + requiredLength + " entries");
        }
        long[] out = new long[node.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = node.get(i);
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
                throw new SafetensorsException(where + ": " + field + " holds " + v + ", not a non-negative integer");
            }
            out[i] = v.asLong();
        }
        return out;
    }

    private static void checkNoOverlap(String file, List<TensorInfo> tensors) {
        List<TensorInfo> sorted = new ArrayList<>(tensors);
        sorted.sort(Comparator.comparingLong(TensorInfo::beginBytes).thenComparingLong(TensorInfo::endBytes));
        for (int i = 1; i < sorted.size(); i++) {
            TensorInfo prev = sorted.get(i - 1);
            TensorInfo cur = sorted.get(i);
            if (cur.beginBytes() < prev.endBytes()) {
                throw new SafetensorsException(file + ": tensor " + cur.name() + " bytes [" + cur.beginBytes() + ", "
                        + cur.endBytes() + ") overlap tensor " + prev.name() + " [" + prev.beginBytes() + ", " + prev.endBytes() + ")");
            }
        }
    }
}
