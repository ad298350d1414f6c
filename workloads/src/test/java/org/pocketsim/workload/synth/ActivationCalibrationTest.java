package org.pocketsim.workload.synth;

import org.junit.jupiter.api.Test;
import org.pocketsim.workload.model.ModelCatalog;
import org.pocketsim.workload.model.ModelSpec;
import org.pocketsim.workload.trace.TensorKind;

import java.util.Arrays;

class ActivationCalibrationTest {

    @Test
    void probe() {
        ModelSpec spec = ModelCatalog.load("llama2-7b");
        int tokens = 64;
        try (SyntheticTrace t = SyntheticTraces.create(spec, SynthParameters.defaults(1, tokens).withTensors(true, false), TestData.teal(), null)) {
            for (int l = 0; l < spec.layers(); l += 5) {
                for (TensorKind k : new TensorKind[]{TensorKind.MLP_IN, TensorKind.DOWN_IN}) {
                    int w = k == TensorKind.MLP_IN ? spec.hidden() : spec.intermediate();
                    float[] row = new float[w];
                    float[] all = new float[w * tokens];
                    for (int tok = 0; tok < tokens; tok++) {
                        t.readRow(k, l, tok, row);
                        for (int j = 0; j < w; j++) all[tok * w + j] = Math.abs(row[j]);
                    }
                    Arrays.sort(all);
                    MagnitudeQuantiles q = TestData.teal().quantiles("Llama-2-7B", l, k);
                    double worst = 0;
                    for (int i = 0; i < q.size(); i++) {
                        double got = all[(int) Math.round(q.prob(i) * all.length) - 1];
                        worst = Math.max(worst, Math.abs(got / q.value(i) - 1));
                    }
                    System.out.println(l + " " + k + " worst rel err " + worst);
                }
            }
        }
    }
}
