"""Fake quantisers (quantise-dequantise) in PyTorch, bit-faithful to PocketSim's Java formats.

Each function mirrors one class of org.pocketsim.kernel.format / kernel.quant, computing in
float64 from the float32 input exactly as the Java code does (multiply by the reciprocal
scale, round half to even, saturate) and returning float32. tests/test_fmtquant.py checks the
outputs against values the Java classes produced (tests/fmtquant_golden.json, which the Java
test FmtquantGoldenTest regenerates the expectation of).

  scaled_scalar   kernel.quant.Quantizer(ABSMAX, REAL, per row): s = absmax / max, q(x / s) * s,
                  with q an IntFormat (symmetric, +-(2^(b-1)-1)) or a saturating FloatFormat
  mx              kernel.format.MxFormat (OCP MX v1.0: E8M0 scale per 32, RNE, saturating)
  group_int       kernel.format.GroupIntFormat (symmetric, FP16 scale per g, scale rounded first)
  nf4             kernel.format.Nf4Format (bitsandbytes levels, FP32 absmax per g)
  fp16            a cast to float16 and back (IEEE round to nearest even)

Blocks and rows run along the last dimension (the input features of a linear's weight, the
hidden features of an activation).
"""
import torch

# name: (exponent bits, mantissa bits, bias, largest finite value) of the saturating ExMy grids
FLOATS = {
    "fp8-e4m3": (4, 3, 7, 448.0),
    "fp8-e5m2": (5, 2, 15, 57344.0),
    "fp6-e2m3": (2, 3, 1, 7.5),
    "fp6-e3m2": (3, 2, 3, 28.0),
    "fp4-e2m1": (2, 1, 1, 6.0),
    "fp16": (5, 10, 15, 65504.0),
}
# MX element: (element grid or "int8", emax_elem of the OCP scale rule)
MX = {"mxfp8": ("fp8-e4m3", 8), "mxfp8-e5m2": ("fp8-e5m2", 15), "mxfp6-e2m3": ("fp6-e2m3", 2),
      "mxfp6-e3m2": ("fp6-e3m2", 4), "mxfp4": ("fp4-e2m1", 2), "mxint8": ("int8", 0)}
NF4_LEVELS = [
    -1.0, -0.6961928009986877, -0.5250730514526367, -0.39491748809814453,
    -0.28444138169288635, -0.18477343022823334, -0.09105003625154495, 0.0,
    0.07958029955625534, 0.16093020141124725, 0.24611230194568634, 0.33791524171829224,
    0.44070982933044434, 0.5626170039176941, 0.7229568362236023, 1.0,
]


def pow2(n):
    """2**n as float64 for an integer tensor n in [-1022, 1023], built from the exponent bits, so it is
    exact on every device (exp2/pow on a GPU need not be)."""
    return ((n.long() + 1023) << 52).view(torch.float64)


def round_float(v, name):
    """Nearest value of the saturating ExMy grid `name` to float64 tensor v (ties to even)."""
    e, m, bias, top = FLOATS[name]
    a = v.abs()
    emin = 1 - bias
    _, ex = torch.frexp(a)
    binade = torch.clamp(ex - 1, min=emin)  # floor(log2 a), the subnormal binade below the normals
    r = torch.round(a * pow2(m - binade)) * pow2(binade - m)
    return torch.sign(v) * torch.clamp(r, max=top)


def round_int(v, bits):
    """Nearest level of the symmetric INT grid, clamped to +-(2^(bits-1) - 1)."""
    top = float(2 ** (bits - 1) - 1)
    return torch.clamp(torch.round(v), -top, top)


def _grid(v, name):
    if name.startswith("int"):
        return round_int(v, int(name[3:]))
    return round_float(v, name)


def _grid_max(name):
    return float(2 ** (int(name[3:]) - 1) - 1) if name.startswith("int") else FLOATS[name][3]


def scaled_scalar(x, name):
    """Per-row absmax scaling onto INT b or a saturating ExMy grid (Quantizer ABSMAX, REAL)."""
    d = x.double()
    span = d.abs().amax(dim=-1, keepdim=True)
    s = span / _grid_max(name)
    inv = torch.where(span > 0, 1.0 / torch.where(span > 0, s, torch.ones_like(s)), torch.zeros_like(s))
    return (_grid(d * inv, name) * s).float()


def _blocks(x, k):
    """x as [..., n/k, k] in float64, zero-padded to a multiple of k, and the original width."""
    n = x.shape[-1]
    d = x.double()
    pad = (-n) % k
    if pad:
        d = torch.cat([d, torch.zeros(*d.shape[:-1], pad, dtype=d.dtype, device=d.device)], dim=-1)
    return d.reshape(*d.shape[:-1], -1, k), n


def _unblock(b, n):
    return b.reshape(*b.shape[:-2], -1)[..., :n].float()


def mx(x, name):
    """OCP MX: per 32, shared exponent floor(log2 absmax) - emax_elem clamped to [-127, 127]."""
    element, emax = MX[name]
    b, n = _blocks(x, 32)
    amax = b.abs().amax(dim=-1, keepdim=True)
    _, ex = torch.frexp(amax)
    shared = torch.clamp(ex - 1 - emax, -127, 127)
    shared = torch.where(amax > 0, shared, torch.full_like(shared, -127))
    v = b * pow2(-shared)
    if element == "int8":
        q = torch.clamp(torch.round(v * 64), -128, 127) / 64
    else:
        q = round_float(v, element)
    return _unblock(q * pow2(shared), n)


def group_int(x, bits, group, scale_format="fp16"):
    """Symmetric INT b per group of `group` with the scale rounded to `scale_format` first."""
    b, n = _blocks(x, group)
    top = float(2 ** (bits - 1) - 1)
    raw = b.abs().amax(dim=-1, keepdim=True) / top
    scale = round_float(raw, scale_format) if scale_format != "fp32" else raw.float().double()
    inv = torch.where(scale > 0, 1.0 / torch.where(scale > 0, scale, torch.ones_like(scale)), torch.zeros_like(scale))
    return _unblock(round_int(b * inv, bits) * scale, n)


def nf4(x, group=64):
    """NF4: nearest of the 16 levels (a value exactly between two takes the lower) times the FP32 absmax."""
    b, n = _blocks(x, group)
    scale = b.abs().amax(dim=-1, keepdim=True).float().double()
    inv = torch.where(scale > 0, 1.0 / torch.where(scale > 0, scale, torch.ones_like(scale)), torch.zeros_like(scale))
    levels = torch.tensor(NF4_LEVELS, dtype=torch.float64, device=x.device)
    mids = 0.5 * (levels[:-1] + levels[1:])
    v = (b * inv).contiguous()
    code = torch.searchsorted(mids, v.reshape(-1)).reshape(v.shape)
    return _unblock(levels[code] * scale, n)


def fp16(x):
    return x.half().float()


def quantiser(name):
    """The fake quantiser of a format name (the Java registry's names); None for 'none'."""
    if name == "none":
        return None
    if name in ("int8", "int4") or name in ("fp8-e4m3", "fp8-e5m2"):
        return lambda x: scaled_scalar(x, name)
    if name in MX:
        return lambda x: mx(x, name)
    if name.startswith("int4-g"):
        g = int(name[len("int4-g"):])
        return lambda x: group_int(x, 4, g)
    if name == "nf4":
        return nf4
    if name == "fp16":
        return fp16
    raise ValueError(f"unknown format {name!r}")
