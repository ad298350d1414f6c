package org.pocketsim.kernel.format;

/** Which codes of an ExMy float format are reserved for infinities and NaN. */
public enum Specials {
    /** IEEE 754 style: the all-ones exponent holds +-inf (mantissa 0) and NaNs (e.g. FP8-E5M2, FP16). */
    IEEE,
    /** OCP "fn": no infinities, a single NaN per sign, all-ones exponent and mantissa (FP8-E4M3). */
    FN,
    /** Every code is finite (MX element formats E2M1, E2M3, E3M2; the whitepaper's FP8 sweep). */
    NONE
}
