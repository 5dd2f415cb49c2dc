package dev.lookback.spark;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The entry point of {@code java -jar spark/target/lookback-spark.jar}: puts the jar and every jar of {@code lib/}
 * beside it (Spark, Lookback and their libraries) on a class path and runs {@link SparkMain}. The JVM options Spark
 * needs on Java 17 (packages of {@code java.base} opened to its serializers and memory code) are in the jar's
 * manifest ({@code Add-Opens}), which {@code java -jar} applies. Refers to no other class of Lookback or Spark, so
 * that it loads without them.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        File jar;
        try {
            jar = new File(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        File lib = new File(jar.getParentFile(), "lib");
        File[] jars = lib.listFiles((d, name) -> name.endsWith(".jar"));
        if (jars == null || jars.length == 0) {
            System.err.println("lookback-spark: " + lib + " holds no jars; build with mvn package in spark/ (it copies"
                    + " Spark and Lookback there), or run lookback-spark-job.jar with spark-submit / 缺少 lib 目录");
            System.exit(1);
        }
        Arrays.sort(jars);
        List<URL> urls = new ArrayList<>();
        try {
            urls.add(jar.toURI().toURL());
            for (File f : jars) {
                urls.add(f.toURI().toURL());
            }
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        URLClassLoader loader = new URLClassLoader("lookback-spark", urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        System.setProperty("io.netty.tryReflectionSetAccessible", "true");
        try {
            loader.loadClass("dev.lookback.spark.SparkMain").getMethod("main", String[].class)
                    .invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception x ? x : new IllegalStateException(e.getCause());
        }
    }
}
