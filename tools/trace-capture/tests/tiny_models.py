"""Randomly initialised tiny configs (2 layers, hidden 64) of every supported architecture."""
import torch

COMMON = dict(vocab_size=128, hidden_size=64, num_hidden_layers=2, num_attention_heads=4,
              num_key_value_heads=2, max_position_embeddings=64)


def tiny_config(arch):
    import transformers as tf
    if arch == "llama":
        return tf.LlamaConfig(intermediate_size=128, **COMMON)
    if arch == "mistral":
        return tf.MistralConfig(intermediate_size=128, sliding_window=None, **COMMON)
    if arch == "phi3":
        return tf.Phi3Config(intermediate_size=128, pad_token_id=0, bos_token_id=1, eos_token_id=2, **COMMON)
    if arch == "qwen2_moe":
        return tf.Qwen2MoeConfig(intermediate_size=128, moe_intermediate_size=32, shared_expert_intermediate_size=64,
                                 num_experts=8, num_experts_per_tok=2, decoder_sparse_step=1, mlp_only_layers=[],
                                 **COMMON)
    if arch == "olmoe":
        return tf.OlmoeConfig(intermediate_size=32, num_experts=8, num_experts_per_tok=2, **COMMON)
    if arch == "mixtral":
        return tf.MixtralConfig(intermediate_size=32, num_local_experts=8, num_experts_per_tok=2, **COMMON)
    if arch == "deepseek_v2":
        c = dict(COMMON)
        c["num_key_value_heads"] = 4
        return tf.DeepseekV2Config(intermediate_size=128, moe_intermediate_size=32, n_routed_experts=8,
                                   num_experts_per_tok=2, n_shared_experts=1, first_k_dense_replace=0,
                                   kv_lora_rank=16, q_lora_rank=None, qk_rope_head_dim=8, qk_nope_head_dim=8,
                                   v_head_dim=16, topk_method="greedy", n_group=1, topk_group=1, **c)
    raise ValueError(arch)


def save_tiny(arch, path, seed=0):
    """Builds the tiny model of `arch` with seeded random weights and saves it to `path`."""
    from transformers import AutoModelForCausalLM
    torch.manual_seed(seed)
    model = AutoModelForCausalLM.from_config(tiny_config(arch))
    with torch.no_grad():  # some inits leave router weights at zero: make routing non-trivial
        for name, p in model.named_parameters():
            if name.endswith("gate.weight") and p.dim() == 2:
                p.normal_(0.0, 0.5)
    model.save_pretrained(path)
    return model
