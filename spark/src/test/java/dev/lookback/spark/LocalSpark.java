package dev.lookback.spark;

import org.apache.spark.sql.SparkSession;

/** One local Spark session for the tests: two cores, no web UI, few shuffle partitions. */
final class LocalSpark {
    private LocalSpark() {
    }

    static synchronized SparkSession session() {
        return SparkSession.builder().master("local[2]").appName("lookback-spark-tests")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
                .config("spark.driver.host", "127.0.0.1").getOrCreate();
    }
}
