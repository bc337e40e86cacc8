package dev.jinaclip.springai.autoconfigure;

import dev.jinaclip.core.JinaClipModel;
import dev.jinaclip.onnx.ExecutionProvider;
import dev.jinaclip.onnx.JinaClipOnnxConfig;
import dev.jinaclip.onnx.OnnxVariant;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the local backend under {@value #CONFIG_PREFIX}, bound only when {@code jina-clip-onnx} is on the
 * class path (their types come from it). Each is named as the engine's setting and unset means the engine's
 * default; the engine checks the values when it is built.
 *
 * @since 0.1.0
 */
@ConfigurationProperties(JinaClipOnnxProperties.CONFIG_PREFIX)
public class JinaClipOnnxProperties {

    /** The prefix of every property of the local backend. */
    public static final String CONFIG_PREFIX = JinaClipProperties.CONFIG_PREFIX + ".onnx";

    /** A local folder laid out like the Hugging Face repo jinaai/jina-clip-v1; set, nothing is downloaded. Default: the Hugging Face cache, downloading what is missing. */
    private @Nullable Path modelDirectory;

    /** The Hugging Face repo to download the model from. */
    private @Nullable String repoId;

    /** The branch, tag or commit of the repo to download; a commit hash pins the files. */
    private @Nullable String revision;

    /** The Hugging Face cache. Default: HF_HUB_CACHE, else HF_HOME/hub, else ~/.cache/huggingface/hub. */
    private @Nullable Path cacheDirectory;

    /** Use the Hugging Face cache only, never the network. Default: HF_HUB_OFFLINE, else false. */
    private @Nullable Boolean offline;

    /** The ONNX export to load: fp32 (the reference), fp16, int8, uint8, quantized, q4 or bnb4. */
    private @Nullable OnnxVariant variant;

    /** Most tokens per text, special tokens included, up to the text tower's window; longer texts are truncated. */
    private @Nullable Integer maxTextTokens;

    /** Make a text longer than max-text-tokens an error instead of truncating it. */
    private @Nullable Boolean failOnTruncation;

    /** Most padded tokens (texts times the longest text) per text batch. */
    private @Nullable Integer maxBatchTokens;

    /** Most images per inference batch. */
    private @Nullable Integer maxImageBatchSize;

    /** Most memory inference may hold at once, all calls together, beyond the weights. Default: a share of the physical memory. */
    private @Nullable DataSize maxInferenceMemory;

    /** ONNX Runtime intra-op threads per session. Default: the available processors. */
    private @Nullable Integer intraOpThreads;

    /** Where the model runs: CPU, or CUDA (with the onnxruntime_gpu artifact). */
    private @Nullable ExecutionProvider executionProvider;

    /** The CUDA device, for execution-provider CUDA. */
    private @Nullable Integer deviceId;

    /** The largest encoded image accepted. */
    private @Nullable DataSize maxImageBytes;

    /** The largest image accepted, in pixels, checked before decoding. Default: the image preprocessor's. */
    private @Nullable Long maxImagePixels;

    /** Download images given by http(s) URL; if false, such an image is an error. */
    private @Nullable Boolean fetchRemoteImages;

    /**
     * The only hosts that images given by URL may be downloaded from (each redirect too): names, IP literals, and
     * *.example.com for subdomains. Default: any host.
     */
    private @Nullable List<String> imageHosts;

    /**
     * Download images from loopback, private, link-local and other non-public addresses (as IP literals, behind
     * host names or redirects). Default: true; set false where URLs come from users.
     */
    private @Nullable Boolean allowPrivateImageAddresses;

    /** The longest time to connect to the server of an image given by URL. */
    private @Nullable Duration imageConnectTimeout;

    /** The longest that server may send nothing while its answer is awaited or read. */
    private @Nullable Duration imageReadTimeout;

    /** The longest one image download may take, connecting included. */
    private @Nullable Duration imageDownloadTimeout;

    /** Most image downloads at once, all calls together. */
    private @Nullable Integer maxImageDownloads;

    /** Most image downloads at once from one host name, all calls together. */
    private @Nullable Integer maxImageDownloadsPerHost;


    public @Nullable Path getModelDirectory() {
        return modelDirectory;
    }

    public void setModelDirectory(@Nullable Path modelDirectory) {
        this.modelDirectory = modelDirectory;
    }

    public @Nullable String getRepoId() {
        return repoId;
    }

    public void setRepoId(@Nullable String repoId) {
        this.repoId = repoId;
    }

    public @Nullable String getRevision() {
        return revision;
    }

    public void setRevision(@Nullable String revision) {
        this.revision = revision;
    }

    public @Nullable Path getCacheDirectory() {
        return cacheDirectory;
    }

    public void setCacheDirectory(@Nullable Path cacheDirectory) {
        this.cacheDirectory = cacheDirectory;
    }

    public @Nullable Boolean getOffline() {
        return offline;
    }

    public void setOffline(@Nullable Boolean offline) {
        this.offline = offline;
    }

    public @Nullable OnnxVariant getVariant() {
        return variant;
    }

    public void setVariant(@Nullable OnnxVariant variant) {
        this.variant = variant;
    }

    public @Nullable Integer getMaxTextTokens() {
        return maxTextTokens;
    }

    public void setMaxTextTokens(@Nullable Integer maxTextTokens) {
        this.maxTextTokens = maxTextTokens;
    }

    public @Nullable Boolean getFailOnTruncation() {
        return failOnTruncation;
    }

    public void setFailOnTruncation(@Nullable Boolean failOnTruncation) {
        this.failOnTruncation = failOnTruncation;
    }

    public @Nullable Integer getMaxBatchTokens() {
        return maxBatchTokens;
    }

    public void setMaxBatchTokens(@Nullable Integer maxBatchTokens) {
        this.maxBatchTokens = maxBatchTokens;
    }

    public @Nullable Integer getMaxImageBatchSize() {
        return maxImageBatchSize;
    }

    public void setMaxImageBatchSize(@Nullable Integer maxImageBatchSize) {
        this.maxImageBatchSize = maxImageBatchSize;
    }

    public @Nullable DataSize getMaxInferenceMemory() {
        return maxInferenceMemory;
    }

    public void setMaxInferenceMemory(@Nullable DataSize maxInferenceMemory) {
        this.maxInferenceMemory = maxInferenceMemory;
    }

    public @Nullable Integer getIntraOpThreads() {
        return intraOpThreads;
    }

    public void setIntraOpThreads(@Nullable Integer intraOpThreads) {
        this.intraOpThreads = intraOpThreads;
    }

    public @Nullable ExecutionProvider getExecutionProvider() {
        return executionProvider;
    }

    public void setExecutionProvider(@Nullable ExecutionProvider executionProvider) {
        this.executionProvider = executionProvider;
    }

    public @Nullable Integer getDeviceId() {
        return deviceId;
    }

    public void setDeviceId(@Nullable Integer deviceId) {
        this.deviceId = deviceId;
    }

    public @Nullable DataSize getMaxImageBytes() {
        return maxImageBytes;
    }

    public void setMaxImageBytes(@Nullable DataSize maxImageBytes) {
        this.maxImageBytes = maxImageBytes;
    }

    public @Nullable Long getMaxImagePixels() {
        return maxImagePixels;
    }

    public void setMaxImagePixels(@Nullable Long maxImagePixels) {
        this.maxImagePixels = maxImagePixels;
    }

    public @Nullable Boolean getFetchRemoteImages() {
        return fetchRemoteImages;
    }

    public void setFetchRemoteImages(@Nullable Boolean fetchRemoteImages) {
        this.fetchRemoteImages = fetchRemoteImages;
    }

    public @Nullable List<String> getImageHosts() {
        return imageHosts;
    }

    public void setImageHosts(@Nullable List<String> imageHosts) {
        this.imageHosts = imageHosts;
    }

    public @Nullable Boolean getAllowPrivateImageAddresses() {
        return allowPrivateImageAddresses;
    }

    public void setAllowPrivateImageAddresses(@Nullable Boolean allowPrivateImageAddresses) {
        this.allowPrivateImageAddresses = allowPrivateImageAddresses;
    }

    public @Nullable Duration getImageConnectTimeout() {
        return imageConnectTimeout;
    }

    public void setImageConnectTimeout(@Nullable Duration imageConnectTimeout) {
        this.imageConnectTimeout = imageConnectTimeout;
    }

    public @Nullable Duration getImageReadTimeout() {
        return imageReadTimeout;
    }

    public void setImageReadTimeout(@Nullable Duration imageReadTimeout) {
        this.imageReadTimeout = imageReadTimeout;
    }

    public @Nullable Duration getImageDownloadTimeout() {
        return imageDownloadTimeout;
    }

    public void setImageDownloadTimeout(@Nullable Duration imageDownloadTimeout) {
        this.imageDownloadTimeout = imageDownloadTimeout;
    }

    public @Nullable Integer getMaxImageDownloads() {
        return maxImageDownloads;
    }

    public void setMaxImageDownloads(@Nullable Integer maxImageDownloads) {
        this.maxImageDownloads = maxImageDownloads;
    }

    public @Nullable Integer getMaxImageDownloadsPerHost() {
        return maxImageDownloadsPerHost;
    }

    public void setMaxImageDownloadsPerHost(@Nullable Integer maxImageDownloadsPerHost) {
        this.maxImageDownloadsPerHost = maxImageDownloadsPerHost;
    }

    /**
     * The local backend's configuration of these properties and of the shared ones ({@code normalized},
     * {@code max-batch-size}).
     *
     * @throws IllegalArgumentException naming the setting, if a value is out of range or does not combine with
     *                                  another, or if {@code shared} asks for a model or dimension that the local
     *                                  backend does not serve
     */
    public JinaClipOnnxConfig toConfig(JinaClipProperties shared) {
        if (shared.getModel() != null && JinaClipModel.fromName(shared.getModel()) != JinaClipOnnxConfig.MODEL) {
            throw new IllegalArgumentException("model " + shared.getModel() + " is served by the hosted backend only;"
                    + " the local backend runs " + JinaClipOnnxConfig.MODEL);
        }
        if (shared.getDimensions() != null) {
            throw new IllegalArgumentException("dimensions is not supported by the local backend, whose "
                    + JinaClipOnnxConfig.MODEL + " vectors always have " + JinaClipOnnxConfig.MODEL.dimension()
                    + " dimensions; remove it");
        }
        return JinaClipOnnxConfig.builder()
                .modelDirectory(modelDirectory)
                .repoId(repoId)
                .revision(revision)
                .cacheDirectory(cacheDirectory)
                .offline(offline)
                .variant(variant)
                .maxTextTokens(maxTextTokens)
                .failOnTruncation(failOnTruncation)
                .maxBatchSize(shared.getMaxBatchSize())
                .maxBatchTokens(maxBatchTokens)
                .maxImageBatchSize(maxImageBatchSize)
                .maxInferenceMemory(bytes(maxInferenceMemory))
                .normalized(shared.getNormalized())
                .intraOpThreads(intraOpThreads)
                .executionProvider(executionProvider)
                .deviceId(deviceId)
                .maxImageBytes(bytes(maxImageBytes))
                .maxImagePixels(maxImagePixels)
                .fetchRemoteImages(fetchRemoteImages)
                .imageHosts(imageHosts)
                .allowPrivateImageAddresses(allowPrivateImageAddresses)
                .imageConnectTimeout(imageConnectTimeout)
                .imageReadTimeout(imageReadTimeout)
                .imageDownloadTimeout(imageDownloadTimeout)
                .maxImageDownloads(maxImageDownloads)
                .maxImageDownloadsPerHost(maxImageDownloadsPerHost)
                .build();
    }

    private static @Nullable Long bytes(@Nullable DataSize size) {
        return size == null ? null : size.toBytes();
    }
}
