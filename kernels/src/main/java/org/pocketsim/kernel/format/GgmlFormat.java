package org.pocketsim.kernel.format;

import java.util.List;

/**
 * llama.cpp's (ggml's) quantised block types with their exact storage: {@link #bytesPerBlock()}
 * bytes hold {@link #blockSize()} weights. Layouts are the block structs of
 * ggml-org/llama.cpp@01243c587feceaa5d6a6c2305535ef2f549c48b8:ggml/src/ggml-common.h:
 * <ul>
 *   <li>{@code q4_0}: fp16 d + 16 bytes of nibbles = 18 B / 32 (4.5 bits); x = (q - 8) d</li>
 *   <li>{@code q4_1}: fp16 d, fp16 m + 16 B = 20 B / 32 (5.0); x = q d + m</li>
 *   <li>{@code q5_0}: fp16 d + 4 B high bits + 16 B = 22 B / 32 (5.5); x = (q - 16) d</li>
 *   <li>{@code q5_1}: fp16 d, m + 4 B + 16 B = 24 B / 32 (6.0); x = q d + m</li>
 *   <li>{@code q8_0}: fp16 d + 32 int8 = 34 B / 32 (8.5); x = q d</li>
 *   <li>{@code iq4_nl}: fp16 d + 16 bytes of nibbles indexing a fixed non-linear table = 18 B / 32 (4.5)</li>
 *   <li>{@code q2_k} 84 B, {@code q3_k} 110 B, {@code q4_k} 144 B, {@code q5_k} 176 B,
 *       {@code q6_k} 210 B, {@code iq4_xs} 136 B, each per super-block of 256</li>
 * </ul>
 * The five 32-weight types encode and decode bit-exactly as llama.cpp's reference quantisers
 * ({@code quantize_row_q4_0_ref} etc.): codes are the unpacked quants, meta the fp16 bits of d
 * (and m). The super-block types are storage only: their codes need llama.cpp's search-based
 * quantisers, which are not reproduced here, so {@link #encode} and {@link #decode} refuse them;
 * so does {@code iq4_nl} (its codebook quantiser is not reproduced either).
 */
public final class GgmlFormat implements BlockFormat {

    /** Every llama.cpp type the registry knows, by registry name. */
    public static final List<String> NAMES = List.of(
            "q4_0", "q4_1", "q5_0", "q5_1", "q8_0", "iq4_nl", "q2_k", "q3_k", "q4_k", "q5_k", "q6_k", "iq4_xs");

    private enum Kind { SYM4, ASYM4, SYM5, ASYM5, SYM8, STORAGE_ONLY }

    private final String name;
    private final int blockSize;
    private final int bytesPerBlock;
    private final Kind kind;
    private final FloatFormat fp16 = FloatFormat.of("fp16", 5, 10, Specials.IEEE, false);

    private GgmlFormat(String name, int blockSize, int bytesPerBlock, Kind kind) {
        this.name = name;
        this.blockSize = blockSize;
        this.bytesPerBlock = bytesPerBlock;
        this.kind = kind;
    }

