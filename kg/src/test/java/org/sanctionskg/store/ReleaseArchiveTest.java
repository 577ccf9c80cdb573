package org.sanctionskg.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionskg.Config;
import org.sanctionskg.UserException;
import org.sanctionskg.testing.Stores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReleaseArchiveTest {
    @Test
    void aPackedReleaseInstalledIntoAnotherStoreIsLiveThereAndIntact(@TempDir Path root) throws Exception {
        Config config = Stores.loaded("engine", root);
        String id = new StoreLayout(config.storeDir()).current().orElseThrow().id();
        Path file = root.resolve("release.zip");
        String sha = ReleaseArchive.pack(config.storeDir(), id, file);
        assertEquals(sha + "  release.zip", Files.readString(ReleaseArchive.checksumFile(file)).strip(), "sha256sum -c reads it");

        Path other = root.resolve("other");
        assertEquals(id, ReleaseArchive.install(file, other));
        Build installed = new StoreLayout(other).current().orElseThrow();
        assertEquals(id, installed.id(), "the installed release is live");
        assertTrue(BuildVerifier.verify(installed, true).intact(), "every file as the load wrote it");
        assertEquals(Checksums.files(new StoreLayout(config.storeDir()).current().orElseThrow().dir()), Checksums.files(installed.dir()));
        assertFalse(Files.exists(other.resolve("install.tmp")), "nothing left of the unpacking");
        try (Store store = Store.open(other)) {
            assertEquals(id, store.build().id(), "and it opens");
        }
        assertEquals(id, ReleaseArchive.install(file, other), "installing it again makes it live again");
    }

    @Test
    void aDamagedArchiveIsRefusedAndChangesNothing(@TempDir Path root) throws Exception {
        Config config = Stores.loaded("engine", root);
        String id = new StoreLayout(config.storeDir()).current().orElseThrow().id();
        Path file = root.resolve("release.zip");
        ReleaseArchive.pack(config.storeDir(), id, file);
        Files.copy(file, root.resolve("good.zip"));
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(file, bytes);
        Path other = root.resolve("other");
        UserException refused = assertThrows(UserException.class, () -> ReleaseArchive.install(file, other));
        assertTrue(refused.getMessage().contains("does not match release.zip.sha256"), refused.getMessage());
        assertTrue(new StoreLayout(other).current().isEmpty(), "no release was installed");

        Path tampered = root.resolve("tampered.zip"); // a well-formed archive, no checksum file beside it, one file changed
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(root.resolve("good.zip")));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tampered))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] body = in.readAllBytes();
                if (e.getName().endsWith("/manifest.properties")) body = (new String(body, StandardCharsets.UTF_8) + "#\n").getBytes(StandardCharsets.UTF_8);
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(body);
                out.closeEntry();
            }
        }
        UserException damaged = assertThrows(UserException.class, () -> ReleaseArchive.install(tampered, other));
        assertTrue(damaged.getMessage().contains("manifest.properties"), "the build's own checksums name the file: " + damaged.getMessage());
        assertTrue(new StoreLayout(other).current().isEmpty(), "still none");
        assertFalse(Files.exists(new StoreLayout(other).builds().resolve(id)), "and no build folder left behind");
    }

    @Test
    void packingAReleaseTheStoreNeverHadIsOneLineError(@TempDir Path root) {
        Config config = Stores.loaded("engine", root);
        UserException e = assertThrows(UserException.class,
                () -> ReleaseArchive.pack(config.storeDir(), "20000101T000000.000Z", root.resolve("x.zip")));
        assertEquals("no release 20000101T000000.000Z in " + config.storeDir(), e.getMessage());
    }
}
