package dev.jinaclip.evaluation.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptionsDatasetTest {

    @TempDir
    Path folder;

    @BeforeEach
    void images() throws IOException {
        Files.createDirectories(folder.resolve("img"));
        Files.write(folder.resolve("img/a.png"), new byte[] {1});
        Files.write(folder.resolve("img/b.jpg"), new byte[] {1});
        Files.writeString(folder.resolve("img/notes.txt"), "no image");
    }

    @Test
    void should_group_tsv_lines_by_image_in_order_of_first_appearance() throws IOException {
        Path file = write("captions.tsv", "\uFEFFimage\tcaption\nimg/b.jpg\tfirst of b\nimg/a.png\tonly a\n"
                + "img/b.jpg\t second of b \n");

        CaptionsDataset dataset = CaptionsDataset.read(file, null);

        assertThat(dataset.images()).containsExactly(
                new CaptionsDataset.Image(folder.resolve("img/b.jpg"), List.of("first of b", "second of b")),
                new CaptionsDataset.Image(folder.resolve("img/a.png"), List.of("only a")));
        assertThat(dataset.captionCount()).isEqualTo(3);
    }

    @Test
    void should_resolve_paths_against_the_images_folder_when_given() throws IOException {
        Path file = write("elsewhere/captions.jsonl", "{\"image\": \"a.png\", \"captions\": [\"one\", \"two\"]}\n");

        CaptionsDataset dataset = CaptionsDataset.read(file, folder.resolve("img"));

        assertThat(dataset.images()).containsExactly(
                new CaptionsDataset.Image(folder.resolve("img/a.png"), List.of("one", "two")));
    }

    @Test
    void should_name_file_and_line_of_each_problem() throws IOException {
        assertProblem("c.tsv", "image\ttext\n", "c.tsv:1: the first line must be the header \"image<TAB>caption\"");
        assertProblem("c.tsv", "image\tcaption\nimg/a.png\tfine\nimg/missing.png\tred\n",
                "c.tsv:3: image not found or not readable: " + folder.resolve("img/missing.png"));
        assertProblem("c.tsv", "image\tcaption\nimg/a.png\ta\tb\n", "c.tsv:2: expected 2 tab-separated fields (image, caption), found 3");
        assertProblem("c.tsv", "image\tcaption\nimg/a.png\t \n", "c.tsv:2: empty caption");
        assertProblem("c.tsv", "image\tcaption\nimg/notes.txt\tred\n", "c.tsv:2: not an image file name "
                + "(accepted: .bmp, .gif, .jpeg, .jpg, .png, .tif, .tiff, .webp): " + folder.resolve("img/notes.txt"));
        assertProblem("c.jsonl", "{\"image\": \"img/a.png\", \"captions\": \"red\"}\n",
                "c.jsonl:1: \"captions\" must be a non-empty array of strings");
        assertProblem("c.jsonl", "{\"image\": \"img/a.png\", \"captions\": [\"red\"]}\n"
                + "{\"image\": \"img/a.png\", \"captions\": [\"blue\"]}\n", "c.jsonl:2: image "
                + folder.resolve("img/a.png") + " appears on two lines");
        assertProblem("c.csv", "image,caption\n", "c.csv: a captions file must end in .tsv or .jsonl");
        assertProblem("c.tsv", "image\tcaption\n", "c.tsv: holds no captions");
    }

    private void assertProblem(String name, String content, String message) throws IOException {
        Path file = write(name, content);
        assertThatThrownBy(() -> CaptionsDataset.read(file, null)).isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(folder + File.separator + message);
    }

    private Path write(String name, String content) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }
}
