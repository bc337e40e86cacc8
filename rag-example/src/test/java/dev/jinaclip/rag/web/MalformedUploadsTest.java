package dev.jinaclip.rag.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinaclip.rag.AppTest;
import dev.jinaclip.rag.TestCorpus;
import java.awt.Color;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Image searches whose multipart body is malformed, sent as raw bytes to the running server (MockMvc would build
 * a well-formed request whatever the test asks): each gets HTTP 400 with a problem body that says what is wrong
 * in the user's terms, never the servlet container's or Spring's exception names.
 */
class MalformedUploadsTest extends AppTest {

    private static final String BOUNDARY = "----test-boundary-7MA4YWxk";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void should_answer_400_to_a_multipart_request_without_a_boundary() throws Exception {
        JsonNode problem = badRequest("multipart/form-data", part("name=\"image\"; filename=\"red.png\"") + "--"
                + BOUNDARY + "--\r\n");

        assertThat(problem.path("detail").asString()).contains("multipart/form-data").contains("boundary");
    }

    @Test
    void should_answer_400_to_a_multipart_body_without_its_closing_boundary() throws Exception {
        JsonNode problem = badRequest(multipart(), part("name=\"image\"; filename=\"red.png\""));

        assertThat(problem.path("detail").asString()).contains("multipart/form-data");
    }

    @Test
    void should_answer_400_to_a_part_with_a_malformed_content_disposition() throws Exception {
        JsonNode problem = badRequest(multipart(), part("name=\"image\"; filename=\"red.png\"; size") + "--"
                + BOUNDARY + "--\r\n");

        assertThat(problem.path("detail").asString()).contains("malformed Content-Disposition");
    }

    @Test
    void should_answer_400_to_a_part_without_a_name() throws Exception {
        // the servlet container skips a part without a name, so the image is missing
        JsonNode problem = badRequest(multipart(), part("filename=\"red.png\"") + "--" + BOUNDARY + "--\r\n");

        assertThat(problem.path("detail").asString()).startsWith("No image:");
    }

    @Test
    void should_answer_400_to_more_parts_than_the_server_accepts() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 60; i++) { // Tomcat's default limit is 50
            body.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"p").append(i)
                    .append("\"\r\n\r\nv\r\n");
        }
        JsonNode problem = badRequest(multipart(), body + "--" + BOUNDARY + "--\r\n");

        assertThat(problem.path("detail").asString()).contains("more parts or longer part headers")
                .contains("at most 50 parts").doesNotContain("larger than the limit");
    }

    @Test
    void should_give_both_sizes_when_an_upload_is_over_the_servlet_limit() throws Exception {
        // the tests' servlet limit is 256KB (AppTest), above rag.upload-max-size (64KB)
        byte[] large = new byte[300 * 1024];
        JsonNode problem = badRequest(multipart(), withImage(large));

        assertThat(problem.path("detail").asString())
                .contains("larger than the limit")
                .containsPattern("\\b30\\d\\.\\d KB") // the request: 300 KB of image and the part's headers
                .contains("256.0 KB")
                .contains("64.0 KB (rag.upload-max-size)");
    }

    @Test
    void should_give_both_sizes_when_an_upload_is_over_the_search_limit() throws Exception {
        byte[] large = new byte[100 * 1024];
        System.arraycopy(TestCorpus.png(Color.RED), 0, large, 0, 8);

        JsonNode problem = badRequest(multipart(), withImage(large));

        assertThat(problem.path("detail").asString()).contains("The upload is 100.0 KB, larger than the limit of"
                + " 64.0 KB (rag.upload-max-size)");
    }

    @Test
    void should_give_the_allowed_range_and_the_value_of_a_k_out_of_range() throws Exception {
        JsonNode problem = badRequest(multipart(), "--" + BOUNDARY + "\r\nContent-Disposition: form-data;"
                + " name=\"k\"\r\n\r\n51\r\n" + withImage(TestCorpus.png(Color.RED)));

        assertThat(problem.path("detail").asString()).isEqualTo("k must be between 1 and 50, not 51.");
    }

    private String multipart() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }

    /** The opening of a part with these Content-Disposition parameters and a small PNG, without a closing line. */
    private static String part(String disposition) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; " + disposition
                + "\r\nContent-Type: image/png\r\n\r\n" + latin1(TestCorpus.png(Color.RED)) + "\r\n";
    }

    private static String withImage(byte[] image) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"big.png\""
                + "\r\nContent-Type: image/png\r\n\r\n" + latin1(image) + "\r\n--" + BOUNDARY + "--\r\n";
    }

    /** Bytes as a string of the same length, so that a body can be assembled as text and sent byte for byte. */
    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** Posts the body to the image search and checks the answer is a 400 problem body without internals. */
    private JsonNode badRequest(String contentType, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/search/image"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.ISO_8859_1))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        // no class or package of the servlet container or Spring; property names (server.tomcat.*) are fine
        assertThat(response.body()).doesNotContainPattern("(?i:exception|org\\.apache|springframework|fileupload)"
                + "|Tomcat|\\bat [a-z]+\\.[a-z]");
        JsonNode problem = JsonMapper.builder().build().readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("title").asString()).isEqualTo("Bad Request");
        return problem;
    }
}
