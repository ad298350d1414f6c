package org.pocketsim.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class ModelsCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.configure(new CommandLine(new ModelsCommand()), new PrintWriter(out, true), new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void listShowsEveryPresetWithComputedAndPublishedCounts() {
        assertThat(run("list")).isZero();
        assertThat(out.toString()).contains("phi3-medium-4k", "qwen3-30b-a3b", "opt-6.7b", "llama3.1-8b", "qwen2-0.5b", "gemma3-1b")
                .contains("13.96B (13.96)").contains("46.70B (46.70)").contains("12.88B (12.90)");
        assertThat(out.toString().lines().count()).isEqualTo(26); // header + 25 presets
    }

    @Test
    void showPrintsDimensionsCountsAndFootprintsAtFp16AndInt4() {
        assertThat(run("show", "llama2-7b", "--seq-len", "4096")).isZero();
        String text = out.toString();
        assertThat(text).contains("hidden 4096, layers 32, vocab 32000", "attention mha: 32 heads, 32 KV heads, head dim 128")
                .contains("total 6,738,415,616").contains("fp16 MiB").contains("int4-g128 MiB")
                // 2 GiB of KV cache at 4096 tokens, fp16
                .contains("kv cache").contains("2048.0");
        // attention at int4-g128: 1,107,296,256 bytes = 1056.0 MiB
        assertThat(text).containsPattern("attention\\s+2,147,483,648\\s+4096.0\\s+1056.0");
    }

    @Test
    void showOfAnMlaModelPrintsTheLatentCache() {
        assertThat(run("show", "deepseek-v2-lite")).isZero();
        assertThat(out.toString()).contains("latent KV 512 + rope 64, 576 KV values per token per layer")
                .contains("64 routed experts of width 1408, top-6; 2 shared of width 1408");
    }

    @Test
    void showOfAHybridPrintsItsLayoutAndRecurrentState() {
        assertThat(run("show", "qwen3-next-80b-a3b", "--seq-len", "4096")).isZero();
        assertThat(out.toString())
                .contains("head dim 256, output gate, 1024 KV values per token per full layer")
                .contains("linear attention gated deltanet: 16 key heads, 32 value heads, head dims 128/128, conv 4;"
                        + " 548864 state values per layer")
                .contains("layout: pattern [linear, linear, linear, full]; full attention at layers 3, 7, 11,")
                .contains("total 79,674,391,296")
                // 12 full layers x 1024 values x 4096 tokens x 2 bytes = 96 MiB; 36 x 548,864 x 2 bytes = 37.7 MiB
                .containsPattern("kv cache\\s+96.0")
                .containsPattern("recurrent state\\s+37.7");
    }

    @Test
    void unknownModelIsOneLineAndExitCodeTwo() {
        assertThat(run("show", "gpt-9")).isEqualTo(2);
        assertThat(err.toString()).startsWith("models show: unknown model 'gpt-9'").hasLineCount(1);
    }
}