    /** The llama.cpp type called {@code name} (lower case, e.g. {@code q4_0}, {@code q6_k}), or null. */
    static GgmlFormat of(String name) {
        return switch (name) {
            case "q4_0" -> new GgmlFormat(name, 32, 2 + 16, Kind.SYM4);
            case "q4_1" -> new GgmlFormat(name, 32, 2 + 2 + 16, Kind.ASYM4);
            case "q5_0" -> new GgmlFormat(name, 32, 2 + 4 + 16, Kind.SYM5);
            case "q5_1" -> new GgmlFormat(name, 32, 2 + 2 + 4 + 16, Kind.ASYM5);
            case "q8_0" -> new GgmlFormat(name, 32, 2 + 32, Kind.SYM8);
            case "iq4_nl" -> new GgmlFormat(name, 32, 2 + 16, Kind.STORAGE_ONLY);
            case "q2_k" -> new GgmlFormat(name, 256, 2 + 2 + 16 + 64, Kind.STORAGE_ONLY);
            case "q3_k" -> new GgmlFormat(name, 256, 32 + 64 + 12 + 2, Kind.STORAGE_ONLY);
            case "q4_k" -> new GgmlFormat(name, 256, 2 + 2 + 12 + 128, Kind.STORAGE_ONLY);
            case "q5_k" -> new GgmlFormat(name, 256, 2 + 2 + 12 + 32 + 128, Kind.STORAGE_ONLY);
            case "q6_k" -> new GgmlFormat(name, 256, 128 + 64 + 16 + 2, Kind.STORAGE_ONLY);
            case "iq4_xs" -> new GgmlFormat(name, 256, 2 + 2 + 4 + 128, Kind.STORAGE_ONLY);
            default -> null;
        };
    }

    /**
     * The type llama.cpp's quantiser actually stores a tensor in when asked for {@code name} and
     * its rows hold {@code rowLength} weights: a super-block type whose 256 weights do not divide
     * the row falls back to a 32-weight type (q2_k, q3_k and iq4_xs to iq4_nl, q4_k to q5_0, q5_k
     * to q5_1, q6_k to q8_0), and to fp16 when 32 does not divide it either. Any other name comes
     * back as it is. Qwen2-0.5B (hidden 896) is the case that matters: its projections and tied
     * output are stored in q5_0 and q8_0 in a "q4_k_m" file. Source: ggml-org/llama.cpp
     * src/llama-quant.cpp, {@code llama_tensor_get_type} ({@code convert_incompatible_tensor}), as
     * shipped in eziyoo/LLMs-on-Devices@0d0e9706:android-app/src/llama-quant.cpp.
     */
    public static String storedAs(String name, long rowLength) {
        GgmlFormat f = of(name);
        if (f == null || rowLength % f.blockSize == 0) return name;
        if (rowLength % 32 != 0) return "fp16";
        return switch (name) {
            case "q2_k", "q3_k", "iq4_xs" -> "iq4_nl";
            case "q4_k" -> "q5_0";
            case "q5_k" -> "q5_1";
            case "q6_k" -> "q8_0";
            default -> "fp16";
        };
    }

    @Override public String name() { return name; }
    @Override public int blockSize() { return blockSize; }

    /** Bytes of one block as stored in a GGUF file and in memory. */
    public int bytesPerBlock() { return bytesPerBlock; }

    /** Bytes of a row of {@code n} weights (n a multiple of the block size, as llama.cpp requires). */
    public long rowBytes(long n) {
        return (n + blockSize - 1) / blockSize * bytesPerBlock;
    }

    @Override
    public long matrixBytes(long rows, long rowLength) {
        return rows * rowBytes(rowLength);
    }

    /** Whether {@link #encode} and {@link #decode} are implemented (the 32-weight types). */
    public boolean hasCodes() { return kind != Kind.STORAGE_ONLY; }

    @Override
    public double bitsPerElement() {
        return bytesPerBlock * 8.0 / blockSize;
    }

    @Override
    public int metaWordsPerBlock() {
        return kind == Kind.ASYM4 || kind == Kind.ASYM5 ? 2 : 1;
    }

    @Override
    public void encode(float[] src, int off, int len, int[] codes, int[] meta) {
        requireCodes();
        int words = metaWordsPerBlock();
        for (int block = 0, start = 0; start < len; block++, start += blockSize) {
            int n = Math.min(blockSize, len - start);
            switch (kind) {
                case SYM4, SYM5 -> encodeSymmetric(src, off + start, n, codes, start, meta, block, kind == Kind.SYM4 ? 8 : 16);
                case ASYM4, ASYM5 -> encodeAsymmetric(src, off + start, n, codes, start, meta, block * words,
                        kind == Kind.ASYM4 ? 15 : 31);
                case SYM8 -> encodeQ8(src, off + start, n, codes, start, meta, block);
                case STORAGE_ONLY -> throw new IllegalStateException(name);
            }
        }
    }

