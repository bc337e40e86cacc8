package dev.jinaclip.rag.web;

import dev.jinaclip.rag.ingest.CorpusFile;
import dev.jinaclip.rag.ingest.CorpusIngestor;
import dev.jinaclip.rag.ingest.Thumbnails;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the thumbnails ({@code /thumbnails/<sha256>.jpg}) and the corpus files themselves ({@code /corpus/<path>})
 * that the index holds, and nothing else: not a file excluded from indexing, hidden, created since the last run,
 * or reached through a link that leads out of the corpus folder. Anything else is HTTP 404 with a problem body,
 * the same whatever the reason, so that the answer does not tell which files exist.
 */
@RestController
public class FileController {

    private final Thumbnails thumbnails;
    private final CorpusIngestor ingestor;

    public FileController(Thumbnails thumbnails, CorpusIngestor ingestor) {
        this.thumbnails = thumbnails;
        this.ingestor = ingestor;
    }

    /** A thumbnail of an indexed image; named by content hash, so it never changes and can be cached. */
    @GetMapping("/thumbnails/{name}")
    public ResponseEntity<byte[]> thumbnail(@PathVariable String name) {
        if (!ingestor.holdsThumbnail(name)) {
            throw notFound("/thumbnails/" + name); // left over, or of an image that is no longer indexed
        }
        byte[] bytes = thumbnails.read(name).orElseThrow(() -> notFound("/thumbnails/" + name));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG)
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic()).body(bytes);
    }

    /** A file of the corpus folder, as the cards link to it. */
    @GetMapping("/corpus/{*path}")
    public ResponseEntity<Resource> corpusFile(@PathVariable String path) {
        String source = path.startsWith("/") ? path.substring(1) : path;
        CorpusFile file = ingestor.indexedFile(source).orElseThrow(() -> notFound("/corpus/" + source));
        MediaType type = MediaType.parseMediaType(file.mediaType());
        if (type.getType().equals("text")) {
            type = new MediaType(type, StandardCharsets.UTF_8); // texts are indexed only if they are UTF-8
        }
        return ResponseEntity.ok().contentType(type).body(new FileSystemResource(file.path()));
    }

    private static ErrorResponseException notFound(String path) {
        return new ErrorResponseException(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "The index holds no file " + path + ": only the indexed files of the corpus folder are served."),
                null);
    }
}
