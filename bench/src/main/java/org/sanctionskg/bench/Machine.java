package org.sanctionskg.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/** What else the machine was doing: the bench shares two cores with whatever runs beside it. */
final class Machine {
    private Machine() {}

    static String describe() {
        long memKb = meminfo("MemTotal:");
        return String.format(Locale.ROOT, "%d cores, %.1f GiB RAM, Java %s (%s)", Runtime.getRuntime().availableProcessors(),
                memKb / 1024.0 / 1024.0, System.getProperty("java.version"), System.getProperty("java.vm.name"));
    }

    /** The three load averages, as /proc/loadavg gives them. */
    static String loadavg() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * The share of all cores busy over {@code sample} while the bench itself sits idle: 0 on a quiet machine; above
     * about 0.25 other work (another build, a test run) is competing for the cores and the figures are suspect.
     */
    static double backgroundBusy(Duration sample) throws InterruptedException {
        long[] a = cpu();
        Thread.sleep(sample.toMillis());
        long[] b = cpu();
        if (a == null || b == null) return Double.NaN;
        long idle = (b[3] + b[4]) - (a[3] + a[4]);
        long total = Arrays.stream(b).sum() - Arrays.stream(a).sum();
        return total == 0 ? 0 : 1.0 - (double) idle / total;
    }

    /**
     * CPU seconds all cores together have been busy since boot (every field of the aggregate "cpu" line but idle and
     * iowait, in USER_HZ); NaN where /proc/stat cannot be read. The difference of two readings, less what the bench's
     * own processes used meanwhile, is what other work on the machine took.
     */
    static double busySeconds() {
        long[] a = cpu();
        if (a == null) return Double.NaN;
        return (Arrays.stream(a).sum() - a[3] - a[4]) / 100.0;
    }

    /** CPU seconds this JVM (the bench itself: its client threads) has used so far. */
    static double ownCpuSeconds() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean o ? o.getProcessCpuTime() / 1e9 : Double.NaN;
    }

    /** The aggregate "cpu" line of /proc/stat: user nice system idle iowait irq softirq steal. */
    private static long[] cpu() {
        try {
            String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
            return Arrays.stream(line.trim().split("\\s+")).skip(1).limit(8).mapToLong(Long::parseLong).toArray();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long meminfo(String key) {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith(key))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }
}
