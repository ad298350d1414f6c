package org.pocketsim.hw.preset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pocketsim.hw.config.ConfigSource;
import org.pocketsim.hw.config.YamlConfig;
import org.pocketsim.hw.spec.SocSpec;

class PresetRoundTripTest {

    static java.util.List<String> ids() {
        return ProfileCatalog.ids();
    }

    @ParameterizedTest
    @MethodSource("ids")
    void writingAProfileAsYamlAndReadingItBackGivesAnEqualProfile(String id) throws Exception {
        SocSpec soc = ProfileCatalog.load(id);
        ObjectMapper mapper = YamlConfig.mapper();
        String yaml = mapper.writeValueAsString(soc);
        SocSpec back = YamlConfig.parse(new ConfigSource(id + " (as written)", yaml), SocSpec.class);
        assertThat(back).isEqualTo(soc);
    }
}
