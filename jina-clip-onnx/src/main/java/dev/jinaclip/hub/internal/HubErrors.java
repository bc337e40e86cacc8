package dev.jinaclip.hub.internal;

import dev.jinaclip.core.internal.RetryableStatus;
import dev.jinaclip.hub.ModelDownloadException.Failure;
import dev.jinaclip.hub.ModelDownloadException;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Response;

/**
 * Turns HTTP statuses and I/O failures into {@link ModelDownloadException}s whose messages say what to do.
 * The Hub tells 404s apart with its {@code X-Error-Code} header ({@code RepoNotFound}, {@code RevisionNotFound},
 * {@code EntryNotFound}, {@code GatedRepo}), as Python's {@code hf_raise_for_status} reads it.
 */
final class HubErrors {

    private static final String TOKENS_PAGE = "https://huggingface.co/settings/tokens";
    private static final int MAX_SERVER_MESSAGE = 300;

    private HubErrors() {
    }

    static ModelDownloadException forStatus(Response response, Target target, boolean hasToken, String endpoint,
                                            boolean fromHub) {
        int status = response.code();
        String errorCode = response.header("X-Error-Code");
        String repo = target.repoId();
        String message;
        Failure kind;
        if (status == 401 || status == 403) {
            kind = Failure.UNAUTHORIZED;
            if ("GatedRepo".equals(errorCode)) {
                message = repo + " is a gated repository: accept its conditions at " + endpoint + "/" + repo
                        + ", then set HF_TOKEN to an access token of that account (" + TOKENS_PAGE + ")"
                        + (hasToken ? "; the account of the current token has no access yet" : "");
            } else if (!fromHub) {
                message = "The download link for " + target.describe()
                        + " was refused, perhaps because it expired; run again to get a fresh one";
            } else if (hasToken && !"RepoNotFound".equals(errorCode)) {
                message = "The Hugging Face token (HF_TOKEN) was rejected for " + repo
                        + ": it may be invalid or expired, or lack read access to this repository; create one at "
                        + TOKENS_PAGE;
            } else {
                message = "Repository " + repo + " was not found, or it is private or gated and needs a token:"
                        + " check the id, and set HF_TOKEN to an access token that can read it (" + TOKENS_PAGE + ")";
            }
        } else if (status == 404 || status == 410) {
            kind = Failure.NOT_FOUND;
            if ("RepoNotFound".equals(errorCode)) {
                message = "Repository " + repo + " not found at " + endpoint
                        + "; check the id (if the repository is private, set HF_TOKEN)";
            } else if ("RevisionNotFound".equals(errorCode)) {
                message = "Revision '" + target.revision() + "' not found in " + repo
                        + "; check the branch, tag or commit hash";
            } else if ("EntryNotFound".equals(errorCode)) {
                message = "File '" + target.file() + "' not found in " + repo + " at revision '"
                        + target.revision() + "'; check its path in the repository (for example onnx/model.onnx)";
            } else if (!fromHub) {
                message = "The download link for " + target.describe() + " was not found; run again to get a fresh one";
            } else {
                message = "Repository " + repo + ", revision '" + target.revision() + "' or file '" + target.file()
                        + "' not found at " + endpoint;
            }
        } else {
            kind = Failure.HTTP_ERROR;
            message = "Fetching " + target.describe() + " failed";
            if (RetryableStatus.isRetryable(status)) {
                message += " after retries; try again later, or set HF_HUB_OFFLINE=1 to use the files already cached";
            }
        }
        return new ModelDownloadException(kind, message + details(response), status, null);
    }

    static ModelDownloadException network(HttpUrl url, IOException cause, int attempts) {
        return new ModelDownloadException(Failure.NETWORK, "Cannot reach " + redact(url) + " ("
                + describe(cause) + (attempts > 1 ? ", " + attempts + " attempts" : "") + "). "
                + "Check the network connection and proxy settings (or HF_ENDPOINT, for a mirror). To use models "
                + "already in the cache without network access, set HF_HUB_OFFLINE=1; or load the model from a "
                + "local folder.", 0, cause);
    }

    static ModelDownloadException interrupted(Target target, Exception cause) {
        return new ModelDownloadException(Failure.INTERRUPTED,
                "Interrupted while fetching " + target.describe(), 0, cause);
    }

    static ModelDownloadException invalid(Target target, HttpUrl url, String problem) {
        return new ModelDownloadException(Failure.INVALID_RESPONSE, "The answer of " + redact(url) + " for "
                + target.describe() + " " + problem + ". A proxy, firewall"
                + " or captive portal may be in the way, or HF_ENDPOINT may not point at the Hub or a mirror of it.",
                0, null);
    }

    static ModelDownloadException disk(String action, Object path, IOException cause) {
        return new ModelDownloadException(Failure.DISK, "Cannot " + action + " " + path + " (" + describe(cause)
                + "); check the free space and permissions of the Hugging Face cache (HF_HUB_CACHE)", 0, cause);
    }

    /** The URL without its query and fragment: CDN links carry signatures, which do not belong in logs. */
    static String redact(HttpUrl url) {
        return url.newBuilder().query(null).fragment(null).build().toString();
    }

    static String describe(Exception e) {
        String type = e.getClass().getSimpleName();
        return e.getMessage() == null ? type : type + ": " + e.getMessage();
    }

    private static String details(Response response) {
        StringBuilder details = new StringBuilder(" (HTTP ").append(response.code()).append(" from ")
                .append(redact(response.request().url()));
        String serverMessage = response.header("X-Error-Message");
        if (serverMessage != null && !serverMessage.isBlank()) {
            String clipped = serverMessage.strip();
            details.append(": ").append(clipped.length() > MAX_SERVER_MESSAGE
                    ? clipped.substring(0, MAX_SERVER_MESSAGE) + "..." : clipped);
        }
        String requestId = response.header("X-Request-Id");
        if (requestId != null) {
            details.append("; request id ").append(requestId);
        }
        return details.append(')').toString();
    }
}
