"""Writes the safetensors fixture that the Java reader test (PythonWrittenFileTest) reads.

The file is produced by the reference library, safetensors.torch.save_file, so the Java
reader is checked against the ecosystem's own writer rather than against itself.
Usage: python write_fixture.py OUT.safetensors
"""
import sys

import torch
from safetensors.torch import save_file


def fixture_tensors():
    """The exact tensors the Java test pins (names, dtypes, shapes and values)."""
    return {
        "f16": torch.tensor([[-1.0, -0.5, 0.0], [0.5, 1.0, 1.5]], dtype=torch.float16),
        "bf16": torch.tensor([1.0, -2.5, 3.140625, 0.0], dtype=torch.bfloat16),
        "f32": torch.tensor([1.5, -0.25, 0.001], dtype=torch.float32),
        "i32": torch.tensor([[1, -2], [3, 2147483647]], dtype=torch.int32),
    }


def main(argv):
    if len(argv) != 2:
        raise SystemExit("usage: write_fixture.py OUT.safetensors")
    save_file(fixture_tensors(), argv[1], metadata={"producer": "python-safetensors"})


if __name__ == "__main__":
    main(sys.argv)
