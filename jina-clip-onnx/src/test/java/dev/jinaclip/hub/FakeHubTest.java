package dev.jinaclip.hub;

import static dev.jinaclip.testing.FakeHub.TEXT_MODEL;
import static dev.jinaclip.testing.FakeHub.TOKENIZER;

import dev.jinaclip.testing.FakeHub;
import java.nio.file.Path;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fake Hub on a local server and an empty cache folder, for each test. */
abstract class FakeHubTest {

    /** What most tests download: a tokenizer and one model file. */
    static final List<String> FILES = List.of(TOKENIZER, TEXT_MODEL);

    @StartStop
    final MockWebServer server = new MockWebServer();
    @TempDir
    Path cache;
    FakeHub fake;

    @BeforeEach
    void serveFakeHub() {
        fake = new FakeHub(server.url("/"));
        server.setDispatcher(fake);
    }
}
