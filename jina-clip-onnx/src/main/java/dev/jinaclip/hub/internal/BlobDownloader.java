package dev.jinaclip.hub.internal;

import dev.jinaclip.hub.DownloadProgress;
import dev.jinaclip.hub.ModelDownloadException;
import dev.jinaclip.hub.ModelDownloadException.Failure;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads one blob into {@code blobs/<etag>.incomplete}, resuming from what an earlier attempt left there,
 * verifies it, and renames it to {@code blobs/<etag>} atomically. The caller holds the blob's {@link BlobLock}.
 *
 * <p>An LFS file's etag is its SHA-256: the digest covers the resumed prefix (read back from disk) and every byte
 * received, and a mismatch deletes the partial file. Other files (a git blob SHA-1 etag) get their size checked.
 * A connection that breaks mid-body is resumed with {@code Range: bytes=<length of partial file>-}; a server that
 * answers 200 instead of 206 sends the whole file, so the partial file is emptied and the digest restarted.
 */
public final class BlobDownloader {

    private static final Logger log = LoggerFactory.getLogger(BlobDownloader.class);
    private static final int BUFFER_SIZE = 64 * 1024;
    private static final Pattern CONTENT_RANGE_START = Pattern.compile("^bytes (\\d+)-");

    private final HubClient client;
    private final DownloadProgress progress;
    private final int maxRetries;

    /**
     * @param maxRetries how many times in a row a broken body is resumed without receiving a byte in between
     */
    public BlobDownloader(HubClient client, DownloadProgress progress, int maxRetries) {
        this.client = client;
        this.progress = progress;
        this.maxRetries = maxRetries;
    }

    /**
     * Downloads, verifies and publishes a blob.
     *
     * @throws ModelDownloadException INTEGRITY on a digest or size mismatch (the partial file is deleted);
     *                                NETWORK when the body keeps breaking (the partial file is kept, to resume);
     *                                DISK, INTERRUPTED, or what {@link HubClient#get} throws
     */
    public void download(FileMetadata meta, Target target, Path incomplete, Path blob) {
        try {
            MessageDigest digest = meta.isLfs() ? sha256() : null;
            long size;
            try {
                Files.createDirectories(blob.getParent());
            } catch (IOException e) {
                throw HubErrors.disk("create", blob.getParent(), e);
            }
            try (FileChannel out = FileChannel.open(incomplete, StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                long resumed = resumePoint(out, meta, digest, incomplete);
                warnIfLowOnSpace(blob.getParent(), meta.size() < 0 ? 0 : meta.size() - resumed, target);
                progress.started(target.file(), resumed, meta.size());
                size = transfer(meta, target, out, digest, resumed, incomplete);
                out.force(true);
            } catch (IOException e) {
                throw HubErrors.disk("write", incomplete, e);
            }
            verify(meta, target, size, digest, incomplete);
            try {
                CacheLayout.moveReplacing(incomplete, blob);
            } catch (IOException e) {
                throw HubErrors.disk("move the finished download to", blob, e);
            }
            log.debug("Stored {} as {}", target.describe(), blob);
            progress.finished(target.file(), size);
        } catch (ModelDownloadException e) {
            progress.failed(target.file(), e);
            throw e;
        }
    }

    private long resumePoint(FileChannel out, FileMetadata meta, MessageDigest digest, Path incomplete)
            throws IOException {
        long have = out.size();
        if (have > 0 && meta.size() >= 0 && have > meta.size()) {
            log.warn("{} is larger than the file ({} bytes); starting over", incomplete, meta.size());
            out.truncate(0);
            have = 0;
        }
        if (have > 0) {
            log.debug("Resuming the download of {} at {}", meta.file(), Sizes.megabytes(have));
            if (digest != null) {
                ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);
                for (long position = 0; position < have; ) {
                    buffer.clear();
                    int read = out.read(buffer, position);
                    if (read < 0) {
                        throw new EOFException(incomplete + " shrank while being read");
                    }
                    digest.update(buffer.array(), 0, read);
                    position += read;
                }
            }
        }
        out.position(have);
        return have;
    }

