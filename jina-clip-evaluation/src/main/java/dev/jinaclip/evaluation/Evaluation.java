package dev.jinaclip.evaluation;

import dev.jinaclip.core.ClipEngine;
import dev.jinaclip.core.ClipInput;
import dev.jinaclip.core.ClipInputType;
import dev.jinaclip.evaluation.data.BeirDataset;
import dev.jinaclip.evaluation.data.CaptionsDataset;
import dev.jinaclip.evaluation.data.ClassFolderDataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the tasks of the given datasets on one engine: embeds each item set once, then searches. Text queries are
 * embedded as {@link ClipInputType#QUERY}, everything searched as {@link ClipInputType#DOCUMENT}; captions, queries
 * in one task and documents in the other, are embedded twice only for a model that embeds the two differently.
 */
final class Evaluation {

    static final String BEIR_QUERIES = "BEIR queries";
    static final String BEIR_DOCUMENTS = "BEIR documents";
    static final String CAPTIONS = "captions";
    static final String CAPTIONS_AS_DOCUMENTS = "captions (documents)";
    static final String CAPTION_IMAGES = "caption images";
    static final String CLASS_IMAGES = "class images";

    private final Embedder embedder;
    private final boolean queriesDiffer;
    private final int[] ks;
    private final Map<String, EmbeddedSet> sets = new LinkedHashMap<>();
    private final Map<Task, TaskResult> results = new EnumMap<>(Task.class);

    private Evaluation(ClipEngine engine, int batchSize, Progress progress, int[] ks) {
        this.embedder = new Embedder(engine, batchSize, progress);
        this.queriesDiffer = engine.model().supportsQueryTask();
        this.ks = ks;
    }

    /** Runs every task that {@code datasets} has a dataset for. */
    static BackendRun run(Backend backend, ClipEngine engine, Datasets datasets, int[] ks, Progress progress) {
        Evaluation evaluation = new Evaluation(engine, backend.batchSize(), progress, ks);
        if (datasets.beir() != null) {
            evaluation.textText(datasets.beir());
        }
        if (datasets.captions() != null) {
            evaluation.captions(datasets.captions());
        }
        if (datasets.classes() != null) {
            evaluation.imageImage(datasets.classes());
        }
        return new BackendRun(backend, evaluation.sets, evaluation.results);
    }

    private void textText(BeirDataset beir) {
        List<ClipInput> queries = beir.queries().stream().map(query -> ClipInput.text(query.text())).toList();
        List<ClipInput> documents = beir.documents().stream().map(document -> ClipInput.text(document.text()))
                .toList();
        Map<String, Integer> documentIndex = new HashMap<>();
        for (int i = 0; i < beir.documents().size(); i++) {
            documentIndex.put(beir.documents().get(i).id(), i);
        }
        List<int[]> relevant = beir.queries().stream().map(query -> sorted(query.relevantIds().stream()
                .mapToInt(documentIndex::get).toArray())).toList();
        EmbeddedSet queryVectors = embed(BEIR_QUERIES, queries, ClipInputType.QUERY);
        EmbeddedSet documentVectors = embed(BEIR_DOCUMENTS, documents, ClipInputType.DOCUMENT);
        results.put(Task.TEXT_TEXT, Retrieval.evaluate(Task.TEXT_TEXT, queryVectors.vectors(),
                documentVectors.vectors(), relevant, noExclusions(queries.size()), ks));
    }

    private void captions(CaptionsDataset dataset) {
        List<ClipInput> images = new ArrayList<>();
        List<ClipInput> captions = new ArrayList<>();
        List<int[]> imageOfCaption = new ArrayList<>();
        List<int[]> captionsOfImage = new ArrayList<>();
        for (CaptionsDataset.Image image : dataset.images()) {
            int[] own = new int[image.captions().size()];
            for (int c = 0; c < own.length; c++) {
                own[c] = captions.size();
                captions.add(ClipInput.text(image.captions().get(c)));
                imageOfCaption.add(new int[] {images.size()});
            }
            captionsOfImage.add(own);
            images.add(ClipInput.imageFile(image.path()));
        }
        EmbeddedSet captionQueries = embed(CAPTIONS, captions, ClipInputType.QUERY);
        EmbeddedSet captionDocuments = queriesDiffer
                ? embed(CAPTIONS_AS_DOCUMENTS, captions, ClipInputType.DOCUMENT) : captionQueries;
        EmbeddedSet imageVectors = embed(CAPTION_IMAGES, images, ClipInputType.DOCUMENT);
        results.put(Task.TEXT_TO_IMAGE, Retrieval.evaluate(Task.TEXT_TO_IMAGE, captionQueries.vectors(),
                imageVectors.vectors(), imageOfCaption, noExclusions(captions.size()), ks));
        results.put(Task.IMAGE_TO_TEXT, Retrieval.evaluate(Task.IMAGE_TO_TEXT, imageVectors.vectors(),
                captionDocuments.vectors(), captionsOfImage, noExclusions(images.size()), ks));
    }

    private void imageImage(ClassFolderDataset dataset) {
        List<ClassFolderDataset.Image> images = dataset.images();
        Map<String, List<Integer>> byClass = new HashMap<>();
        for (int i = 0; i < images.size(); i++) {
            byClass.computeIfAbsent(images.get(i).label(), label -> new ArrayList<>()).add(i);
        }
        List<int[]> relevant = new ArrayList<>(images.size());
        int[] self = new int[images.size()];
        for (int i = 0; i < images.size(); i++) {
            int query = i;
            relevant.add(byClass.get(images.get(i).label()).stream().mapToInt(Integer::intValue)
                    .filter(other -> other != query).toArray());
            self[i] = i;
        }
        EmbeddedSet vectors = embed(CLASS_IMAGES,
                images.stream().map(image -> ClipInput.imageFile(image.path())).toList(), ClipInputType.DOCUMENT);
        results.put(Task.IMAGE_IMAGE, Retrieval.evaluate(Task.IMAGE_IMAGE, vectors.vectors(), vectors.vectors(),
                relevant, self, ks));
    }

    private EmbeddedSet embed(String name, List<ClipInput> inputs, ClipInputType type) {
        EmbeddedSet set = embedder.embed(name, inputs, type);
        sets.put(name, set);
        return set;
    }

    private static int[] noExclusions(int queries) {
        int[] none = new int[queries];
        Arrays.fill(none, Retrieval.NONE);
        return none;
    }

    private static int[] sorted(int[] indexes) {
        Arrays.sort(indexes);
        return indexes;
    }
}
