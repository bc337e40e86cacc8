package dev.jinaclip.hub.internal;

import dev.jinaclip.hub.ModelDownloadException;
import dev.jinaclip.hub.ModelDownloadException.Failure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves a revision of a repository to a complete local snapshot folder, downloading what is missing, with
 * the network rules of Python's {@code hf_hub_download}:
 *
 * <ul>
 *   <li>A commit hash whose files are all cached: no request at all.</li>
 *   <li>A branch or tag: one {@code HEAD} (of the first file) learns the commit it points to now, which is saved
 *       in {@code refs/<revision>}; if that commit's files are cached, nothing else is sent. Missing files are
 *       then fetched pinned to that commit, so that all files come from the same one.</li>
 *   <li>If that {@code HEAD} fails for any reason but "not found" and the cache holds every file of the commit
 *       last recorded for the revision, that snapshot is used, with a warning. Then the {@code HEAD} is tried
 *       only once, so that a missing network costs one connection attempt.</li>
 *   <li>Offline: no request; the revision must be a cached commit hash or a recorded ref.</li>
 * </ul>
 */
public final class SnapshotResolver {

    private static final Logger log = LoggerFactory.getLogger(SnapshotResolver.class);

    private final Path cacheDir;
    private final boolean offline;
    private final HubClient client;
    private final BlobDownloader downloader;
    private final SnapshotLinks links;

    public SnapshotResolver(Path cacheDir, boolean offline, HubClient client, BlobDownloader downloader,
                            SnapshotLinks links) {
        this.cacheDir = cacheDir;
        this.offline = offline;
        this.client = client;
        this.downloader = downloader;
        this.links = links;
    }

    /**
     * The snapshot folder of a revision, holding every one of {@code files}.
     *
     * @param files validated repository paths, at least one, without duplicates
     */
    public Path snapshot(String repoId, String revision, List<String> files) {
        CacheLayout layout = new CacheLayout(cacheDir, repoId);
        if (offline) {
            return fromCache(layout, repoId, revision, files);
        }
        FileMetadata first = null;
        String commit;
        if (CacheLayout.isCommitHash(revision)) {
            commit = revision;
            if (layout.missing(commit, files).isEmpty()) {
                log.debug("{} at {} is cached in {}", repoId, commit, layout.snapshotDir(commit));
                return layout.snapshotDir(commit);
            }
        } else {
            Optional<String> cached = layout.readRef(revision).filter(c -> layout.missing(c, files).isEmpty());
            Target target = new Target(repoId, revision, files.get(0));
            try {
                first = client.head(target, cached.isEmpty());
            } catch (ModelDownloadException e) {
                if (cached.isEmpty() || !canFallBack(e)) {
                    throw e;
                }
                log.warn("Cannot check for a newer revision '{}' of {} ({}); using the cached snapshot {}",
                        revision, repoId, e.getMessage(), layout.snapshotDir(cached.get()));
                return layout.snapshotDir(cached.get());
            }
            commit = first.commit();
            layout.writeRef(revision, commit);
            if (first.downloadUrl().equals(client.resolveUrl(target))) {
                // served directly, not from the CDN: fetch it pinned too, in case the branch moves meanwhile
                first = new FileMetadata(first.file(), commit, first.etag(), first.size(),
                        client.resolveUrl(new Target(repoId, commit, first.file())));
            }
        }
        for (String file : files) {
            fetch(layout, new Target(repoId, commit, file), file.equals(files.get(0)) ? first : null);
        }
        return layout.snapshotDir(commit);
    }

    @SuppressWarnings("try") // the lock is held for the block's duration, not used in it
    private void fetch(CacheLayout layout, Target target, FileMetadata known) {
        Path pointer = layout.pointer(target.revision(), target.file());
        if (Files.isRegularFile(pointer)) {
            return;
        }
        FileMetadata meta = known != null ? known : client.head(target, true);
        Path blob = layout.blob(meta.etag());
        if (!isComplete(blob, meta)) {
            try (BlobLock lock = BlobLock.acquire(layout.lockFile(meta.etag()), target)) {
                if (isComplete(blob, meta)) {
                    log.debug("{} was downloaded by another thread or process meanwhile", target.describe());
                } else {
                    if (Files.exists(blob)) {
                        log.warn("{} does not have the expected size {}; downloading it again", blob, meta.size());
                    }
                    downloader.download(meta, target, layout.incomplete(meta.etag()), blob);
                }
            }
        }
        links.link(blob, pointer);
    }

    private Path fromCache(CacheLayout layout, String repoId, String revision, List<String> files) {
        String offline = "Offline mode is on (HF_HUB_OFFLINE or offline(true))";
        String fix = " To download them, run once with network access (unset HF_HUB_OFFLINE), or fetch them into"
                + " the same cache with Python: huggingface-cli download " + repoId + " " + String.join(" ", files)
                + " --revision " + revision + "; or load the model from a local folder.";
        String commit = CacheLayout.isCommitHash(revision) ? revision : layout.readRef(revision).orElse(null);
        if (commit == null) {
            throw new ModelDownloadException(Failure.NOT_CACHED, offline + ", and revision '" + revision + "' of "
                    + repoId + " was never downloaded into the cache " + layout.repoDir() + " (it has no refs/"
                    + revision + ")." + fix, 0, null);
        }
        List<String> missing = layout.missing(commit, files);
        if (!missing.isEmpty()) {
            throw new ModelDownloadException(Failure.NOT_CACHED, offline + ", and the cache lacks "
                    + String.join(", ", missing) + " of " + repoId + " at revision '" + revision + "'"
                    + (commit.equals(revision) ? "" : " (commit " + commit + ")") + " in "
                    + layout.snapshotDir(commit) + "." + fix, 0, null);
        }
        log.debug("Offline: using {}", layout.snapshotDir(commit));
        return layout.snapshotDir(commit);
    }

    // huggingface_hub falls back to the cache on any failed HEAD except a missing revision or file
    private static boolean canFallBack(ModelDownloadException e) {
        return switch (e.failure()) {
            case NETWORK, HTTP_ERROR, UNAUTHORIZED, INVALID_RESPONSE -> true;
            default -> false;
        };
    }

    private static boolean isComplete(Path blob, FileMetadata meta) {
        try {
            return Files.isRegularFile(blob) && (meta.size() < 0 || Files.size(blob) == meta.size());
        } catch (IOException e) {
            return false;
        }
    }
}
