package dev.jinaclip.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/openapi.json}: the endpoint's OpenAPI 3.1 document, committed beside this class and checked
 * against the server by its tests. It needs no key, as health does not: it says what any 422 would say, and
 * tools and clients read it before they have a key.
 */
@RestController
class OpenApiController {

    /** Where the document is served. */
    static final String PATH = "/v1/openapi.json";

    private final byte[] document;

    OpenApiController() {
        this.document = read();
    }

    @GetMapping(PATH)
    ResponseEntity<byte[]> document() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(document);
    }

    /** The committed document, from the classpath. */
    static byte[] read() {
        try (InputStream in = OpenApiController.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing beside " + OpenApiController.class);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("openapi.json did not read", e);
        }
    }
}
