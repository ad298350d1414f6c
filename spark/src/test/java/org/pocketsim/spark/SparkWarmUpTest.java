package org.pocketsim.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.deploy.master.Master;
import org.apache.spark.rpc.RpcEnv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warm-up job {@link SparkPointExecutor#start} runs beside the driver's work: a command that
 * fails before its sweep closes the executor at once, even while the warm-up waits for a cluster
 * that has no executor (a standalone Master without Workers, in this JVM), and the warm-up ends.
 */
class SparkWarmUpTest {

    @Test
    @Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a start that waited for the warm-up would never return
    void closingCancelsAWarmUpThatWaitsForExecutors() throws Exception {
        scala.Tuple3<RpcEnv, Object, scala.Option<Object>> master =
                Master.startRpcEnvAndEndpoint("127.0.0.1", 0, 0, new SparkConf().set("spark.master.rest.enabled", "false"));
        RpcEnv env = master._1();
        try {
            SparkPointExecutor executor = SparkPointExecutor.start("spark://127.0.0.1:" + env.address().port());
            Thread warmUp = executor.warmUpThread();
            warmUp.join(2_000); // no Worker: its tasks are never scheduled
            assertThat(warmUp.isAlive()).as("warm-up still waiting for executors").isTrue();
            long t0 = System.nanoTime();
            executor.close();
            warmUp.join(30_000);
            assertThat(warmUp.isAlive()).as("warm-up ended by close()").isFalse();
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0)).isLessThan(30);
        } finally {
            env.shutdown();
            env.awaitTermination();
        }
    }
}
