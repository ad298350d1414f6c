"""Uniform access to the MLP and router modules of the supported Hugging Face decoders.

Role: capture.py and quality.py hook or patch the same places in every architecture; this
module is the only one that knows how each architecture names them (transformers 5.x layout:
model.model.layers[i].mlp, a dense GLU MLP or a sparse block with .gate (router) and
.experts).
"""
import torch

SUPPORTED = ("llama", "mistral", "phi3", "qwen2_moe", "olmoe", "mixtral", "deepseek_v2")


def check_supported(model):
    """Fails with a one-line message unless the model's architecture is one we know."""
    mt = model.config.model_type
    if mt not in SUPPORTED:
        raise SystemExit(f"model_type {mt!r} is not supported (supported: {', '.join(SUPPORTED)})")


def decoder_layers(model):
    """The list of decoder layers, indexed by the model's own layer index."""
    return model.model.layers


def is_moe(layer):
    """Whether this decoder layer's MLP is a sparse mixture of experts (router + experts)."""
    return hasattr(layer.mlp, "gate") and hasattr(layer.mlp, "experts")


def router(layer):
    """The router module of an MoE layer: forward(h) -> (logits, weights, expert ids)."""
    return layer.mlp.gate


def glu(mlp, x):
    """The GLU activation act(gate(x)) * up(x) of a dense MLP: the input of its down_proj."""
    if hasattr(mlp, "gate_up_proj"):  # Phi-3 fuses gate and up into one linear
        gate, up = mlp.gate_up_proj(x).chunk(2, dim=-1)
        return up * mlp.activation_fn(gate)
    return mlp.act_fn(mlp.gate_proj(x)) * mlp.up_proj(x)


def num_experts(config):
    for name in ("num_experts", "num_local_experts", "n_routed_experts"):
        v = getattr(config, name, None)
        if v:
            return int(v)
    return 0


def shape_of(model):
    """Dimensions for trace.yaml `shape`: layers, hidden, intermediate, experts, topK.

    For MoE models `intermediate` is the routed expert width (moe_intermediate_size, or
    intermediate_size for Mixtral, whose experts have that width).
    """
    c = model.config
    experts = num_experts(c)
    top_k = int(getattr(c, "num_experts_per_tok", 0) or 0) if experts else 0
    inter = int(getattr(c, "moe_intermediate_size", 0) or c.intermediate_size) if experts else int(c.intermediate_size)
    return {"layers": int(c.num_hidden_layers), "hidden": int(c.hidden_size), "intermediate": inter,
            "experts": experts, "topK": top_k}


def router_normalises(gate):
    """Whether the router renormalises the chosen experts' probabilities to sum to one."""
    if type(gate).__name__.startswith("Mixtral"):
        return True
    return bool(getattr(gate, "norm_topk_prob", False))


def router_scale(gate):
    """Factor the router applies to the chosen weights (DeepSeek's routed_scaling_factor)."""
    return float(getattr(gate, "routed_scaling_factor", 1.0) or 1.0)


def router_top_k(gate):
    return int(gate.top_k)


def mixing_weights(gate, logits, chosen):
    """Mixing weights of `chosen` experts as the model's own router would give them:
    softmax of the original logits over all experts, gathered, renormalised if the router
    does, times its scaling factor."""
    probs = torch.softmax(logits.float(), dim=-1)
    w = probs.gather(1, chosen)
    if router_normalises(gate):
        w = w / w.sum(dim=-1, keepdim=True)
    return w * router_scale(gate)
