package org.pocketsim.workload.synth;

import org.junit.jupiter.api.Test;
import org.pocketsim.workload.trace.TensorKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TealThresholdsTest {

    @Test
    void readsMlpInputAndDownInputRowsOfThreeModels() {
        TealThresholds t = TestData.teal();
        assertThat(t.models()).containsExactly("Llama-2-7B", "Llama-3-8B", "Mistral-7B");
        assertThat(t.layers("Mistral-7B")).isEqualTo(32);
        MagnitudeQuantiles q = t.quantiles("Llama-2-7B", 0, TensorKind.MLP_IN);
        assertThat(q.size()).isEqualTo(19);
        assertThat(q.prob(0)).isEqualTo(0.05);
        assertThat(q.value(0)).isEqualTo(0.00175424);
        assertThat(q.value(9)).isEqualTo(0.0202655);
        assertThat(t.quantiles("Llama-2-7B", 1, TensorKind.DOWN_IN).value(18)).isEqualTo(0.0125121);
    }

    @Test
    void keepsTheInconsistentS99ColumnOnlyForReports() {
        TealThresholds t = TestData.teal();
        assertThat(t.reportedS99("Llama-2-7B", 1, TensorKind.DOWN_IN)).isEqualTo(73.8772);
        assertThat(t.quantiles("Llama-2-7B", 1, TensorKind.DOWN_IN).probs()).doesNotContain(0.99);
    }

    @Test
    void unknownSourceModelIsAnErrorListingTheKnownOnes() {
        assertThatThrownBy(() -> TestData.teal().layers("Phi-3"))
                .hasMessageContaining("no TEAL thresholds for model 'Phi-3'").hasMessageContaining("Mistral-7B");
    }

    @Test
    void quotedFieldsWithCommasStayOneField() {
        assertThat(TealThresholds.split("a,\"q,k,v\",3")).containsExactly("a", "q,k,v", "3");
    }
}
