"""fmtquant.py reproduces the Java formats bit for bit on the golden input (fmtquant_golden.json,
written by the Java test org.pocketsim.kernel.quant.FmtquantGoldenTest)."""
import json
import os

import numpy as np
import pytest
import torch

import fmtquant

GOLDEN = json.load(open(os.path.join(os.path.dirname(__file__), "fmtquant_golden.json")))
FORMATS = [k for k in GOLDEN if k not in ("rows", "cols", "input")]


@pytest.mark.parametrize("name", FORMATS)
def test_matches_the_java_format_bit_for_bit(name):
    shape = (GOLDEN["rows"], GOLDEN["cols"])
    x = torch.tensor(np.array(GOLDEN["input"], dtype=np.float32).reshape(shape))
    got = np.asarray(fmtquant.quantiser(name)(x), dtype=np.float32).reshape(-1)
    want = np.array(GOLDEN[name], dtype=np.float32)
    bad = np.nonzero(got != want)[0]
    assert bad.size == 0, f"{name}: {bad.size} of {want.size} differ, first at {bad[:5]}: {got[bad[:5]]} vs {want[bad[:5]]}"


def test_ocp_fp8_grids_saturate_and_round_ties_to_even():
    v = torch.tensor(np.array([464.0, 470.0, 2.0 ** -9, 3 * 2.0 ** -10, 17.0, 18.0], dtype=np.float64))
    got = np.asarray(fmtquant.round_float(v, "fp8-e4m3"))
    # 464 ties to 448 (even), 470 saturates, 2^-9 is the smallest subnormal, 3 * 2^-10 ties to 2^-9 * 2,
    # 17 ties to 16 (quantum 2 at [16, 32)), 18 is on the grid.
    assert list(got) == [448.0, 448.0, 2.0 ** -9, 2.0 ** -8, 16.0, 18.0]
