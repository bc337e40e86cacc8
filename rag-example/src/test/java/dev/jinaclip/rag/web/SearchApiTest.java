package dev.jinaclip.rag.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.jinaclip.rag.AppTest;
import dev.jinaclip.rag.TestCorpus;
import java.awt.Color;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The JSON API: results, status, ingestion, files, and HTTP 400 problem bodies for bad input. */
class SearchApiTest extends AppTest {

    @Autowired
    MockMvc mvc;

    @Test
    void should_return_one_ranked_list_with_source_modality_and_scores() throws Exception {
        mvc.perform(get("/api/search").param("q", "a red apple").param("k", "3"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("text"))
                .andExpect(jsonPath("$.k").value(3))
                .andExpect(jsonPath("$.generation").value("off"))
                .andExpect(jsonPath("$.indexing.state").value("ready"))
                .andExpect(jsonPath("$.results.length()").value(3))
                .andExpect(jsonPath("$.results[0].source").value("images/red.png"))
                .andExpect(jsonPath("$.results[0].modality").value("image"))
                .andExpect(jsonPath("$.results[0].mediaType").value("image/png"))
                .andExpect(jsonPath("$.results[0].cosine", greaterThan(0.9), Double.class))
                .andExpect(jsonPath("$.results[0].fusedScore", greaterThan(0.0), Double.class))
                .andExpect(jsonPath("$.results[0].thumbnailUrl", matchesPattern("/thumbnails/[0-9a-f]{64}\\.jpg")))
                .andExpect(jsonPath("$.results[0].sourceUrl").value("/corpus/images/red.png"))
                .andExpect(jsonPath("$.results[1].source").value("texts/red.md"))
                .andExpect(jsonPath("$.results[1].passage").value(0))
                .andExpect(jsonPath("$.results[1].text", containsString(TestCorpus.RED_TEXT)));
    }

    @Test
    void should_search_by_an_uploaded_image() throws Exception {
        mvc.perform(multipart("/api/search/image").file(image("green.png", TestCorpus.png(Color.GREEN))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("image"))
                .andExpect(jsonPath("$.results[0].source").value("images/green.png"));
    }

    @Test
    void should_reject_an_empty_or_missing_query_with_a_problem_body() throws Exception {
        badRequest(mvc.perform(get("/api/search").param("q", "   ")), "The query is empty");
        badRequest(mvc.perform(get("/api/search")), "The query is empty");
    }

    @Test
    void should_reject_a_k_out_of_range_or_not_a_number() throws Exception {
        badRequest(mvc.perform(get("/api/search").param("q", "red").param("k", "0")), "k must be between 1 and 50");
        badRequest(mvc.perform(get("/api/search").param("q", "red").param("k", "many")),
                "The parameter k must be a whole number, not 'many'");
    }

    @Test
    void should_reject_an_upload_that_is_not_an_image() throws Exception {
        badRequest(mvc.perform(multipart("/api/search/image")
                .file(new MockMultipartFile("image", "notes.png", "image/png", "just text".getBytes()))),
                "The upload is not an image");
    }

    @Test
    void should_reject_an_upload_larger_than_the_limit() throws Exception {
        byte[] large = new byte[100 * 1024]; // the tests' rag.upload-max-size is 64KB
        System.arraycopy(TestCorpus.png(Color.RED), 0, large, 0, 8);
        badRequest(mvc.perform(multipart("/api/search/image").file(image("huge.png", large))),
                "larger than the limit of 64.0 KB (rag.upload-max-size)");
    }

    @Test
    void should_reject_an_image_that_does_not_decode() throws Exception {
        byte[] broken = new byte[64];
        System.arraycopy(TestCorpus.png(Color.RED), 0, broken, 0, 8); // a PNG signature, then nothing valid
        badRequest(mvc.perform(multipart("/api/search/image").file(image("broken.png", broken))),
                "could not be read as an image");
    }

    @Test
    void should_reject_a_request_without_an_image_part() throws Exception {
        badRequest(mvc.perform(multipart("/api/search/image").param("k", "3")), "No image");
    }

    @Test
    void should_report_the_index_and_that_generation_is_off() throws Exception {
        mvc.perform(get("/api/status"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.backend").value("onnx"))
                .andExpect(jsonPath("$.dimension").value(768))
                .andExpect(jsonPath("$.store").value("in-memory"))
                .andExpect(jsonPath("$.indexing.state").value("ready"))
                .andExpect(jsonPath("$.indexing.filesDone").value(8))
                .andExpect(jsonPath("$.generation").value("off"))
                .andExpect(jsonPath("$.index.passages").value(4))
                .andExpect(jsonPath("$.index.images").value(4))
                // four images under 224×224: a tile each; the passages by the fixture's BERT tokenizer, [CLS] and
                // [SEP] included: "# apples red apples and red roses in the garden ." 13, "the blue sea under the
                // blue sky ." 10, "cats sleep most of the day and pu ##rr when they are content ." 16, "the
                // weather report for tomorrow promises a calm day ." 12
                .andExpect(jsonPath("$.index.hostedCost.imageTokens").value(4 * 1000))
                .andExpect(jsonPath("$.index.hostedCost.textTokens").value(13 + 10 + 16 + 12))
                .andExpect(jsonPath("$.index.hostedCost.tokens").value(4051))
                .andExpect(jsonPath("$.index.hostedCost.exactText").value(true));
    }

    @Test
    void should_skip_every_unchanged_file_when_ingesting_again() throws Exception {
        mvc.perform(post("/api/ingest"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.files").value(8))
                .andExpect(jsonPath("$.unchanged").value(8))
                .andExpect(jsonPath("$.added").value(0))
                .andExpect(jsonPath("$.failed.length()").value(0));
    }

    @Test
    void should_serve_thumbnails_and_corpus_files_but_nothing_outside_the_corpus() throws Exception {
        String body = mvc.perform(get("/api/search").param("q", "blue").param("k", "1"))
                .andReturn().getResponse().getContentAsString();
        String thumbnail = body.replaceAll(".*\"thumbnailUrl\":\"([^\"]+)\".*", "$1");
        mvc.perform(get(thumbnail)).andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.IMAGE_JPEG));
        mvc.perform(get("/corpus/texts/blue.txt")).andExpect(status().isOk())
                .andExpect(content().string(containsString("blue sea")));
        mvc.perform(get("/corpus/../data/ledger.json")).andExpect(status().isNotFound());
        mvc.perform(get("/thumbnails/..%2Fledger.json")).andExpect(status().is4xxClientError());
    }

    @Test
    void should_serve_the_page() throws Exception {
        mvc.perform(get("/")).andExpect(status().isOk()).andExpect(forwardedUrl("index.html"));
        mvc.perform(get("/index.html")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Search by image")));
        mvc.perform(get("/api/search").param("q", "red").param("k", "5"))
                .andExpect(jsonPath("$.results[*].modality", everyItem(matchesPattern("text|image"))))
                .andExpect(jsonPath("$.results[*].modality", hasItem(is("text"))));
    }

    private static MockMultipartFile image(String name, byte[] bytes) {
        return new MockMultipartFile("image", name, "image/png", bytes);
    }

    private static void badRequest(ResultActions result, String detail) throws Exception {
        result.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.title").value("Bad Request"))
                .andExpect(jsonPath("$.detail", containsString(detail)));
    }
}
