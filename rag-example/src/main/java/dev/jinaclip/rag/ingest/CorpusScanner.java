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

/**
 * Finds the files of a corpus folder to index, by extension: texts (.md, .markdown, .txt) and images (.jpg, .jpeg,
 * .png, .webp, .gif). Symbolic links are followed. Hidden files and folders, other extensions and the excluded glob
 * patterns are skipped.
 */
final class CorpusScanner {

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
        FileVisitor<Path> visitor = new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                return !dir.equals(corpusDir) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                Path relative = corpusDir.relativize(file);
                // a link whose target is gone is listed too, so that the run reports it as unreadable
                if ((attributes.isRegularFile() || attributes.isSymbolicLink()) && !hidden(file)
                        && excluded.stream().noneMatch(matcher -> matcher.matches(relative))) {
                    classify(file, relative.toString().replace(relative.getFileSystem().getSeparator(), "/"))
                            .ifPresent(files::add);
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
        files.sort(Comparator.comparing(CorpusFile::source));
        return files;
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
