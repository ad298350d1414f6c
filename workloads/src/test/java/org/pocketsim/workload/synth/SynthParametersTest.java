package org.pocketsim.workload.synth;

import org.junit.jupiter.api.Test;
import org.pocketsim.hw.config.ConfigException;
import org.pocketsim.hw.config.ConfigSource;
import org.pocketsim.hw.config.YamlConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SynthParametersTest {

    private static SynthParameters bind(String yaml) {
        return YamlConfig.parse(new ConfigSource("synth.yaml", yaml), SynthParameters.class);
    }

    @Test
    void bindsFromAConfigWithOptionalKeysLeftOut() {
        SynthParameters p = bind("""
                seed: 7
                tokens: 128
                channelPersistence: 0.6
                temporalPersistence: 0.4
                activations: true
                routing: true
                routingTargets: {reuseD1: 0.35, reuseD4: 0.25, topExpertShare: 0.1, fracCover80: 0.5, window: 299}
                """);
        assertThat(p.magnitudeScale()).isEqualTo(1.0);
        assertThat(p.activationSource()).isNull();
        assertThat(p.routingTargets()).isEqualTo(new RoutingTargets(0.35, 0.25, 0.1, 0.5, 299));
        assertThat(p.channelPersistence()).isEqualTo(0.6);
    }

    @Test
    void outOfRangePersistenceIsAnErrorNamingTheField() {
        assertThatThrownBy(() -> bind("""
                seed: 7
                tokens: 128
                channelPersistence: 1.5
                temporalPersistence: 0.4
                activations: true
                routing: false
                """)).isInstanceOf(ConfigException.class).hasMessageContaining("channelPersistence must be in [0, 1)");
    }

    @Test
    void generatingNothingIsRejected() {
        assertThatThrownBy(() -> SynthParameters.defaults(1, 4).withTensors(false, false))
                .hasMessageContaining("generate activations, routing or both");
    }
}
