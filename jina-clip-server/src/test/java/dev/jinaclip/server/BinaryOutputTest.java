package dev.jinaclip.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jinaclip.core.JinaClipModel;
import dev.jinaclip.server.RawHttp.Answer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code embedding_type} {@code binary} and {@code ubinary}: the signs of the float answer, packed. */
class BinaryOutputTest extends ServerTest {

    static final String INPUTS = "[\"red\",\"a blue square\",{\"text\":\"green grass\"}]";

    Answer post(String body) throws Exception {
        return RawHttp.embeddings(baseUrl(), KEY, body);
    }

    Answer embed(String type, boolean normalized) throws Exception {
        Answer answer = post("{\"model\":\"jina-clip-v1\",\"input\":" + INPUTS + ",\"embedding_type\":\"" + type
                + "\",\"normalized\":" + normalized + "}");
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer;
    }

    /** The bytes as text of 0s and 1s, 8 dimensions each, read back as numbers: another route than the server's. */
    static List<Integer> expectedUbinary(JsonNode floats) {
        StringBuilder bits = new StringBuilder();
        floats.forEach(value -> bits.append(value.doubleValue() > 0 ? '1' : '0'));
        List<Integer> bytes = new ArrayList<>();
        for (int start = 0; start < bits.length(); start += 8) {
            bytes.add(Integer.parseInt(bits.substring(start, start + 8), 2));
        }
        return bytes;
    }

    @Test
    void ubinaryAndBinaryAreTheFloatAnswersSignsPackedMsbFirst() throws Exception {
        for (boolean normalized : new boolean[] {true, false}) {
            JsonNode floats = embed("float", normalized).body().get("data");
            JsonNode ubinary = embed("ubinary", normalized).body().get("data");
            JsonNode binary = embed("binary", normalized).body().get("data");
            for (int i = 0; i < floats.size(); i++) {
                List<Integer> expected = expectedUbinary(floats.get(i).get("embedding"));
                assertThat(expected).hasSize(JinaClipModel.JINA_CLIP_V1.dimension() / 8).hasSize(96);
                // a vector of one sign would make the check weak
                assertThat(expected).as("input %d has both signs", i).anyMatch(b -> b != 0 && b != 255);
                assertThat(OutputTypeTest.ints(ubinary.get(i).get("embedding"))).as("ubinary %d", i)
                        .isEqualTo(expected);
                assertThat(OutputTypeTest.ints(binary.get(i).get("embedding"))).as("binary %d", i)
                        .isEqualTo(expected.stream().map(b -> b - 128).toList());
                assertThat(ubinary.get(i).get("index").asInt()).isEqualTo(i);
            }
        }
    }

    @Test
    void aListOfTypesIs422SayingSo() throws Exception {
        Answer answer = post("{\"model\":\"jina-clip-v1\",\"input\":\"red\","
                + "\"embedding_type\":[\"float\",\"binary\"]}");
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().at("/detail/0/loc/1").asText()).isEqualTo("embedding_type");
        assertThat(answer.body().at("/detail/0/msg").asText()).contains("one embedding_type, not a list");
    }

    @Test
    void anUnknownTypeIs422NamingTheTypes() throws Exception {
        Answer answer = post("{\"model\":\"jina-clip-v1\",\"input\":\"red\",\"embedding_type\":\"int8\"}");
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().at("/detail/0/type").asText()).isEqualTo("enum");
        assertThat(answer.body().at("/detail/0/msg").asText())
                .contains("[float, base64, binary, ubinary]").contains("\"int8\"");
    }

    @Test
    void openAiEncodingFormatHasNoBinary() throws Exception {
        for (String type : new String[] {"binary", "ubinary"}) {
            Answer answer = post("{\"model\":\"jina-clip-v1\",\"input\":\"red\",\"encoding_format\":\"" + type + "\"}");
            assertThat(answer.status()).isEqualTo(422);
            assertThat(answer.body().at("/detail/0/loc/1").asText()).isEqualTo("encoding_format");
            assertThat(answer.body().at("/detail/0/msg").asText()).contains("[float, base64]")
                    .contains("the Jina shape's embedding_type");
        }
    }
}
