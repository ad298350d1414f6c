"""trace.yaml text and tensors.safetensors layout exactly as docs/trace-format.md states."""
import pytest
import torch
from safetensors import safe_open

from tracefmt import manifest_yaml, write_trace

SHAPE = {"layers": 4, "hidden": 3, "intermediate": 5, "experts": 0, "topK": 0}


def test_manifest_has_exactly_the_documented_keys_in_order():
    text = manifest_yaml("m", SHAPE, 2, [1, 3], {"down_in", "tokens", "mlp_in"}, "o\"x", "MIT", "p\nq",
                         {"method": "sampled", "temperature": 1, "topP": 0.95, "seed": 7})
    assert text == (
        'schemaVersion: 1\nmodel: "m"\nshape:\n  layers: 4\n  hidden: 3\n  intermediate: 5\n  experts: 0\n'
        '  topK: 0\ntokens: 2\nlayers: [1, 3]\ntensors: [tokens, mlp_in, down_in]\ndtype: fp16\nsource:\n'
        '  kind: captured\n  origin: "o\\"x"\n  licence: "MIT"\nprompt: "p\\nq"\nsampling:\n  method: sampled\n'
        '  temperature: 1.0\n  topP: 0.95\n  seed: 7\n')


def test_write_trace_stores_fp16_activations_clamped_and_int32_ids(tmp_path):
    rows = {1: {"mlp_in": torch.tensor([[1e6, -0.5, 2.0], [0.0, 1.0, -1e6]]), "down_in": torch.ones(2, 5)}}
    write_trace(tmp_path / "t", "m", SHAPE, torch.tensor([4, 9]), rows, "o", "MIT", "p",
                {"method": "greedy", "seed": 0}, {"producer": "test"})
    with safe_open(str(tmp_path / "t" / "tensors.safetensors"), "pt") as f:
        assert sorted(f.keys()) == ["layers.1.down_in", "layers.1.mlp_in", "tokens"]
        assert f.metadata() == {"producer": "test"}
        x = f.get_tensor("layers.1.mlp_in")
        assert x.dtype == torch.float16 and x.tolist() == [[65504.0, -0.5, 2.0], [0.0, 1.0, -65504.0]]
        assert f.get_tensor("tokens").dtype == torch.int32 and f.get_tensor("tokens").tolist() == [4, 9]
    assert "sampling:\n  method: greedy\n  seed: 0\n" in (tmp_path / "t" / "trace.yaml").read_text()


def test_write_trace_rejects_rows_that_disagree_with_the_token_count(tmp_path):
    with pytest.raises(ValueError, match="layer 0 mlp_in: 3 rows, expected 2"):
        write_trace(tmp_path / "t", "m", SHAPE, torch.tensor([1, 2]), {0: {"mlp_in": torch.zeros(3, 3)}},
                    "o", "MIT", "p", {"method": "greedy"}, {})
