package org.pocketsim.kernel.work;

import org.junit.jupiter.api.Test;
import org.pocketsim.workload.kernel.KernelNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Work of real node shapes of the Llama-2-7B Q4_0 log, computed by hand. */
class NodeWorkTest {

    @Test
    void aDecodeMatMulIsAGemvOverTheWholeWeight() {
        // 4096 x 4096 q4_0: 4096 rows x 128 blocks x 18 bytes; 16.8 M MACs for one token
        NodeWork w = NodeWork.of(new KernelNode(1, 3, 1, "MUL_MAT", 4096, 1, 1, 4096, "q4_0", "q8_0", 4, 0.42));
        assertThat(w.kind()).isEqualTo(NodeWork.Kind.GEMV);
        assertThat(w.weightBytes()).isEqualTo(9_437_184L);
        assertThat(w.macs()).isEqualTo(16_777_216L);
        assertThat(w.activationBytes()).isEqualTo(4L * (4096 + 4096));
    }

    @Test
    void aPrefillMatMulIsAGemmReadingTheWeightOnce() {
        NodeWork w = NodeWork.of(new KernelNode(0, 30, 2, "MUL_MAT", 11008, 2, 1, 4096, "q4_0", "q8_0", 4, 9.6));
        assertThat(w.kind()).isEqualTo(NodeWork.Kind.GEMM);
        assertThat(w.weightBytes()).isEqualTo(11008L * 128 * 18);
        assertThat(w.macs()).isEqualTo(2L * 11008 * 4096);
    }

    @Test
    void anotherWeightFormatChangesTheBytesNotTheMacs() {
        KernelNode output = new KernelNode(1, 1123, 1, "MUL_MAT", 32000, 1, 1, 4096, "q6_k", "q8_k", 4, 4.6);
        assertThat(NodeWork.of(output).weightBytes()).isEqualTo(32000L * 16 * 210);
        assertThat(NodeWork.of(output, "q8_0").weightBytes()).isEqualTo(32000L * 128 * 34);
        assertThat(NodeWork.of(output, "int4-g128").weightBytes()).isEqualTo(32000L * 4096 * 33 / 64); // 4.125 bits
        assertThat(NodeWork.of(output, "q8_0").macs()).isEqualTo(32000L * 4096);
    }

    @Test
    void attentionReadsTheKvCacheRowByRow() {
        // KQ of one token: K cache 32 positions x 128 x 32 heads in fp16, 1024 dot products
        NodeWork kq = NodeWork.of(new KernelNode(1, 19, 1, "MUL_MAT", 32, 1, 32, 128, "fp16", "fp16", 4, 0.028), "q8_0");
        assertThat(kq.kind()).isEqualTo(NodeWork.Kind.ATTENTION);
        assertThat(kq.weightBytes()).isEqualTo(32L * 128 * 32 * 2);
        assertThat(kq.rows()).isEqualTo(1024);
    }

    @Test
    void elementWiseOpsCountElementsAndRows() {
        NodeWork add = NodeWork.of(new KernelNode(1, 27, 1, "ADD", 4096, 1, 1, 0, "", "fp32", 4, 0.006));
        assertThat(add.elementOps()).isEqualTo(4096);
        assertThat(add.activationBytes()).isEqualTo(3L * 4 * 4096);
        assertThat(add.rows()).isEqualTo(1);
        assertThat(NodeWork.of(new KernelNode(1, 22, 1, "SOFT_MAX", 32, 1, 32, 0, "", "fp32", 4, 0.003)).rows()).isEqualTo(32);
        assertThat(NodeWork.of(new KernelNode(1, 4, 1, "RESHAPE", 128, 32, 1, 0, "", "fp32", 4, 0.001)).kind())
                .isEqualTo(NodeWork.Kind.VIEW);
    }
}
