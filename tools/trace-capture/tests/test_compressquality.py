"""compressquality.rows on a tiny stand-in model (decoder layers of Linear modules): every format
quantises every decoder linear, restores the weights afterwards, and writes one row per format."""
import torch

import compress_quant
import compressquality


class Layer(torch.nn.Module):
    def __init__(self, g):
        super().__init__()
        self.mlp = torch.nn.Module()
        self.mlp.up = torch.nn.Linear(256, 512, bias=False)
        self.mlp.down = torch.nn.Linear(512, 256, bias=False)
        with torch.no_grad():
            self.mlp.up.weight.copy_(torch.randn(512, 256, generator=g) * 0.05)
            self.mlp.down.weight.copy_(torch.randn(256, 512, generator=g) * 0.05)


class Tiny(torch.nn.Module):
    def __init__(self):
        super().__init__()
        g = torch.Generator().manual_seed(0)
        self.model = torch.nn.Module()
        self.model.layers = torch.nn.ModuleList([Layer(g), Layer(g)])

    def forward(self, x):
        for layer in self.model.layers:
            x = x + layer.mlp.down(torch.relu(layer.mlp.up(x)))
        return x


def test_rows_quantise_every_linear_and_restore_the_weights():
    model = Tiny()
    before = [p.detach().clone() for p in model.parameters()]
    x = torch.randn(4, 256, generator=torch.Generator().manual_seed(1))
    with torch.no_grad():
        ref = model(x)

    def ppl(m, ids):  # a stand-in metric: exp of the output's relative error
        with torch.no_grad():
            return float(torch.exp((m(ids) - ref).norm() / ref.norm()))

    formats = ["fp16", "int4-g128", "2of4-int4-g128", "vq-b4-d2", "ternary-g256", "spqr-int3-g128-o1"]
    sink = []
    rows = compressquality.rows(model, x, "tiny", formats, ppl, {"eval": "t", "dtype": "float32", "device": "cpu",
                                "torch": torch.__version__, "transformers": "-", "quantiser": "-", "commit": "-"},
                                sink.append)
    assert [r["format"] for r in rows] == formats
    assert all(r["linears"] == 4 for r in rows)
    assert rows[0]["delta_ppl"] == 0.0 and rows[0]["weight_rel_error"] < 1e-3
    errs = {r["format"]: r["weight_rel_error"] for r in rows}
    assert errs["int4-g128"] < errs["ternary-g256"]
    assert errs["2of4-int4-g128"] > errs["int4-g128"]
    assert rows[1]["bits_per_weight"] == compress_quant.BITS["int4-g128"]
    assert set(rows[0]) == set(compressquality.FIELDS)
    for p, b in zip(model.parameters(), before):
        assert torch.equal(p, b)
