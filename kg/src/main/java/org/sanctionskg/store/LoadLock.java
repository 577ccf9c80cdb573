package org.sanctionskg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.sanctionskg.UserException;

/** One load at a time per store, across processes; the OS drops the lock if the loader dies. */
final class LoadLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private LoadLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static LoadLock acquire(Path storeRoot) {
        try {
            Files.createDirectories(storeRoot);
            FileChannel channel = FileChannel.open(storeRoot.resolve("load.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new UserException("another load is writing to " + storeRoot + "; wait for it to finish");
            }
            return new LoadLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
