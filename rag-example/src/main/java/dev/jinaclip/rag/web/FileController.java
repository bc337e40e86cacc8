package dev.jinaclip.rag.web;

import dev.jinaclip.rag.ingest.CorpusIngestor;
import dev.jinaclip.rag.ingest.Thumbnails;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the thumbnails ({@code /thumbnails/<sha256>.jpg}) and the corpus files themselves
 * ({@code /corpus/<path>}, the indexed kinds of file only), only from inside the data and corpus folders.
 */
@RestController
public class FileController {

    /** The extensions the corpus is indexed by; nothing else in the folder is served. */
    private static final Pattern SERVED = Pattern.compile(".*\\.(md|markdown|txt|jpe?g|png|webp|gif)");

    private final Thumbnails thumbnails;
    private final CorpusIngestor ingestor;

    public FileController(Thumbnails thumbnails, CorpusIngestor ingestor) {
        this.thumbnails = thumbnails;
        this.ingestor = ingestor;
    }

    /** A thumbnail; named by content hash, so it never changes and can be cached. */
    @GetMapping("/thumbnails/{name}")
    public ResponseEntity<byte[]> thumbnail(@PathVariable String name) {
        return thumbnails.read(name)
                .map(bytes -> ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG)
                        .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic()).body(bytes))
                .orElse(ResponseEntity.notFound().build());
    }

    /** A file of the corpus folder, as the cards link to it. */
    @GetMapping("/corpus/{*path}")
    public ResponseEntity<Resource> corpusFile(@PathVariable String path) {
        Path root = ingestor.corpusDir().toAbsolutePath().normalize();
        Path file = root.resolve(path.startsWith("/") ? path.substring(1) : path).normalize();
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!file.startsWith(root) || !Files.isRegularFile(file) || name.startsWith(".")
                || !SERVED.matcher(name).matches()) {
            return ResponseEntity.notFound().build();
        }
        Resource resource = new FileSystemResource(file);
        MediaType type = path.endsWith(".md") ? MediaType.parseMediaType("text/markdown;charset=UTF-8")
                : MediaTypeFactory.getMediaType(resource).orElse(MediaType.APPLICATION_OCTET_STREAM);
        if (type.getType().equals("text") && type.getCharset() == null) {
            type = new MediaType(type, java.nio.charset.StandardCharsets.UTF_8);
        }
        return ResponseEntity.ok().contentType(type).body(resource);
    }
}
