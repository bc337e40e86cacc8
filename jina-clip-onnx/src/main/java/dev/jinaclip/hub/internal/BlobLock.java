package dev.jinaclip.hub.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exclusive right to download one blob, across the threads of this JVM and across processes, like the
 * {@code FileLock} on {@code .locks/models--org--name/<etag>.lock} that Python's {@code huggingface_hub} takes.
 *
 * <p>Two locks, because an OS file lock belongs to the whole JVM ({@link FileChannel#lock()} throws
 * {@code OverlappingFileLockException} for a second thread): an in-JVM lock per lock file first, then the file
 * lock. Lock files are left in place; deleting them would let two processes lock different files of one name.
 */
public final class BlobLock implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BlobLock.class);
    private static final Map<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();

    private final ReentrantLock threadLock;
    private final FileChannel channel;
    private final FileLock fileLock;

    private BlobLock(ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
        this.threadLock = threadLock;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /**
     * Waits until no other thread or process holds the lock file, then holds it.
     *
     * @param lockFile the lock file, created with its folders if missing
     * @param target   what is downloaded, for messages
     * @throws dev.jinaclip.hub.ModelDownloadException DISK if the lock file cannot be created or locked,
     *                                                 INTERRUPTED if the thread is interrupted while waiting
     */
    public static BlobLock acquire(Path lockFile, Target target) {
        Path key = lockFile.toAbsolutePath().normalize();
        ReentrantLock threadLock = IN_JVM.computeIfAbsent(key, k -> new ReentrantLock());
        try {
            if (!threadLock.tryLock()) {
                log.info("Waiting for another thread downloading {}", target.describe());
                threadLock.lockInterruptibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw HubErrors.interrupted(target, e);
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(key.getParent());
            channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock fileLock = channel.tryLock();
            if (fileLock == null) {
                log.info("Waiting for another process downloading {} (lock {})", target.describe(), key);
                fileLock = channel.lock();
            }
            return new BlobLock(threadLock, channel, fileLock);
        } catch (IOException e) {
            closeQuietly(channel);
            threadLock.unlock();
            if (Thread.currentThread().isInterrupted()) {
                throw HubErrors.interrupted(target, e);
            }
            throw HubErrors.disk("lock", key, e);
        } catch (RuntimeException | Error e) {
            closeQuietly(channel);
            threadLock.unlock();
            throw e;
        }
    }

    /** Releases the file lock, then the in-JVM lock. */
    @Override
    public void close() {
        try {
            fileLock.release();
        } catch (IOException e) {
            log.debug("Releasing a lock failed; closing its file releases it", e);
        } finally {
            closeQuietly(channel);
            threadLock.unlock();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            log.debug("Closing a lock file failed", e);
        }
    }
}
