package dev.jinaclip.evaluation.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Images labelled by their folder, the CIFAR-100 layout: {@code root/<class>/<image>}. Every folder under the root
 * is a class, every file in it an image; names starting with a dot are ignored. Classes and images are taken in
 * name order.
 *
 * @param root   the root folder
 * @param images every image with its class
 */
public record ClassFolderDataset(Path root, List<Image> images) {

    public ClassFolderDataset {
        images = List.copyOf(images);
    }

    /** One image and its class: the name of its folder. */
    public record Image(Path path, String label) {
    }

    /** How many classes there are. */
    public long classCount() {
        return images.stream().map(Image::label).distinct().count();
    }

    /**
     * Reads the folder tree under {@code root}.
     *
     * @throws DatasetException naming the path, for a file directly under the root, a folder inside a class, a
     *                          file that is not an image or an empty class
     */
    public static ClassFolderDataset read(Path root) {
        DatasetFiles.requireDirectory(root);
        List<Image> images = new ArrayList<>();
        for (Path classFolder : children(root)) {
            if (!Files.isDirectory(classFolder)) {
                throw new DatasetException(classFolder,
                        "a file directly under the root; images belong in a folder named after their class");
            }
            String label = classFolder.getFileName().toString();
            int before = images.size();
            for (Path file : children(classFolder)) {
                if (Files.isDirectory(file)) {
                    throw new DatasetException(file, "a folder inside class folder " + label
                            + "; the layout is root/<class>/<image>");
                }
                if (!DatasetFiles.isImageName(file)) {
                    throw new DatasetException(file, DatasetFiles.notAnImageName());
                }
                images.add(new Image(file, label));
            }
            if (images.size() == before) {
                throw new DatasetException(classFolder, "class folder holds no images");
            }
        }
        if (images.isEmpty()) {
            throw new DatasetException(root, "holds no class folders");
        }
        return new ClassFolderDataset(root, images);
    }

    private static List<Path> children(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(path -> !path.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(path -> path.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new DatasetException(folder, "cannot be listed", e);
        }
    }
}
