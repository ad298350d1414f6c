package org.pocketsim.kernel.format;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Number formats by name, so that configs can name them. Fixed names:
 * {@code fp32 fp16 bf16} (IEEE, overflow to infinity), {@code fp8-e4m3} (OCP fn),
 * {@code fp8-e5m2} (OCP, IEEE-like), {@code fp8-e2m5 fp8-e3m4 fp6-e2m3 fp6-e3m2 fp4-e2m1}
 * (all codes finite), the FP8 names with {@code -nosat} for non-saturating conversion,
 * {@code mxfp8} (= {@code mxfp8-e4m3}), {@code mxfp8-e5m2 mxfp6-e2m3 mxfp6-e3m2 mxfp4 mxint8},
 * and llama.cpp's block types {@code q4_0 q4_1 q5_0 q5_1 q8_0 q2_k q3_k q4_k q5_k q6_k iq4_xs}
 * ({@link GgmlFormat}, exact bytes per block).
 * Patterns: {@code int<b>} (symmetric), {@code int<b>-asym} (unsigned codes),
 * {@code int<b>-g<G>[-asym]} (FP16 scale per group), {@code nf4[-g<G>]} (FP32 absmax, default
 * group 64), {@code ternary[-p5]-g<G>} (FP16 absmean scale; {@code -p5}: five trits per byte),
 * {@code vq-b<b>-d<d>[-g<G>]} (codebook trained by k-means on seeded N(0,1) data for b <= 8,
 * seeded N(0,1) codewords up to b = 16; FP16 codebook counted once per G weights, default 2^24;
 * train one on real weights with {@link VectorQuantFormat#train} for real use), and the
 * storage-exact compression formats of {@link CompressedFormat} ({@code e8p}, {@code aqlm-<M>x<b>},
 * {@code spqr-...}, {@code <N>of<M>-...}).
 */
public final class FormatRegistry {
    private static final Pattern INT = Pattern.compile("int(\\d+)(?:-g(\\d+))?(-asym)?");
    private static final Pattern NF4 = Pattern.compile("nf4(?:-g(\\d+))?");
    private static final Pattern TERNARY = Pattern.compile("ternary(-p5)?-g(\\d+)");
    private static final Pattern VQ = Pattern.compile("vq-b(\\d+)-d(\\d+)(?:-g(\\d+))?");
    private static final Map<String, NumberFormat> CACHE = new ConcurrentHashMap<>();

    /** The fixed names (patterns are listed in the class comment). */
    public static final List<String> FIXED_NAMES = List.of(
            "fp32", "fp16", "bf16", "fp8-e4m3", "fp8-e5m2", "fp8-e2m5", "fp8-e3m4",
            "fp8-e4m3-nosat", "fp8-e5m2-nosat", "fp6-e2m3", "fp6-e3m2", "fp4-e2m1",
            "mxfp8", "mxfp8-e4m3", "mxfp8-e5m2", "mxfp6-e2m3", "mxfp6-e3m2", "mxfp4", "mxint8");

    private FormatRegistry() {
    }

    /**
     * The format called {@code name}.
     *
     * @throws IllegalArgumentException naming the format when it is unknown or malformed
     */
    public static NumberFormat get(String name) {
        NumberFormat f = CACHE.get(name);
        if (f == null) {
            f = create(name);
            NumberFormat prior = CACHE.putIfAbsent(name, f);
            f = prior != null ? prior : f;
        }
        return f;
    }

    /** The scalar format called {@code name}; errors if it names a block format. */
    public static ScalarFormat scalar(String name) {
        if (get(name) instanceof ScalarFormat s) {
            return s;
        }
        throw new IllegalArgumentException("number format '" + name + "' is a block format, a scalar one is needed");
    }

    private static NumberFormat create(String name) {
        NumberFormat fixed = fixed(name);
        if (fixed != null) {
            return fixed;
        }
        GgmlFormat ggml = GgmlFormat.of(name);
        if (ggml != null) {
            return ggml;
        }
        Matcher m = INT.matcher(name);
        if (m.matches()) {
            IntFormat element = new IntFormat(name, Integer.parseInt(m.group(1)), m.group(3) == null);
            return m.group(2) == null ? element
                    : new GroupIntFormat(name, element, positive(name, m.group(2)), fp16());
        }
        m = NF4.matcher(name);
        if (m.matches()) {
            return new Nf4Format(name, m.group(1) == null ? 64 : positive(name, m.group(1)), fp32());
        }
        m = TERNARY.matcher(name);
        if (m.matches()) {
            return new TernaryFormat(name, positive(name, m.group(2)), fp16(), m.group(1) != null);
        }
        m = VQ.matcher(name);
        if (m.matches()) {
            VectorQuantFormat vq = defaultVq(name, positive(name, m.group(1)), positive(name, m.group(2)));
            return m.group(3) == null ? vq : vq.withCodebookGroup(name, positive(name, m.group(3)));
        }
        NumberFormat compressed = CompressedFormat.of(name);
        if (compressed != null) {
            return compressed;
        }
        throw new IllegalArgumentException("unknown number format '" + name + "'; known: " + FIXED_NAMES
                + ", the llama.cpp types " + GgmlFormat.NAMES
                + " and the patterns int<b>[-g<G>][-asym], nf4[-g<G>], ternary[-p5]-g<G>, vq-b<b>-d<d>[-g<G>], "
                + CompressedFormat.PATTERNS);
    }

    private static NumberFormat fixed(String name) {
        return switch (name) {
            case "fp32" -> fp32();
            case "fp16" -> fp16();
            case "bf16" -> FloatFormat.of(name, 8, 7, Specials.IEEE, false);
            case "fp8-e4m3" -> FloatFormat.of(name, 4, 3, Specials.FN, true);
            case "fp8-e4m3-nosat" -> FloatFormat.of(name, 4, 3, Specials.FN, false);
            case "fp8-e5m2" -> FloatFormat.of(name, 5, 2, Specials.IEEE, true);
            case "fp8-e5m2-nosat" -> FloatFormat.of(name, 5, 2, Specials.IEEE, false);
            case "fp8-e2m5" -> FloatFormat.of(name, 2, 5, Specials.NONE, true);
            case "fp8-e3m4" -> FloatFormat.of(name, 3, 4, Specials.NONE, true);
            case "fp6-e2m3" -> FloatFormat.of(name, 2, 3, Specials.NONE, true);
            case "fp6-e3m2" -> FloatFormat.of(name, 3, 2, Specials.NONE, true);
            case "fp4-e2m1" -> FloatFormat.of(name, 2, 1, Specials.NONE, true);
            case "mxfp8", "mxfp8-e4m3" -> MxFormat.ofFloat(name, 4, 3, Specials.FN);
            case "mxfp8-e5m2" -> MxFormat.ofFloat(name, 5, 2, Specials.IEEE);
            case "mxfp6-e2m3" -> MxFormat.ofFloat(name, 2, 3, Specials.NONE);
            case "mxfp6-e3m2" -> MxFormat.ofFloat(name, 3, 2, Specials.NONE);
            case "mxfp4" -> MxFormat.ofFloat(name, 2, 1, Specials.NONE);
            case "mxint8" -> MxFormat.int8(name);
            default -> null;
        };
    }

    private static FloatFormat fp16() {
        return FloatFormat.of("fp16", 5, 10, Specials.IEEE, false);
    }

    private static FloatFormat fp32() {
        return FloatFormat.of("fp32", 8, 23, Specials.IEEE, false);
    }

    private static int positive(String name, String digits) {
        int v;
        try {
            v = Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("number format '" + name + "': '" + digits + "' is not an int");
        }
        if (v < 1) {
            throw new IllegalArgumentException("number format '" + name + "': sizes must be >= 1, got " + v);
        }
        return v;
    }

    /**
     * The registry's codebook: k-means on seeded N(0,1) data for b <= 8; for larger books (up to
     * b = 16, e.g. {@code vq-b16-d8}, AQLM 1x16's size) seeded N(0,1) codewords without k-means, which
     * fixes the storage exactly and gives a defined, untrained numeric (train on real weights for numerics).
     */
    private static VectorQuantFormat defaultVq(String name, int bits, int dim) {
        if (bits > 16) {
            throw new IllegalArgumentException("number format '" + name + "': codebooks go up to b = 16, got " + bits);
        }
        SplittableRandom rng = new SplittableRandom(0x5eed);
        if (bits > 8) {
            float[] book = new float[(1 << bits) * dim];
            for (int i = 0; i < book.length; i++) {
                book[i] = (float) gaussian(rng);
            }
            return new VectorQuantFormat(name, bits, dim, book);
        }
        float[] data = new float[(1 << bits) * 16 * dim];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) gaussian(rng);
        }
        return VectorQuantFormat.train(name, bits, dim, data, 1, 8);
    }

    /** Standard normal by Box-Muller, so the default codebook is fixed across JDK versions. */
    private static double gaussian(SplittableRandom rng) {
        double u = 1.0 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
