package dev.jinaclip.evaluation;

import dev.jinaclip.evaluation.data.BeirDataset;
import dev.jinaclip.evaluation.data.CaptionsDataset;
import dev.jinaclip.evaluation.data.ClassFolderDataset;

/**
 * The datasets of a run, each optional, read before any backend is opened.
 *
 * @param beir     for {@link Task#TEXT_TEXT}, or {@code null}
 * @param captions for {@link Task#TEXT_TO_IMAGE} and {@link Task#IMAGE_TO_TEXT}, or {@code null}
 * @param classes  for {@link Task#IMAGE_IMAGE}, or {@code null}
 */
record Datasets(BeirDataset beir, CaptionsDataset captions, ClassFolderDataset classes) {
}
