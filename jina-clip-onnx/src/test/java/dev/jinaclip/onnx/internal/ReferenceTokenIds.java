package dev.jinaclip.onnx.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jinaclip.testing.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Token ids made by Hugging Face's Python tokenizer for word texts of 511 to 9,000 words
 * ({@code tokenizer/reference_ids.json.gz}, written by {@code src/test/scripts/make_tokenizer_parity_fixtures.py}).
 */
public final class ReferenceTokenIds {

    /** One text and its reference ids. */
    public record Case(String name, int words, String text, long[] untruncated, Map<Integer, long[]> truncated) {

        /** The reference's token count with truncation off. */
        public int tokens() {
            return untruncated.length;
        }

        /** The reference's ids with {@code truncation=True, max_length=maxLength}. */
        public long[] truncatedAt(int maxLength) {
            return Objects.requireNonNull(truncated.get(maxLength), name + " has no reference at " + maxLength);
        }
    }

    private static final List<Case> CASES = load();

    private ReferenceTokenIds() {
    }

    /** The fixture tokenizer that the reference ids were made with. */
    public static Path tokenizerJson() {
        return Fixtures.model("tiny").resolve("tokenizer.json");
    }

    /** Every text, shortest first. */
    public static List<Case> cases() {
        return CASES;
    }

    /** The text of that name, e.g. {@code words_2000}. */
    public static Case named(String name) {
        return CASES.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no reference text " + name));
    }

    /** Fails with the token count, or the first position where the ids differ, instead of printing 8,192 ids. */
    public static void assertSameIds(long[] actual, long[] expected) {
        assertThat(actual.length).as("token count").isEqualTo(expected.length);
        assertThat(Arrays.mismatch(actual, expected)).as("first position where the ids differ")
                .isEqualTo(-1);
    }

    private static List<Case> load() {
        try (InputStream in = new GZIPInputStream(Objects.requireNonNull(
                ReferenceTokenIds.class.getResourceAsStream("/tokenizer/reference_ids.json.gz")))) {
            JsonNode root = new ObjectMapper().readTree(in);
            String sha256 = HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(tokenizerJson())));
            if (!sha256.equals(root.get("tokenizer_sha256").asText())) {
                throw new IllegalStateException("reference ids were made from another tokenizer.json; re-run "
                        + root.get("generator").asText());
            }
            List<Case> cases = new ArrayList<>();
            for (JsonNode item : root.get("cases")) {
                Map<Integer, long[]> truncated = new TreeMap<>();
                item.get("truncated").fields().forEachRemaining(
                        e -> truncated.put(Integer.parseInt(e.getKey()), ids(e.getValue())));
                cases.add(new Case(item.get("name").asText(), item.get("words").asInt(), item.get("text").asText(),
                        ids(item.get("untruncated")), truncated));
            }
            return List.copyOf(cases);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long[] ids(JsonNode array) {
        long[] ids = new long[array.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = array.get(i).asLong();
        }
        return ids;
    }
}
