package org.sanctionskg.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.sanctionskg.UserException;

/**
 * A measured child process (our jar or a stock tool): wall time from just before it is spawned, and peak resident
 * memory read from {@code /proc/<pid>/status} ({@code VmHWM}), sampled until it exits. Output goes to a log file.
 */
final class ChildProcess implements AutoCloseable {
    private static final Duration SAMPLE = Duration.ofMillis(20);

    private final String name;
    private final Process process;
    private final Path log;
    private final long started;
    private volatile long peakKb;
    private volatile long cpuTicks;

    private ChildProcess(String name, Process process, Path log, long started) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.started = started;
        Thread sampler = new Thread(this::sample, "rss-" + name);
        sampler.setDaemon(true);
        sampler.start();
    }

    /** The result of a child that ran to its end. */
    record Exit(int code, Duration wall, long peakRssKb, double cpuSeconds) {
        double seconds() { return wall.toNanos() / 1e9; }
    }

    static ChildProcess start(String name, List<String> command, Path log) {
        try {
            Files.createDirectories(log.getParent());
            // Run in the log's folder: the stock server writes its run/ folder into its working directory.
            ProcessBuilder pb = new ProcessBuilder(command).directory(log.getParent().toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            long t0 = System.nanoTime();
            return new ChildProcess(name, pb.start(), log, t0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The java that runs this bench, for every child JVM, ours and stock alike. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    Duration sinceStart() {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long peakRssKb() {
        return peakKb;
    }

    /** Waits for the child to end; a non-zero exit is an error that quotes the end of its log. */
    Exit await(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            close();
            throw new UserException(name + " did not finish within " + limit.toSeconds() + " s; see " + log);
        }
        Exit exit = new Exit(process.exitValue(), Duration.ofNanos(System.nanoTime() - started), peakKb, cpuSeconds());
        if (exit.code() != 0) throw new UserException(name + " failed (exit " + exit.code() + "): " + tail());
        return exit;
    }

    /** The last lines of the child's log, for error messages. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size())) + " (log: " + log + ")";
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** CPU time (user + system) the child has used so far; the last sample once it has ended. */
    double cpuSeconds() {
        try {
            cpuTicks = readCpuTicks();
        } catch (IOException | RuntimeException ended) {
            // keep the last sample
        }
        return cpuTicks / 100.0; // USER_HZ
    }

    private long readCpuTicks() throws IOException {
        String line = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" "); // utime, stime: fields 14, 15
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private void sample() {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        while (process.isAlive()) {
            try {
                for (String line : Files.readAllLines(status))
                    if (line.startsWith("VmHWM:")) peakKb = Math.max(peakKb, Long.parseLong(line.replaceAll("[^0-9]", "")));
                cpuTicks = readCpuTicks();
                Thread.sleep(SAMPLE.toMillis());
            } catch (IOException | RuntimeException e) {
                return; // the process ended between isAlive() and the read
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Stops the child: SIGTERM, then SIGKILL if it has not ended within ten seconds. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
