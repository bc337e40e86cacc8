package dev.jinaclip.hub.internal;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a blob appear under its repository path in a snapshot folder, as Python's {@code _create_symlink} does:
 * a relative symbolic link ({@code ../../blobs/<etag>}, one {@code ..} more per sub-folder), which survives moving
 * the cache. Where symbolic links are not allowed (Windows without Developer Mode, some network drives) it falls
 * back to a hard link, which costs no space, and then to a copy.
 *
 * <p>The link or copy is made under a temporary name and renamed into place, so readers never see a half-made
 * file and two threads linking the same file do not collide.
 */
public final class SnapshotLinks {

    private static final Logger log = LoggerFactory.getLogger(SnapshotLinks.class);

    private volatile boolean symlinks;

    /** @param symlinks whether to try symbolic links first; false forces the Windows fallback (for tests) */
    public SnapshotLinks(boolean symlinks) {
        this.symlinks = symlinks;
    }

    /**
     * Points {@code pointer} at {@code blob}, replacing whatever is there (such as a dangling link).
     *
     * @throws dev.jinaclip.hub.ModelDownloadException DISK if neither a link nor a copy can be made
     */
    public void link(Path blob, Path pointer) {
        Path temp = pointer.resolveSibling("." + pointer.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(pointer.getParent());
            create(blob, temp);
            CacheLayout.moveReplacing(temp, pointer);
        } catch (IOException e) {
            throw HubErrors.disk("create", pointer, e);
        } finally {
            CacheLayout.deleteQuietly(temp);
        }
    }

    private void create(Path blob, Path temp) throws IOException {
        if (symlinks) {
            try {
                Files.createSymbolicLink(temp, temp.getParent().relativize(blob));
                return;
            } catch (UnsupportedOperationException | FileSystemException e) {
                symlinks = false;
                log.warn("Symbolic links are not available in {} ({}); the Hugging Face cache will hold hard links"
                        + " or copies instead. On Windows, enable Developer Mode to allow them.",
                        temp.getParent(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        }
        try {
            Files.createLink(temp, blob);
        } catch (UnsupportedOperationException | FileSystemException e) {
            log.debug("Hard link to {} failed ({}); copying", blob, e.getMessage());
            Files.copy(blob, temp, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