    private long transfer(FileMetadata meta, Target target, FileChannel out, MessageDigest digest, long resumed,
                          Path incomplete) throws IOException {
        long have = resumed;
        long furthest = resumed; // progress means passing this, not refetching bytes after a restart
        int failures = 0;
        while (meta.size() < 0 || have < meta.size()) {
            try (Response response = client.get(meta.downloadUrl(), have, target)) {
                if (response.code() == 416 && have > 0) {
                    log.warn("The server cannot resume {} at byte {} (HTTP 416); starting over", meta.file(), have);
                    have = restart(out, digest, meta, target);
                    continue;
                }
                if (have > 0 && (response.code() != 206 || !startsAt(response.header("Content-Range"), have))) {
                    log.info("The server sent {} from the start instead of resuming it (HTTP {}); discarding the "
                            + "partial download", meta.file(), response.code());
                    have = restart(out, digest, meta, target);
                    if (response.code() == 206) {
                        continue; // a range we did not ask for: ask again, for the whole file
                    }
                } else if (response.code() != 200 && response.code() != 206) {
                    throw HubErrors.invalid(target, response.request().url(), "has HTTP status " + response.code());
                }
                have = copy(response.body().byteStream(), out, digest, have, meta, target, incomplete);
                if (meta.size() < 0 || have >= meta.size()) {
                    return have;
                }
                throw new EOFException("the body ended at byte " + have + " of " + meta.size());
            } catch (IOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw HubErrors.interrupted(target, e);
                }
                have = out.position(); // every byte written so far is also in the digest
                failures = have > furthest ? 1 : failures + 1;
                furthest = Math.max(furthest, have);
                if (failures > maxRetries) {
                    throw new ModelDownloadException(Failure.NETWORK, "Downloading " + target.describe()
                            + " broke off at byte " + have + " of " + meta.size() + " (" + HubErrors.describe(e)
                            + "), " + failures + " times without progress. Run again to resume from there; the "
                            + "partial file is kept at " + incomplete, 0, e);
                }
                log.warn("Downloading {} broke off at {} of {} ({}); resuming", meta.file(),
                        Sizes.megabytes(have), Sizes.megabytes(meta.size()), HubErrors.describe(e));
                client.sleep(client.backoff(failures), target);
            }
        }
        return have;
    }

    private long copy(InputStream in, FileChannel out, MessageDigest digest, long have, FileMetadata meta,
                      Target target, Path incomplete) throws IOException {
        byte[] buffer = new byte[BUFFER_SIZE];
        long done = have;
        int read;
        while ((read = in.read(buffer)) != -1) {
            if (Thread.currentThread().isInterrupted()) {
                throw HubErrors.interrupted(target, new InterruptedException());
            }
            ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, read);
            try {
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
            } catch (IOException e) {
                throw HubErrors.disk("write", incomplete, e);
            }
            if (digest != null) {
                digest.update(buffer, 0, read);
            }
            done += read;
            progress.progressed(meta.file(), done, meta.size());
            if (meta.size() >= 0 && done > meta.size()) {
                break; // more than announced: stop here, verify() rejects it
            }
        }
        return done;
    }

    private long restart(FileChannel out, MessageDigest digest, FileMetadata meta, Target target) throws IOException {
        out.truncate(0);
        out.position(0);
        if (digest != null) {
            digest.reset();
        }
        progress.started(target.file(), 0, meta.size());
        return 0;
    }

    private static void verify(FileMetadata meta, Target target, long size, MessageDigest digest, Path incomplete) {
        if (meta.size() >= 0 && size != meta.size()) {
            CacheLayout.deleteQuietly(incomplete);
            throw new ModelDownloadException(Failure.INTEGRITY, "Size mismatch for " + target.describe()
                    + ": expected " + meta.size() + " bytes, got " + size + ". The download was deleted; run again"
                    + " to download it afresh.", 0, null);
        }
        if (digest != null) {
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equals(meta.etag())) {
                CacheLayout.deleteQuietly(incomplete);
                throw new ModelDownloadException(Failure.INTEGRITY, "SHA-256 mismatch for " + target.describe()
                        + ": expected " + meta.etag() + ", got " + actual + ". The corrupt download was deleted; run"
                        + " again to download it afresh (if this repeats, a proxy may be altering downloads).",
                        0, null);
            }
        }
    }

    private static boolean startsAt(String contentRange, long offset) {
        if (contentRange == null) {
            return false;
        }
        Matcher matcher = CONTENT_RANGE_START.matcher(contentRange.strip());
        return matcher.find() && matcher.group(1).equals(Long.toString(offset));
    }

    private static void warnIfLowOnSpace(Path folder, long needed, Target target) {
        try {
            long usable = Files.getFileStore(folder).getUsableSpace();
            if (usable < needed) {
                log.warn("Not enough free disk space to download {}: {} needed, {} free in {}", target.describe(),
                        Sizes.megabytes(needed), Sizes.megabytes(usable), folder);
            }
        } catch (IOException e) {
            log.debug("Cannot tell the free space in {}", folder, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}
