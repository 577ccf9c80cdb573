package org.sanctionskg.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionskg.Config;
import org.sanctionskg.testing.Fixtures;
import org.sanctionskg.testing.Servers;
import org.sanctionskg.testing.Stores;

/**
 * ROBOT 1.9.6 (from Maven Central, copied by the robot module) checks the ontology that {@code /ontology} serves
 * against the OWL 2 DL profile: the real ontology as found at test time, fetched by ROBOT itself over HTTP.
 */
class RobotProfileTest {
    private static final ClientTool ROBOT = new ClientTool("ROBOT", Path.of(System.getProperty("robot.lib", "robot/target/lib")).normalize());

    @BeforeAll
    static void robotIsInstalled() {
        ROBOT.requireInstalled("builds the robot module (mvn -B verify; alone: mvn -q -pl robot package)");
    }

    @Test
    void servedOntologyIsOwl2Dl(@TempDir Path tmp) throws Exception {
        Config config = Servers.config(Path.of(""), tmp.resolve("store"));
        Stores.load(config);
        Servers.withServer(config, base -> {
            ClientTool.Run run = validate(tmp, "--input-iri", base.resolve("ontology").toString());
            String report = Files.readString(tmp.resolve("report.txt"));
            assertEquals(0, run.exit(), "ROBOT: the served ontology is not OWL 2 DL (declare external terms in ontology/external-terms.ttl):\n"
                    + report + run.output());
            assertTrue(report.contains("in profile]"), report);
        });
    }

    @Test
    void undeclaredTermsAndXsdDateRangeFailTheProfile(@TempDir Path tmp) throws Exception {
        Path broken = Fixtures.copy("clients", tmp.resolve("fixture")).resolve("not-dl.ttl");
        ClientTool.Run run = validate(tmp, "--input", broken.toString());
        String report = Files.readString(tmp.resolve("report.txt"));
        assertNotEquals(0, run.exit(), run.output());
        assertTrue(report.contains("Use of undeclared class: <https://schema.org/Person>"), report);
        assertTrue(report.contains("Use of undeclared datatype: xsd:date"), report);
    }

    private static ClientTool.Run validate(Path tmp, String... input) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ClientTool.java(), "-cp", ROBOT.installed().resolve("*").toString(),
                "org.obolibrary.robot.CommandLineInterface", "validate-profile", "--profile", "DL",
                "--output", tmp.resolve("report.txt").toString()));
        cmd.addAll(List.of(input));
        return ClientTool.run(cmd, 300);
    }
}
