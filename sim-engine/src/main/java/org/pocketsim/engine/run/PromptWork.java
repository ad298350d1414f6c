package org.pocketsim.engine.run;

import org.pocketsim.engine.compute.CpuCompute;
import org.pocketsim.engine.decode.DecodeLowering;
import org.pocketsim.engine.point.DecodeSpec;
import org.pocketsim.hw.spec.Requester;

/**
 * What a run's prompt multiplies and reads, in chunks of {@code prefillChunk} tokens: the matrices
 * of every prompt token (the LM head as {@code prefillLogits} says), the attention scores, every
 * weight once per chunk (the LM head only in chunks with logits) and, under a static
 * {@code kvWindow}, the window's KV once per chunk.
 * {@link DecodeRun} times and prices it.
 */
final class PromptWork {

    private final DecodeSpec run;
    private final DecodeLowering lowering;

    PromptWork(DecodeSpec run, DecodeLowering lowering) {
        this.run = run;
        this.lowering = lowering;
    }

    /** Chunks of {@code prefillChunk} tokens the prompt is processed in. */
    long chunks() {
        return (run.prompt() + run.prefillChunk() - 1) / run.prefillChunk();
    }

    /**
     * MACs of the matrices: every prompt token's, the LM head's only for the positions that carry
     * logits ({@code prefillLogits}: all, the last, none).
     */
    double matrixMacs() {
        long p = run.prompt();
        long head = lowering.lmHeadMacs();
        return p * (double) (lowering.matrixMacsPerToken() - head) + run.prefillLogits().withLogits(p) * (double) head;
    }

    /**
     * MACs of the attention scores: causal ({@code P(P+1)/2} cached-token products), or, under a
     * static {@code kvWindow}, every prompt token over the whole window (a static prompt graph
     * multiplies its queries with all allocated positions and masks the rest).
     */
    double attentionMacs() {
        long p = run.prompt();
        double attended = run.kvWindow() != null ? p * (double) lowering.attendedTokens(run.kvWindow()) : p * (p + 1) / 2.0;
        return lowering.scoreMacsPerCachedToken() * attended;
    }

    /**
     * The format the attention scores are multiplied in on {@code unit}: on the CPU, over a float
     * KV cache, fp32 for an fp32 cache and fp16 for a 16-bit one (queries and keys are activations,
     * which no CPU engine of the references quantises: llama.cpp multiplies its F16 cache in F16,
     * XNNPACK runs an fp32 model's attention in fp32; a bf16 cache at the fp16 rate, assumed: it has
     * fp16's width and no profile gives a bf16 rate); elsewhere, and over an integer cache, the
     * run's compute format.
     */
    String attentionFormat(Requester unit) {
        if (unit != Requester.CPU || CpuCompute.family(run.kv()) != CpuCompute.Family.FLOAT) return run.computeFormat();
        return run.kv().equals("fp32") ? "fp32" : "fp16";
    }

    /** Weight bytes the prompt reads: every weight once per chunk, the LM head only in chunks with logits. */
    long weightBytes() {
        return chunks() * lowering.weightBytesPerToken() - skippedHeadBytes();
    }

    /**
     * LM head bytes the prompt does not read: the head in every chunk without logits (under
     * {@code last} all but the last chunk, which llama.cpp's ubatches without outputs skip;
     * under {@code none} all).
     */
    long skippedHeadBytes() {
        long chunks = chunks();
        return (chunks - run.prefillLogits().withLogits(chunks)) * lowering.lmHeadBytes();
    }

    /** KV bytes each chunk reads: under a static {@code kvWindow} the whole window, else none (the prompt makes its own). */
    long kvBytesPerChunk() {
        return run.kvWindow() != null ? lowering.kvBytes(lowering.attendedTokens(run.kvWindow())) : 0;
    }
}
