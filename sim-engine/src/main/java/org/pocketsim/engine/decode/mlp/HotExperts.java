package org.pocketsim.engine.decode.mlp;

import org.pocketsim.kernel.routing.Router;
import org.pocketsim.kernel.routing.RoutingDecision;
import org.pocketsim.kernel.routing.TopKSpec;
import org.pocketsim.workload.trace.TensorKind;
import org.pocketsim.workload.trace.TraceSource;

/** The hot experts of {@link MixedBitsSpec}: per MoE layer, those plain top-k chooses most often over a trace. */
final class HotExperts {

    private HotExperts() {
    }

    /**
     * @param profile    a fresh opening of the run's trace, read token by token
     * @param traceLayer the trace layer of each MoE layer
     * @param useLogits  whether each MoE layer routes from logits (else from the model's expert ids)
     * @return {@code hot[moeLayer][expert]}: the {@code hot} most chosen experts of each layer (ties: lower id)
     */
    static boolean[][] profile(TraceSource profile, int tokens, int[] traceLayer, boolean[] useLogits, int experts, int k, int hot) {
        int layers = traceLayer.length;
        long[][] counts = new long[layers][experts];
        Router plain = new TopKSpec(false).create(experts, k);
        RoutingDecision d = new RoutingDecision(k);
        float[] logits = new float[experts];
        int[] ids = new int[k];
        for (int t = 0; t < tokens; t++) {
            for (int i = 0; i < layers; i++) {
                float[] z = null;
                if (useLogits[i]) {
                    profile.readRow(TensorKind.ROUTER_LOGITS, traceLayer[i], t, logits);
                    z = logits;
                }
                if (profile.has(TensorKind.EXPERTS, traceLayer[i])) profile.readExperts(traceLayer[i], t, ids);
                plain.route(z, ids, null, d);
                for (int j = 0; j < d.count(); j++) counts[i][d.experts()[j]]++;
            }
        }
        boolean[][] out = new boolean[layers][experts];
        for (int i = 0; i < layers; i++) {
            for (int h = 0; h < hot; h++) {
                int best = -1;
                for (int e = 0; e < experts; e++) if (!out[i][e] && (best < 0 || counts[i][e] > counts[i][best])) best = e;
                out[i][best] = true;
            }
        }
        return out;
    }
}
