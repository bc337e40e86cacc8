package dev.jinaclip.rag.ingest;

import dev.jinaclip.rag.store.Modality;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * .png, .webp, .gif), as far as {@link CorpusRules} admit them. Symbolic links are followed; one that the rules refuse
 * (it leads out of the folder, or to a hidden or excluded file) is logged. Other extensions are skipped.
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
        CorpusRules rules = new CorpusRules(corpusDir, exclude);
        List<CorpusFile> files = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        FileVisitor<Path> visitor = new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                if (dir.equals(corpusDir)) {
                    return FileVisitResult.CONTINUE;
                }
                Path relative = corpusDir.relativize(dir);
                if (!rules.admitsListed(relative)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (!rules.admitsTarget(dir)) {
                    refused.add(source(relative) + "/");
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                Path relative = corpusDir.relativize(file);
                if (!rules.admitsListed(relative)) {
                    return FileVisitResult.CONTINUE;
                }
                if (!rules.admitsTarget(file)) {
                    refused.add(source(relative));
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
        if (!refused.isEmpty()) {
            log.info("Not indexed, as links that lead out of the corpus folder {} or to a hidden or excluded file in"
                    + " it: {}", rules.corpusReal(), String.join(", ", refused));
        }
        files.sort(Comparator.comparing(CorpusFile::source));
        return files;
    }

    private static String source(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
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
}
