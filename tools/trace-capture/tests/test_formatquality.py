"""quality.py --formats on tiny random models: one row per setting, the unquantised setting
reproduces the plain perplexity, every quantised setting touches every linear and the model
is restored afterwards."""
import csv

import pytest
import torch

import formatquality
import quality
from tiny_models import save_tiny


@pytest.mark.parametrize("arch", ["llama", "olmoe"])
def test_formats_mode_writes_one_row_per_setting_and_restores_the_model(arch, tmp_path, capsys):
    model = save_tiny(arch, tmp_path / "model")
    quality.main(["--model", str(tmp_path / "model"), "--random-tokens", "--seqs", "2", "--seq-len", "8",
                  "--out", str(tmp_path / "q"), "--formats", "all", "--device", "cpu", "--commit", "test"])
    parallel = float(capsys.readouterr().err.split("parallel ppl ")[1].split()[0])
    rows = list(csv.DictReader(open(tmp_path / "q" / "quality-formats.csv")))
    assert [r["setting"] for r in rows] == list(formatquality.SETTINGS)
    assert float(rows[0]["ppl"]) == pytest.approx(parallel, rel=1e-6)
    assert rows[0]["linears"] == "0" and rows[0]["delta_ppl"] == "0.0"
    for r in rows[1:]:
        assert int(r["linears"]) + int(r["expert_tensors"]) > 0
        assert r["commit"] == "test" and r["eval"] == "teacher-forced" and r["quantiser"].startswith("tools/")
        assert float(r["ppl"]) > 0
    if arch == "llama":  # q, k, v, o, gate, up, down in each of 2 layers
        assert {r["linears"] for r in rows[1:]} == {"14"}
    # 8-bit settings stay close to the unquantised model, 4-bit ones move more
    assert abs(float(rows[1]["delta_ppl"])) < abs(float(rows[0]["ppl"])) * 0.1


def test_quantised_model_restores_weights_and_removes_hooks(tmp_path):
    model = save_tiny("llama", tmp_path / "model").eval()
    before = {n: p.detach().clone() for n, p in model.named_parameters()}
    ids = torch.randint(0, 128, (2, 8), generator=torch.Generator().manual_seed(0))
    ref = model(input_ids=ids).logits
    patch = formatquality.QuantisedModel(model, "int4-g128", "int8")
    changed = model(input_ids=ids).logits
    patch.restore()
    assert not torch.equal(ref, changed)
    assert torch.equal(model(input_ids=ids).logits, ref)
    for n, p in model.named_parameters():
        assert torch.equal(p, before[n]), n
