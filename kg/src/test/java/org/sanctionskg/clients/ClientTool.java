package org.sanctionskg.clients;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A client nobody here wrote, run as a child process; missing means a failed test naming {@code .ci/run}, never a skip. */
record ClientTool(String name, Path installed) {

    /** What one run printed (stdout and stderr together) and its exit code. */
    record Run(int exit, String output) {}

    /** Fails the test unless {@code installed} exists; {@code how} says which step of {@code .ci/run} installs it. */
    ClientTool requireInstalled(String how) {
        if (!Files.exists(installed))
            fail(name + " is not installed at " + installed.toAbsolutePath() + ": run .ci/run, which " + how);
        return this;
    }

    /** Runs {@code command} from the repository root, failing the test if it takes over {@code seconds}. */
    static Run run(List<String> command, int seconds) throws IOException, InterruptedException {
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true);
        b.environment().put("REDOCLY_TELEMETRY", "off"); // the tools talk only to our server: no usage reports,
        b.environment().put("REDOCLY_SUPPRESS_NOTIFICATIONS", "true"); // no update checks
        Process p = b.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes(); // read before waiting, so a full pipe cannot block the child
        assertTrue(p.waitFor(seconds, TimeUnit.SECONDS), command.get(0) + " did not finish in " + seconds + " s");
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** The {@code java} that runs this test, for tools that are jars. */
    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
