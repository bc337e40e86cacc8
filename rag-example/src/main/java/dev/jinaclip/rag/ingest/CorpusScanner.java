package dev.jinaclip.rag.ingest;

import dev.jinaclip.rag.store.Modality;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the files of a corpus folder to index, by extension: texts (.md, .markdown, .txt) and images (.jpg, .jpeg,
 * .png, .webp, .gif). Symbolic links are followed while they stay inside the corpus folder; a link that leads out of
 * it is not indexed (what the index holds is shown and served, so it must lie in the folder the user chose), and is
 * logged. Hidden files and folders, other extensions and the excluded glob patterns are skipped.
 */
final class CorpusScanner {

    private static final Logger log = LoggerFactory.getLogger(CorpusScanner.class);

    private static final Map<String, String> MEDIA_TYPES = Map.of(
            "md", "text/markdown", "markdown", "text/markdown", "txt", "text/plain",
            "jpg", "image/jpeg", "jpeg", "image/jpeg", "png", "image/png", "webp", "image/webp", "gif", "image/gif");

    private CorpusScanner() {
    }

    /**
     * The corpus files, sorted by source path.
     *
     * @param exclude glob patterns matched against the path relative to the corpus folder ({@code LICENSES.md},
     *     {@code drafts/**})
     * @throws CorpusUnavailableException if the folder cannot be listed
     */
    static List<CorpusFile> scan(Path corpusDir, List<String> exclude) {
        List<PathMatcher> excluded = exclude.stream()
                .map(pattern -> FileSystems.getDefault().getPathMatcher("glob:" + pattern))
                .toList();
        List<CorpusFile> files = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        Path corpusReal = realPath(corpusDir);
        FileVisitor<Path> visitor = new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                if (dir.equals(corpusDir)) {
                    return FileVisitResult.CONTINUE;
                }
                if (hidden(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (leadsOutside(dir, corpusReal)) {
                    outside.add(source(corpusDir.relativize(dir)) + "/");
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                Path relative = corpusDir.relativize(file);
                if (hidden(file) || excluded.stream().anyMatch(matcher -> matcher.matches(relative))) {
                    return FileVisitResult.CONTINUE;
                }
                if (attributes.isRegularFile() && leadsOutside(file, corpusReal)) {
                    outside.add(source(relative));
                    return FileVisitResult.CONTINUE;
                }
                // a link whose target is gone is listed too, so that the run reports it as unreadable
                if (attributes.isRegularFile() || attributes.isSymbolicLink()) {
                    classify(file, source(relative)).ifPresent(files::add);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // a folder that cannot be listed, or a link loop
            }
        };
        try {
            Files.walkFileTree(corpusDir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, visitor);
        } catch (IOException e) {
            throw new CorpusUnavailableException("The corpus folder " + corpusDir.toAbsolutePath() + " cannot be"
                    + " listed (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ").", e);
        }
        if (!outside.isEmpty()) {
            log.info("Not indexed, as links that lead out of the corpus folder {}: {}", corpusReal,
                    String.join(", ", outside));
        }
        files.sort(Comparator.comparing(CorpusFile::source));
        return files;
    }

    private static String source(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize(); // listing it fails next, with a clear error
        }
    }

    private static boolean leadsOutside(Path path, Path corpusReal) {
        try {
            return !path.toRealPath().startsWith(corpusReal);
        } catch (IOException e) {
            return false; // gone since it was listed: reported as unreadable when it is read
        }
    }

    /** The corpus file at {@code file}, by its extension; empty for a kind of file that is not indexed. */
    static Optional<CorpusFile> classify(Path file, String source) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String mediaType = dot < 0 ? null : MEDIA_TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (mediaType == null) {
            return Optional.empty();
        }
        Modality modality = mediaType.startsWith("image/") ? Modality.IMAGE : Modality.TEXT;
        return Optional.of(new CorpusFile(file, source, modality, mediaType));
    }

    private static boolean hidden(Path path) {
        return path.getFileName() != null && path.getFileName().toString().startsWith(".");
    }
}
