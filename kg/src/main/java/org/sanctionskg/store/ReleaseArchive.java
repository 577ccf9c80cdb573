package org.sanctionskg.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.sanctionskg.UserException;
import org.sanctionskg.store.BuildVerifier.Verdict;

/**
 * A release as one file: its build folder zipped (the JDK's zip, so no new dependency) under a folder named by its id,
 * with a {@code sha256sum}-style {@code FILE.sha256} beside it. Installing checks both that and the build's own
 * checksums before the build enters the store, then switches {@code CURRENT} to it in one atomic step.
 */
public final class ReleaseArchive {

    private ReleaseArchive() {}

    /** The checksum file written beside an archive. */
    public static Path checksumFile(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".sha256");
    }

    /** Writes build {@code id} of the store at {@code root} to {@code out}; returns the archive's SHA-256 in hex. */
    public static String pack(Path root, String id, Path out) {
        Build build = new Build(new StoreLayout(root).builds().resolve(id));
        if (!Store.isBuildId(id) || !Files.isDirectory(build.dir())) throw new UserException("no release " + id + " in " + root);
        if (!Files.isDirectory(build.database())) throw new UserException("release " + id + " has no database any more (pruned): nothing to serve elsewhere");
        Verdict verdict = BuildVerifier.verify(build, true);
        if (!verdict.intact()) throw new UserException(verdict.sentence() + "; only an intact, checksummed build can be packed");
        List<String> files = new ArrayList<>(Checksums.files(build.dir()));
        files.add(Checksums.FILE);
        MessageDigest sha = sha256();
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        try (ZipOutputStream zip = new ZipOutputStream(new DigestOutputStream(Files.newOutputStream(tmp), sha))) {
            zip.setLevel(Deflater.BEST_SPEED); // most of a build is sparse index files: fast deflate already shrinks them
            for (String f : files) {
                zip.putNextEntry(new ZipEntry(id + "/" + f));
                Files.copy(build.dir().resolve(f), zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UserException("could not write " + out + " (" + e.getMessage() + ")");
        }
        String hex = HexFormat.of().formatHex(sha.digest());
        try {
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(checksumFile(out), hex + "  " + out.getFileName() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserException("could not write " + out + " (" + e.getMessage() + ")");
        }
        return hex;
    }

    /**
     * Installs the release in {@code archive} into the store at {@code root} and makes it live; returns its id. The
     * archive's checksum file, when beside it, must match; the unpacked build must verify; an id already in the
     * store is made live again only if that build is intact.
     */
    public static String install(Path archive, Path root) {
        if (!Files.isRegularFile(archive)) throw new UserException("no file " + archive);
        checkSidecar(archive);
        StoreLayout layout = new StoreLayout(root);
        try (LoadLock lock = LoadLock.acquire(root)) {
            Path staging = root.resolve("install.tmp");
            if (Files.exists(staging)) StoreLayout.deleteTree(staging);
            try {
                String id = unpack(archive, staging);
                Build target = new Build(layout.builds().resolve(id));
                if (Files.isDirectory(target.dir())) {
                    Verdict there = BuildVerifier.verify(target, true);
                    if (!there.intact()) throw new UserException(there.sentence() + " in " + root + "; delete its folder and install again");
                } else {
                    Files.createDirectories(layout.builds());
                    Files.move(staging.resolve(id), target.dir(), StandardCopyOption.ATOMIC_MOVE); // not live until CURRENT names it
                    Verdict verdict = BuildVerifier.verify(target, true); // here, so a server of this process need not hash it again
                    if (!verdict.intact()) {
                        StoreLayout.deleteTree(target.dir());
                        throw new UserException(archive + ": " + verdict.summary() + "; the release was not installed");
                    }
                    StoreLayout.force(layout.builds());
                }
                layout.publish(target);
                return id;
            } catch (IOException e) {
                throw new UserException("could not install into " + root + " (" + e.getMessage() + ")");
            } finally {
                if (Files.exists(staging)) StoreLayout.deleteTree(staging);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
    }

    private static void checkSidecar(Path archive) {
        Path sidecar = checksumFile(archive);
        if (!Files.isRegularFile(sidecar)) return; // the build's own checksums still cover every file
        try {
            String expected = Files.readString(sidecar, StandardCharsets.UTF_8).strip().split("\\s+")[0];
            if (!expected.equalsIgnoreCase(Checksums.sha256(archive)))
                throw new UserException(archive + " does not match " + sidecar.getFileName() + " (damaged in transfer?); nothing was installed");
        } catch (IOException e) {
            throw new UserException("could not read " + archive + " (" + e.getMessage() + ")");
        }
    }

    /** Unpacks into {@code staging}; every entry must lie under one folder named by a release id. */
    private static String unpack(Path archive, Path staging) {
        String id = null;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                String name = e.getName();
                int slash = name.indexOf('/');
                String top = slash < 0 ? name : name.substring(0, slash);
                if (id == null) id = top;
                Path file = staging.resolve(name).normalize();
                if (!Store.isBuildId(top) || !top.equals(id) || !file.startsWith(staging.resolve(id)) || e.isDirectory())
                    throw new UserException(archive + " is not a release archive (entry " + name + ")");
                Files.createDirectories(file.getParent());
                copy(zip, file);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new UserException(archive + " is not a readable release archive (" + e.getMessage() + ")");
        }
        if (id == null) throw new UserException(archive + " is empty");
        return id;
    }

    private static void copy(InputStream in, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            in.transferTo(out);
        }
    }
}
