package org.pocketsim.engine.result;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

import static org.assertj.core.api.Assertions.assertThat;

class MetricCatalogueTest {

    @Test
    void everyMetricHasAUnitAndALabel() {
        assertThat(MetricCatalogue.all()).isNotEmpty();
        for (MetricCatalogue.Metric m : MetricCatalogue.all()) {
            assertThat(m.unit()).as(m.name()).isNotBlank();
            assertThat(m.label()).as(m.name()).isNotBlank();
            assertThat(m.label()).as(m.name() + " reads as words, not an id").doesNotContain(m.name());
        }
    }

    @Test
    void everyNameInMetricsIsCatalogued() throws Exception {
        for (Field f : Metrics.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != String.class) continue;
            String name = (String) f.get(null);
            assertThat(MetricCatalogue.find(name)).as(f.getName()).isPresent();
        }
    }

    @Test
    void theMetricsTheEngineEmitsByNameAreCatalogued() {
        assertThat(MetricCatalogue.find("decisionsChanged")).isPresent();
        assertThat(MetricCatalogue.find("cachedExperts")).isPresent();
        assertThat(MetricCatalogue.find(Metrics.HIT_RATE_BY_LAYER).orElseThrow().perLayer()).isTrue();
    }

    @Test
    void aFamilyMemberTakesTheFamilysUnitAndItsOwnLabel() {
        MetricCatalogue.Metric m = MetricCatalogue.find("bytesPerToken.lmHead").orElseThrow();
        assertThat(m.unit()).isEqualTo("B/token");
        assertThat(m.label()).isEqualTo("Bytes read per token: lmHead");
        assertThat(MetricCatalogue.find("bytesPerToken.")).isEmpty();
    }

    @Test
    void titleCarriesTheUnitAndSharesReadAsPercent() {
        assertThat(MetricCatalogue.title(MetricCatalogue.find("tokensPerSecond").orElseThrow()))
                .isEqualTo("Decode speed (tok/s)");
        assertThat(MetricCatalogue.title(MetricCatalogue.find("hitRate").orElseThrow())).isEqualTo("Cache hit rate (%)");
    }

    @Test
    void unknownNamesAreNotFound() {
        assertThat(MetricCatalogue.find("tokensPerSec")).isEmpty();
        assertThat(MetricCatalogue.find(null)).isEmpty();
    }
}
