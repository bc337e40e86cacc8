package dev.jinaclip.evaluation;

import dev.jinaclip.evaluation.data.BeirDataset;
import dev.jinaclip.evaluation.data.CaptionsDataset;
import dev.jinaclip.evaluation.data.ClassFolderDataset;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which datasets to run; each one enables its tasks. */
final class DatasetOptions {

    @Option(names = "--beir", paramLabel = "DIR", order = 10,
            description = "Text-Text: a BEIR dataset folder (corpus.jsonl, queries.jsonl, qrels/<split>.tsv).")
    Path beir;

    @Option(names = "--split", paramLabel = "NAME", defaultValue = "test", order = 11,
            description = "The BEIR qrels to use, qrels/<NAME>.tsv. Default: ${DEFAULT-VALUE}.")
    String split;

    @Option(names = "--captions", paramLabel = "FILE", order = 12,
            description = "Text-to-Image and Image-to-Text: a captions file, .tsv (header image<TAB>caption, one "
                    + "line per caption) or .jsonl ({\"image\": ..., \"captions\": [...]} per image).")
    Path captions;

    @Option(names = "--images", paramLabel = "DIR", order = 13,
            description = "Where the captions file's relative image paths start. Default: the captions file's "
                    + "folder.")
    Path images;

    @Option(names = "--classes", paramLabel = "DIR", order = 14,
            description = "Image-Image: a folder of class folders, DIR/<class>/<image> (the CIFAR-100 layout).")
    Path classes;

    /**
     * Reads the datasets given.
     *
     * @throws IllegalArgumentException if none is given, or {@code --images} without {@code --captions}
     * @throws dev.jinaclip.evaluation.data.DatasetException naming the file and line, for a malformed dataset
     */
    Datasets read() {
        if (beir == null && captions == null && classes == null) {
            throw new IllegalArgumentException("Give at least one dataset: --beir, --captions or --classes");
        }
        if (images != null && captions == null) {
            throw new IllegalArgumentException("--images applies to --captions, which is not given");
        }
        return new Datasets(beir == null ? null : BeirDataset.read(beir, split),
                captions == null ? null : CaptionsDataset.read(captions, images),
                classes == null ? null : ClassFolderDataset.read(classes));
    }
}
