package dev.jinaclip.evaluation.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassFolderDatasetTest {

    @TempDir
    Path root;

    @Test
    void should_read_classes_and_images_in_name_order_and_ignore_hidden_files() throws IOException {
        image("tulip/2.png");
        image("tulip/10.jpg");
        image("apple/x.PNG");
        image(".cache/ignored.png");
        image("apple/.DS_Store");

        ClassFolderDataset dataset = ClassFolderDataset.read(root);

        assertThat(dataset.images()).containsExactly(
                new ClassFolderDataset.Image(root.resolve("apple/x.PNG"), "apple"),
                new ClassFolderDataset.Image(root.resolve("tulip/10.jpg"), "tulip"),
                new ClassFolderDataset.Image(root.resolve("tulip/2.png"), "tulip"));
        assertThat(dataset.classCount()).isEqualTo(2);
    }

    @Test
    void should_name_the_path_that_breaks_the_layout() throws IOException {
        image("loose.png");
        assertProblem(root.resolve("loose.png") + ": a file directly under the root");
        Files.delete(root.resolve("loose.png"));

        image("apple/nested/a.png");
        assertProblem(root.resolve("apple/nested") + ": a folder inside class folder apple");
        Files.delete(root.resolve("apple/nested/a.png"));
        Files.delete(root.resolve("apple/nested"));

        assertProblem(root.resolve("apple") + ": class folder holds no images");

        image("apple/readme.md");
        assertProblem(root.resolve("apple/readme.md") + ": not an image file name");
    }

    private void assertProblem(String message) {
        assertThatThrownBy(() -> ClassFolderDataset.read(root)).isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(message);
    }

    private void image(String path) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] {1});
    }
}
