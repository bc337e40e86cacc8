package dev.jinaclip.hub.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** Checks what callers name before it becomes part of a URL or a path in the cache. */
public final class Arguments {

    // huggingface_hub's validate_repo_id: an optional namespace, then a name of at most 96 characters
    private static final Pattern REPO_ID = Pattern.compile("^([A-Za-z0-9_.\\-]+/)?[A-Za-z0-9_.\\-]{1,96}$");

    private Arguments() {
    }

    /**
     * @throws IllegalArgumentException unless the id is {@code name} or {@code namespace/name}
     */
    public static String repoId(String repoId) {
        if (repoId == null || !REPO_ID.matcher(repoId).matches() || repoId.contains("--")
                || repoId.contains("..") || repoId.endsWith(".git")) {
            throw new IllegalArgumentException("repoId must look like 'namespace/name' (letters, digits, '-', '_', "
                    + "'.'; no '--' or '..'), was " + repoId);
        }
        return repoId;
    }

    /**
     * @throws IllegalArgumentException if the revision is blank or has empty, {@code .} or {@code ..} segments
     */
    public static String revision(String revision) {
        if (revision.isBlank() || revision.contains("\\") || hasBadSegment(revision)) {
            throw new IllegalArgumentException("revision must be a branch, tag or commit hash, was '" + revision + "'");
        }
        return revision;
    }

    /**
     * The files without duplicates, in order.
     *
     * @throws IllegalArgumentException if there are none, or one is not a plain relative path
     */
    public static List<String> files(List<String> files) {
        Objects.requireNonNull(files, "files");
        if (files.isEmpty()) {
            throw new IllegalArgumentException("files must name at least one file");
        }
        List<String> unique = new ArrayList<>(new LinkedHashSet<>(files));
        for (String file : unique) {
            if (file == null || file.isBlank() || file.contains("\\") || hasBadSegment(file)) {
                throw new IllegalArgumentException("files must be relative paths in the repository, such as "
                        + "onnx/text_model.onnx; was '" + file + "'");
            }
        }
        return List.copyOf(unique);
    }

    private static boolean hasBadSegment(String path) {
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return true;
            }
        }
        return false;
    }
}
