"""Fits the Snapdragon 8 Elite's three energy numbers on the eight E1 Q4_K_M rows.

Model of the energy E1 measures over its window (logger start-up, cold load, prefill, decode):
    E = F * T_window + A * T_cpu + e * 8 * B_dram + f * 8 * B_flash
F: SoC floor (W), A: CPU cluster active power with 8 threads (W), e: DRAM energy (J/bit), the
three fitted numbers; f = 52 pJ/bit (UFS 4.0, the profile's flash price, not fitted).
Times are the MEASURED ones (T_cpu = prompt / prefill t/s + 100 / decode t/s; T_window = 2 s +
the load time PocketSim predicts + T_cpu), so the fit does not absorb the speed model's errors.
Bytes are PocketSim's: the cold load reads loadBytes from flash into DRAM, the prefill reads the
weights once (dramBytesPerToken), the decode reads 100 x dramBytesPerToken.
Least squares on the relative error of E (each row weighted by 1 / E). The eight IQ4_XS rows are
not used: they are predictions.

Usage: ./pocketsim run configs/phone-validation.yaml && python3 tools/phone-fit/fit_energy.py
Needs numpy.
"""
import csv
import sys

import numpy as np

RESULTS = sys.argv[1] if len(sys.argv) > 1 else "out/phone-validation/results.csv"
MEASURED = "data/published/e1-llamacpp-galaxy-s25-ultra.csv"
FLASH_PJ_PER_BIT = 52.0
STARTUP_S = 2.0
OUTPUT_TOKENS = 100

measured = {(r["model"], r["quant"]): r for r in csv.DictReader(open(MEASURED))}
rows = []
for r in csv.DictReader(open(RESULTS)):
    if not r["run"].startswith("E1 "):
        continue
    name, quant = r["run"].split(",")[0].split(" ")[1:3]
    m = measured[(name, quant)]
    t_cpu = float(m["prompt_tokens"]) / float(m["prefill_tps"]) + OUTPUT_TOKENS / float(m["decode_tps"])
    t_window = STARTUP_S + float(r["phaseMs.load"]) / 1e3 + t_cpu
    load = float(r["loadBytes"])
    dram = load + (1 + OUTPUT_TOKENS) * float(r["dramBytesPerToken"])
    energy = float(m["energy_per_token_j"]) * OUTPUT_TOKENS
    rows.append((name + " " + quant, quant, t_window, t_cpu, dram * 8, load * 8, energy))

fit = [r for r in rows if r[1] == "Q4_K_M"]
a = np.array([[r[2], r[3], r[4]] for r in fit]) / np.array([[r[6]] for r in fit])
b = np.array([(r[6] - FLASH_PJ_PER_BIT * 1e-12 * r[5]) / r[6] for r in fit])
(floor_w, cpu_w, dram_j_per_bit), *_ = np.linalg.lstsq(a, b, rcond=None)
print(f"fitted on {len(fit)} rows: floor {floor_w * 1e3:.0f} mW, CPU active {cpu_w * 1e3:.0f} mW, "
      f"DRAM {dram_j_per_bit * 1e12:.2f} pJ/bit")
squares = []
for name, quant, t_window, t_cpu, dram_bits, flash_bits, energy in rows:
    e = floor_w * t_window + cpu_w * t_cpu + dram_j_per_bit * dram_bits + FLASH_PJ_PER_BIT * 1e-12 * flash_bits
    role = "fit " if quant == "Q4_K_M" else "pred"
    if quant == "Q4_K_M":
        squares.append((e / energy - 1) ** 2)
    print(f"{role} {name:22s} window {t_window:6.2f} s  measured {energy:7.2f} J  model {e:7.2f} J  "
          f"({(e / energy - 1) * 100:+5.1f}%)")
print(f"rms relative error on the fitted rows: {np.sqrt(np.mean(squares)) * 100:.1f}%")
