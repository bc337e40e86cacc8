package dev.jinaclip.rag.ingest;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * Which files of the corpus folder the index may hold, and so show and serve: not hidden (no part of the path
 * starts with a dot), not matched by {@code rag.exclude}, and inside the corpus folder. A symbolic link is judged
 * twice, by the path it is listed under and by where it leads, so a link can neither take a file from outside the
 * folder nor expose a hidden or excluded one under another name.
 */
final class CorpusRules {

    private final Path corpusReal;
    private final List<PathMatcher> excluded;

    /**
     * @param exclude glob patterns matched against the path relative to the corpus folder ({@code LICENSES.md},
     *     {@code drafts/**})
     */
    CorpusRules(Path corpusDir, List<String> exclude) {
        this.corpusReal = realPath(corpusDir);
        this.excluded = exclude.stream()
                .map(pattern -> FileSystems.getDefault().getPathMatcher("glob:" + pattern))
                .toList();
    }

    /** The corpus folder's real path. */
    Path corpusReal() {
        return corpusReal;
    }

    /** Whether a path relative to the corpus folder, as listed, is neither hidden nor excluded. */
    boolean admitsListed(Path relative) {
        return !hidden(relative) && excluded.stream().noneMatch(matcher -> matcher.matches(relative));
    }

    /**
     * Whether what a path leads to (its real path) lies inside the corpus folder and is neither hidden nor excluded
     * there; {@code true} for a path that no longer resolves, which is reported as unreadable when it is read.
     */
    boolean admitsTarget(Path path) {
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            return true;
        }
        return real.startsWith(corpusReal) && admitsListed(corpusReal.relativize(real));
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize(); // listing it fails next, with a clear error
        }
    }
}
