package org.sanctionskg.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.sanctionskg.cli.Main;

/**
 * One command of ours run to its end in a child JVM with JVM options of its own (a heap limit) or a file size limit:
 * exit code and all output.
 */
record ChildRun(int exitCode, List<String> lines) {

    static ChildRun run(Path workDir, List<String> jvmOptions, int timeoutSeconds, String... args) throws IOException, InterruptedException {
        return run(workDir, java(jvmOptions, args), timeoutSeconds);
    }

    /**
     * As {@link #run(Path, List, int, String...)}, with no file the child writes allowed past {@code kib} KiB
     * ({@code ulimit -f}, which needs no privileges): a write past it fails with EFBIG, "File too large" (the JVM
     * ignores SIGXFSZ, so the write fails rather than the process being killed).
     */
    static ChildRun runWithFileSizeLimit(Path workDir, long kib, List<String> jvmOptions, int timeoutSeconds, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", "-c", "ulimit -f " + kib + " && exec \"$@\"", "bash"));
        cmd.addAll(java(jvmOptions, args));
        return run(workDir, cmd, timeoutSeconds);
    }

    private static List<String> java(List<String> jvmOptions, String... args) {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static ChildRun run(Path workDir, List<String> cmd, int timeoutSeconds) throws IOException, InterruptedException {
        Path output = workDir.resolve("child-output.txt");
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("the child did not end within " + timeoutSeconds + " s (the load hung): "
                    + java.nio.file.Files.readString(output, StandardCharsets.UTF_8));
        }
        return new ChildRun(p.exitValue(), java.nio.file.Files.readAllLines(output, StandardCharsets.UTF_8));
    }

    /** The output lines that are not load progress (phases). */
    List<String> messages() {
        return lines.stream().filter(l -> !l.startsWith("  load: ")).toList();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + ":\n" + String.join("\n", lines);
    }
}
