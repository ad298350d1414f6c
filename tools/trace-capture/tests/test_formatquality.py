"""quality.py --formats on tiny random models: one row per setting, the unquantised setting
reproduces the plain perplexity, every quantised setting touches every linear and the model
is restored afterwards."""
import csv

import pytest
import torch

import fmtquant
import formatquality
import quality
from tiny_models import save_tiny


class _Experts(torch.nn.Module):
    """Fused experts as transformers 5 stores them: [experts, out, in] tensors, no nn.Linear."""

    def __init__(self):
        super().__init__()
        self.gate_up_proj = torch.nn.Parameter(torch.randn(4, 32, 16))
        self.down_proj = torch.nn.Parameter(torch.randn(4, 16, 16))

    def forward(self, x):
        return x @ self.gate_up_proj[0, :16].T


class _Mlp(torch.nn.Module):
    def __init__(self, moe):
        super().__init__()
        if moe:
            self.gate = torch.nn.Linear(16, 4, bias=False)
            self.experts = _Experts()
        else:
            self.up_proj = torch.nn.Linear(16, 32, bias=False)
            self.down_proj = torch.nn.Linear(32, 16, bias=False)

    def forward(self, x):
        if hasattr(self, "experts"):
            return self.experts(x) + 0 * self.gate(x).sum()
        return self.down_proj(self.up_proj(x))


class _Layer(torch.nn.Module):
    def __init__(self, moe):
        super().__init__()
        self.o_proj = torch.nn.Linear(16, 16, bias=False)
        self.mlp = _Mlp(moe)

    def forward(self, x):
        return self.mlp(self.o_proj(x))


class _Model(torch.nn.Module):
    """Just the layout archs.py reads (model.model.layers[i].mlp), no transformers needed."""

    def __init__(self, moe):
        super().__init__()
        self.model = torch.nn.Module()
        self.model.layers = torch.nn.ModuleList([_Layer(moe), _Layer(moe)])

    def forward(self, x):
        for layer in self.model.layers:
            x = layer(x)
        return x


@pytest.mark.parametrize("moe", [False, True])
def test_every_linear_and_fused_expert_tensor_is_quantised_routers_are_not_and_restore_undoes_it(moe):
    torch.manual_seed(0)
    model = _Model(moe)
    before = {n: p.detach().clone() for n, p in model.named_parameters()}
    x = torch.randn(3, 16)
    ref = model(x)
    patch = formatquality.QuantisedModel(model, "int4-g128", "int8")
    assert patch.linears == (1 if moe else 3) * 2  # o_proj (+ up, down); the router is skipped
    assert patch.expert_tensors == (4 if moe else 0)
    for name, p in model.named_parameters():
        if name.endswith("mlp.gate.weight"):
            assert torch.equal(p, before[name]), "routers stay in full precision"
        else:  # linears [out, in] and fused experts [experts, out, in]: groups along the input features
            assert torch.equal(p, fmtquant.group_int(before[name], 4, 128)), name
    assert not torch.equal(model(x), ref)
    patch.restore()
    assert torch.equal(model(x), ref)
    for n, p in model.named_parameters():
        assert torch.equal(p, before[n]), n


@pytest.mark.parametrize("arch", ["llama", "olmoe"])
def test_formats_mode_writes_one_row_per_setting_and_restores_the_model(arch, tmp_path, capsys):
    pytest.importorskip("transformers")
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
    pytest.importorskip("transformers")
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
