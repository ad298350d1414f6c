package org.pocketsim.report.chart;

import java.util.Arrays;

/**
 * The Pareto frontier of points in two objectives: those no other point beats or equals on
 * both while beating on one. Primitive arrays, so a sweep of thousands of points costs one sort.
 */
public final class ParetoFrontier {

    private ParetoFrontier() {
    }

    /**
     * Indices of the non-dominated points, ordered by x from best to worst.
     *
     * @param xHigherBetter whether larger x is better (else smaller)
     * @param yHigherBetter whether larger y is better (else smaller)
     */
    public static int[] indices(double[] x, double[] y, boolean xHigherBetter, boolean yHigherBetter) {
        if (x.length != y.length) throw new IllegalArgumentException("x and y differ in length: " + x.length + " vs " + y.length);
        int n = x.length;
        double[] gx = new double[n];
        double[] gy = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            gx[i] = xHigherBetter ? x[i] : -x[i];
            gy[i] = yHigherBetter ? y[i] : -y[i];
            order[i] = i;
        }
        // Best x first; among equal x, best y first, so only the first of a tie can be on the frontier.
        Arrays.sort(order, (a, b) -> gx[a] != gx[b] ? Double.compare(gx[b], gx[a]) : Double.compare(gy[b], gy[a]));
        int[] out = new int[n];
        int count = 0;
        double bestY = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (gy[i] > bestY) {
                out[count++] = i;
                bestY = gy[i];
            }
        }
        return Arrays.copyOf(out, count);
    }
}
