package org.pocketsim.engine.result;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ParameterNamesTest {

    @Test
    void knownFieldsReadAsWordsWithoutTheRunPrefix() {
        assertThat(ParameterNames.pair("run.mlp.cache", "lru")).isEqualTo("cache policy = LRU");
        assertThat(ParameterNames.pair("run.mlp.keep", "0.5")).isEqualTo("keep 0.5");
        assertThat(ParameterNames.pair("mlp.gamma", "0.2")).isEqualTo("gamma 0.2");
        assertThat(ParameterNames.pair("run.placement.dramBudget", "2 GB")).isEqualTo("DRAM budget 2 GB");
    }

    @Test
    void theWholeRunKeyShowsTheRunLabelAlone() {
        assertThat(ParameterNames.pair("run", "real trace, top-k, LRU")).isEqualTo("real trace, top-k, LRU");
        assertThat(ParameterNames.pair("run.label", "E8P CPU")).isEqualTo("E8P CPU");
    }

    @Test
    void unknownFieldsKeepTheirPath() {
        assertThat(ParameterNames.label("run.timing.compute")).isEqualTo("timing.compute");
        assertThat(ParameterNames.axisTitle("run.mlp.keep")).isEqualTo("keep (share of MLP columns read)");
        assertThat(ParameterNames.axisTitle("run.mlp.gamma")).isEqualTo("gamma");
    }
}
