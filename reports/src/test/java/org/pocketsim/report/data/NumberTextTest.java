package org.pocketsim.report.data;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NumberTextTest {

    @Test
    void displayKeepsFourSignificantDigitsAndIntegersBelowAMillion() {
        assertThat(NumberText.display(13.7249)).isEqualTo("13.72");
        assertThat(NumberText.display(0.875)).isEqualTo("0.875");
        assertThat(NumberText.display(400)).isEqualTo("400");
        assertThat(NumberText.display(123456)).isEqualTo("123456");
        assertThat(NumberText.display(-0.25)).isEqualTo("-0.25");
        assertThat(NumberText.display(0)).isEqualTo("0");
    }

    @Test
    void displayUsesCompactScientificFormForLargeAndTinyMagnitudes() {
        assertThat(NumberText.display(6_442_450_944.0)).isEqualTo("6.442e9");
        assertThat(NumberText.display(4e9)).isEqualTo("4e9");
        assertThat(NumberText.display(0.000125)).isEqualTo("1.25e-4");
    }

    @Test
    void exactRoundTripsAndDropsTrailingZeroOfIntegers() {
        assertThat(NumberText.exact(4e9)).isEqualTo("4000000000");
        assertThat(NumberText.exact(0.1)).isEqualTo("0.1");
        assertThat(Double.parseDouble(NumberText.exact(1.0 / 3))).isEqualTo(1.0 / 3);
        assertThat(NumberText.exact(1e20)).isEqualTo("1.0E20");
    }
}
