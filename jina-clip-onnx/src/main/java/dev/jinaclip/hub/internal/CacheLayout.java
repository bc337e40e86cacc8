package dev.jinaclip.hub.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where one model repository lives in a Hugging Face cache, laid out exactly as Python's {@code huggingface_hub}
 * lays it out, so that either side reuses what the other downloaded:
 *
 * <pre>
 * &lt;cache&gt;/models--jinaai--jina-clip-v1/
 *     blobs/&lt;etag&gt;                       the bytes: sha256 for LFS files, git blob sha1 otherwise
 *     refs/main                          the commit hash that "main" pointed to, no newline
 *     snapshots/&lt;commit&gt;/onnx/text_model.onnx -&gt; ../../../blobs/&lt;etag&gt;
 * &lt;cache&gt;/.locks/models--jinaai--jina-clip-v1/&lt;etag&gt;.lock
 * </pre>
 */
public final class CacheLayout {

    private static final Pattern COMMIT_HASH = Pattern.compile("^[0-9a-f]{40}$");

    private final Path cacheDir;
    private final String folderName;
    private final Path repoDir;

    /**
     * @param cacheDir the hub cache ({@code HF_HUB_CACHE}); made absolute
     * @param repoId   a model repository id such as {@code jinaai/jina-clip-v1}, already validated
     */
    public CacheLayout(Path cacheDir, String repoId) {
        this.cacheDir = cacheDir.toAbsolutePath().normalize();
        this.folderName = repoFolderName(repoId);
        this.repoDir = this.cacheDir.resolve(folderName);
    }

    /** {@code models--org--name}: "models", then the id's parts, joined with "--" (which no repo id contains). */
    public static String repoFolderName(String repoId) {
        return "models--" + repoId.replace("/", "--");
    }

    /** Whether a revision is a full commit hash (40 lowercase hex digits), as Python's {@code REGEX_COMMIT_HASH}. */
    public static boolean isCommitHash(String revision) {
        return COMMIT_HASH.matcher(revision).matches();
    }

    /** The repository's folder in the cache. */
    public Path repoDir() {
        return repoDir;
    }

    /** The folder holding the files of one commit. */
    public Path snapshotDir(String commit) {
        return repoDir.resolve("snapshots").resolve(commit);
    }

    /** Where a repository file of a commit appears: a link to its blob, or a copy. */
    public Path pointer(String commit, String file) {
        Path snapshot = snapshotDir(commit);
        Path pointer = snapshot.resolve(file).normalize();
        if (!pointer.startsWith(snapshot) || pointer.equals(snapshot)) {
            throw new IllegalArgumentException("file must stay inside the snapshot folder, was " + file);
        }
        return pointer;
    }

    /** The content-addressed file of an etag. */
    public Path blob(String etag) {
        return repoDir.resolve("blobs").resolve(etag);
    }

    /** Where a blob is written while it downloads; a later download resumes from it. */
    public Path incomplete(String etag) {
        return repoDir.resolve("blobs").resolve(etag + ".incomplete");
    }

    /** The lock file that serialises downloads of one blob across threads and processes. */
    public Path lockFile(String etag) {
        return cacheDir.resolve(".locks").resolve(folderName).resolve(etag + ".lock");
    }

    /** The commit a branch or tag pointed to when it was last resolved here, if it was. */
    public Optional<String> readRef(String revision) {
        Path ref = refFile(revision);
        try {
            if (!Files.isRegularFile(ref)) {
                return Optional.empty();
            }
            String commit = Files.readString(ref, StandardCharsets.UTF_8).strip();
            return commit.isEmpty() ? Optional.empty() : Optional.of(commit);
        } catch (IOException e) {
            throw HubErrors.disk("read", ref, e);
        }
    }

    /**
     * Records the commit a branch or tag points to, as {@code refs/<revision>} (nested for names such as
     * {@code refs/pr/1}); does nothing for a commit hash or an unchanged ref. The file is replaced atomically.
     */
    public void writeRef(String revision, String commit) {
        if (revision.equals(commit) || readRef(revision).filter(commit::equals).isPresent()) {
            return;
        }
        Path ref = refFile(revision);
        Path temp = ref.resolveSibling("." + ref.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(ref.getParent());
            Files.writeString(temp, commit, StandardCharsets.UTF_8);
            moveReplacing(temp, ref);
        } catch (IOException e) {
            throw HubErrors.disk("write", ref, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** The files whose pointer is missing (or dangling) in the snapshot of a commit. */
    public List<String> missing(String commit, Collection<String> files) {
        List<String> missing = new ArrayList<>();
        for (String file : files) {
            if (!Files.isRegularFile(pointer(commit, file))) {
                missing.add(file);
            }
        }
        return missing;
    }

    /** Renames atomically where the file system can, replacing the target. */
    static void moveReplacing(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a leftover temporary file is harmless; the next attempt uses a new name
        }
    }

    private Path refFile(String revision) {
        Path refs = repoDir.resolve("refs");
        Path ref = refs.resolve(revision).normalize();
        if (!ref.startsWith(refs) || ref.equals(refs)) {
            throw new IllegalArgumentException("revision must not leave the refs folder, was " + revision);
        }
        return ref;
    }
}
