"""Every supported architecture, randomly initialised and tiny, goes through capture and quality.

Set POCKETSIM_FIXTURES_OUT to copy each captured trace to <dir>/<arch>/ (the Java fixtures).
"""
import csv
import os
import shutil

import pytest
import torch
import yaml
from safetensors.torch import load_file

import archs
import capture
import quality
from tiny_models import save_tiny

ARCHS = ["llama", "mistral", "phi3", "qwen2_moe", "olmoe", "mixtral", "deepseek_v2"]
MOE = {"qwen2_moe", "olmoe", "mixtral", "deepseek_v2"}
TOKENS = 8


@pytest.mark.parametrize("arch", ARCHS)
def test_capture_writes_a_trace_whose_rows_match_the_model(arch, tmp_path):
    model = save_tiny(arch, tmp_path / "model")
    capture.main(["--model", str(tmp_path / "model"), "--prompt-ids", "5,17,42,9", "--out", str(tmp_path / "out"),
                  "--max-tokens", str(TOKENS), "--greedy", "--model-id", f"tiny-{arch}", "--device", "cpu",
                  "--dtype", "float32", "--origin", f"tools/trace-capture tests: random tiny {arch}",
                  "--licence", "n/a"])
    d = tmp_path / "out" / "prompt-00"
    m = yaml.safe_load((d / "trace.yaml").read_text())
    t = load_file(str(d / "tensors.safetensors"))
    assert m["schemaVersion"] == 1 and m["tokens"] == TOKENS and m["layers"] == [0, 1]
    assert m["shape"]["hidden"] == 64 and m["shape"]["layers"] == 2
    assert t["tokens"].dtype == torch.int32 and t["tokens"].shape == (TOKENS,)
    model.eval()
    for i in (0, 1):
        x = t[f"layers.{i}.mlp_in"]
        assert x.dtype == torch.float16 and x.shape == (TOKENS, 64)
        mlp = archs.decoder_layers(model)[i].mlp
        if arch in MOE:
            assert m["tensors"] == ["tokens", "mlp_in", "router_logits", "experts"]
            logits, ids = t[f"layers.{i}.router_logits"], t[f"layers.{i}.experts"]
            assert logits.dtype == torch.float32 and logits.shape == (TOKENS, 8)
            assert ids.dtype == torch.int32 and ids.shape == (TOKENS, 2)
            want = torch.topk(logits, 2, dim=1).indices.sort(dim=1).values
            assert torch.equal(ids.sort(dim=1).values.long(), want)
            with torch.no_grad():  # the recorded logits are the router applied to the recorded input
                again = archs.router(archs.decoder_layers(model)[i])(x.float())[0]
            torch.testing.assert_close(again, logits, atol=2e-2, rtol=2e-2)
        else:
            assert m["tensors"] == ["tokens", "mlp_in", "down_in"]
            h = t[f"layers.{i}.down_in"]
            assert h.dtype == torch.float16 and h.shape == (TOKENS, 128)
            with torch.no_grad():  # down_in is the GLU activation of the recorded MLP input
                torch.testing.assert_close(archs.glu(mlp, x.float()), h.float(), atol=2e-3, rtol=2e-2)
    # the generated ids are the greedy continuation of the prompt
    with torch.no_grad():
        full = torch.tensor([[5, 17, 42, 9] + t["tokens"].tolist()])
        greedy = model(input_ids=full).logits[0, 3:-1].argmax(-1)
    assert greedy.tolist() == t["tokens"].tolist()
    fixtures = os.environ.get("POCKETSIM_FIXTURES_OUT")
    if fixtures:
        shutil.copytree(d, os.path.join(fixtures, arch), dirs_exist_ok=True)


@pytest.mark.parametrize("arch", ARCHS)
def test_quality_runs_and_unpatched_settings_reproduce_plain_perplexity(arch, tmp_path, capsys):
    save_tiny(arch, tmp_path / "model")
    quality.main(["--model", str(tmp_path / "model"), "--random-tokens", "--seqs", "2", "--seq-len", "8",
                  "--out", str(tmp_path / "q"), "--densities", "1.0,0.5", "--gammas", "0.2", "--cache-fracs", "0.5",
                  "--lambdas", "0,1.0", "--device", "cpu"])
    parallel = float(capsys.readouterr().err.split("parallel ppl ")[1].split()[0])
    name = "quality-moe.csv" if arch in MOE else "quality-dip.csv"
    rows = list(csv.DictReader(open(tmp_path / "q" / name)))
    if arch in MOE:
        assert [(r["method"], r["lambda"]) for r in rows] == [("topk-lru", "0.0"), ("cache-prior", "1.0")]
        assert float(rows[0]["ppl"]) == pytest.approx(parallel, rel=1e-4)
        assert float(rows[0]["prob_mass_kept"]) == pytest.approx(1.0)
        assert float(rows[1]["miss_rate"]) <= float(rows[0]["miss_rate"])
        assert float(rows[1]["prob_mass_kept"]) < 1.0
    else:
        assert [(r["method"], r["gamma"]) for r in rows] == [("dense", ""), ("dip", ""), ("dip-ca", "0.2")]
        assert float(rows[0]["ppl"]) == pytest.approx(parallel, rel=1e-4)
        assert float(rows[1]["ppl"]) != float(rows[0]["ppl"])
        assert float(rows[2]["hit_rate"]) >= float(rows[1]["hit_rate"])
