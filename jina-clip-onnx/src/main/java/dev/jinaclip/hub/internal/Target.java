package dev.jinaclip.hub.internal;

/**
 * One file of one revision of a model repository: what a request is about, for messages.
 *
 * @param repoId   such as {@code jinaai/jina-clip-v1}
 * @param revision a branch, tag or commit hash
 * @param file     the path in the repository, such as {@code onnx/text_model.onnx}
 */
public record Target(String repoId, String revision, String file) {

    /** {@code 'onnx/text_model.onnx' of jinaai/jina-clip-v1 at revision 'main'}. */
    public String describe() {
        return "'" + file + "' of " + repoId + " at revision '" + revision + "'";
    }
}
