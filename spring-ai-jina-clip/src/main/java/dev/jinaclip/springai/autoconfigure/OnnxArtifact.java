package dev.jinaclip.springai.autoconfigure;

/** The artifact of the local backend, which applications add beside this module to run jina-clip in process. */
final class OnnxArtifact {

    /** Its Maven coordinates. */
    static final String COORDINATES = "dev.jinaclip:jina-clip-onnx";

    /** Its engine, whose presence tells that the artifact is on the class path. */
    static final String ENGINE_CLASS = "dev.jinaclip.onnx.JinaClipOnnxEngine";

    private OnnxArtifact() {
    }

    /** The failure of {@code backend=onnx} without the artifact. */
    static JinaClipConfigurationException missing() {
        String property = JinaClipProperties.CONFIG_PREFIX + ".backend=onnx";
        return new JinaClipConfigurationException(property + " runs jina-clip in process, which needs the artifact "
                + COORDINATES + ", and it is not on the class path.",
                "Add the dependency " + COORDINATES + " (the same version as spring-ai-jina-clip) to the application,"
                        + " or remove " + property + " to use the hosted Jina API.", null);
    }
}
