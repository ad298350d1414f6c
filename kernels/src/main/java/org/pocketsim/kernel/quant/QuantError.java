package org.pocketsim.kernel.quant;

/**
 * Error of a quantized tensor against its reference.
 *
 * @param mse            mean squared error
 * @param sqnrDb         {@code 10 log10(sum x^2 / sum (x - q)^2)}
 * @param bitsOfAccuracy {@code log2(sigma / RMSE)} with sigma the reference's (population)
 *                       standard deviation, the whitepaper's Fig. 5 metric
 */
public record QuantError(double mse, double sqnrDb, double bitsOfAccuracy) {

    /** Error of {@code quantized} against {@code reference}; both must have the same non-zero length. */
    public static QuantError of(float[] reference, float[] quantized) {
        if (reference.length != quantized.length || reference.length == 0) {
            throw new IllegalArgumentException("quant error: need equal non-empty lengths, got "
                    + reference.length + " and " + quantized.length);
        }
        int n = reference.length;
        double sum = 0;
        for (float x : reference) {
            sum += x;
        }
        double mean = sum / n;
        double signal = 0;
        double var = 0;
        double noise = 0;
        for (int i = 0; i < n; i++) {
            double x = reference[i];
            double d = quantized[i] - x;
            signal += x * x;
            var += (x - mean) * (x - mean);
            noise += d * d;
        }
        double mse = noise / n;
        double sigma = Math.sqrt(var / n);
        return new QuantError(mse, 10 * Math.log10(signal / noise), log2(sigma / Math.sqrt(mse)));
    }

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }
}