    /** quantize_row_q4_0_ref / q5_0: d = max / -half (max the signed value of largest magnitude). */
    private void encodeSymmetric(float[] x, int from, int n, int[] codes, int at, int[] meta, int block, int half) {
        float amax = 0;
        float max = 0;
        for (int i = 0; i < n; i++) {
            float v = x[from + i];
            if (amax < Math.abs(v)) {
                amax = Math.abs(v);
                max = v;
            }
        }
        float d = max / -half;
        float id = d != 0 ? 1.0f / d : 0.0f;
        meta[block] = fp16.encode(d);
        int top = 2 * half - 1;
        for (int i = 0; i < n; i++) {
            codes[at + i] = Math.min(top, (int) (byte) (int) (x[from + i] * id + (half + 0.5f)));
        }
    }

    /** quantize_row_q4_1_ref / q5_1: d = (max - min) / levels, m = min. */
    private void encodeAsymmetric(float[] x, int from, int n, int[] codes, int at, int[] meta, int m0, int levels) {
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, x[from + i]);
            max = Math.max(max, x[from + i]);
        }
        float d = (max - min) / levels;
        float id = d != 0 ? 1.0f / d : 0.0f;
        meta[m0] = fp16.encode(d);
        meta[m0 + 1] = fp16.encode(min);
        for (int i = 0; i < n; i++) {
            codes[at + i] = Math.min(levels, (int) (byte) (int) ((x[from + i] - min) * id + 0.5f));
        }
    }

    /** quantize_row_q8_0_ref: d = amax / 127, q = roundf(x / d). */
    private void encodeQ8(float[] x, int from, int n, int[] codes, int at, int[] meta, int block) {
        float amax = 0;
        for (int i = 0; i < n; i++) amax = Math.max(amax, Math.abs(x[from + i]));
        float d = amax / 127;
        float id = d != 0 ? 1.0f / d : 0.0f;
        meta[block] = fp16.encode(d);
        for (int i = 0; i < n; i++) {
            codes[at + i] = Math.round(Math.abs(x[from + i] * id)) * (x[from + i] * id < 0 ? -1 : 1);
        }
    }

    @Override
    public void decode(int[] codes, int[] meta, int len, float[] dst, int off) {
        requireCodes();
        int words = metaWordsPerBlock();
        for (int block = 0, start = 0; start < len; block++, start += blockSize) {
            int n = Math.min(blockSize, len - start);
            float d = (float) fp16.decode(meta[block * words]);
            float m = words == 2 ? (float) fp16.decode(meta[block * words + 1]) : 0;
            int bias = switch (kind) {
                case SYM4 -> 8;
                case SYM5 -> 16;
                case ASYM4, ASYM5, SYM8 -> 0;
                case STORAGE_ONLY -> throw new IllegalStateException(name);
            };
            for (int i = 0; i < n; i++) {
                dst[off + start + i] = (codes[start + i] - bias) * d + m;
            }
        }
    }

    /**
     * Packs the codes of one q4_0 block as llama.cpp stores them: byte j holds weight j in its
     * low nibble and weight j + 16 in its high nibble.
     */
    public static byte[] packQ4Nibbles(int[] codes, int at) {
        byte[] qs = new byte[16];
        for (int j = 0; j < 16; j++) qs[j] = (byte) (codes[at + j] | codes[at + j + 16] << 4);
        return qs;
    }

    private void requireCodes() {
        if (!hasCodes()) {
            throw new UnsupportedOperationException("number format '" + name + "' is storage only: its codes need "
                    + "llama.cpp's search-based quantiser, which PocketSim does not reproduce");
        }
    }
}
