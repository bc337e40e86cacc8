package dev.jinaclip.onnx.internal;

import dev.jinaclip.core.internal.ImageUrls;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ProtocolException;
import java.net.UnknownHostException;
import java.util.List;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps image downloads to the hosts of {@code imageHosts} and, unless {@code allowPrivateImageAddresses}, to
 * public addresses, at every point where OkHttp could reach another: the URL itself ({@link #refusal(HttpUrl)},
 * before the call, since OkHttp connects to an IP literal without asking its {@link Dns}: {@link IpLiterals}), each
 * name it resolves (as its {@link Dns}: the connection uses only the addresses checked, so a name cannot resolve to
 * a public address for the check and a private one for the connection), each redirect (as a network interceptor,
 * before the redirect is followed), and each connection ({@link GuardedSockets}).
 */
final class ImageUrlGuard implements Dns, Interceptor {

    private static final Logger LOG = LoggerFactory.getLogger(ImageUrlGuard.class);

    static final String PRIVATE_OFF = ", and allowPrivateImageAddresses is off";

    private final List<String> hosts;
    private final boolean allowPrivate;
    private final Dns dns;

    ImageUrlGuard(List<String> hosts, boolean allowPrivate, Dns dns) {
        this.hosts = hosts;
        this.allowPrivate = allowPrivate;
        this.dns = dns;
    }

    /** Why {@code url} may not be downloaded, or {@code null} if it may (its name still to be resolved). */
    String refusal(HttpUrl url) {
        String host = url.host();
        if (!ImageHosts.allows(hosts, host)) {
            return "host " + host + " is not in imageHosts " + hosts;
        }
        if (allowPrivate || !IpLiterals.isLiteral(host)) {
            return null;
        }
        InetAddress address = IpLiterals.address(host);
        if (address == null) {
            return "host " + host + " is not a valid IP address";
        }
        String kind = PrivateAddresses.kind(address);
        return kind == null ? null : "host " + host + " is " + privateAddress(kind) + PRIVATE_OFF;
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        List<InetAddress> addresses = dns.lookup(hostname);
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                String kind = PrivateAddresses.kind(address);
                if (kind != null) {
                    // the caller learns that, not where: the address stays in the log
                    LOG.debug("Refused image host {}: it resolves to {}, a {} address", hostname,
                            address.getHostAddress(), kind);
                    throw new RefusedAddress(hostname + " resolves to a private address" + PRIVATE_OFF);
                }
            }
        }
        return addresses;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        String location = response.header("Location");
        if (response.isRedirect() && location != null) {
            HttpUrl next = chain.request().url().resolve(location);
            String refusal = next == null ? null : refusal(next);
            if (refusal != null) {
                response.close();
                throw new RefusedRedirect("redirected to " + ImageUrls.redacted(next.toString()) + ", where "
                        + refusal);
            }
        }
        return response;
    }

    /** The reason that the guard gave for a failed download, or {@code null} if it did not stop it. */
    static String refusal(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof RefusedAddress || e instanceof RefusedRedirect || e instanceof RefusedConnection) {
                return e.getMessage();
            }
            for (Throwable suppressed : e.getSuppressed()) {
                String refusal = refusal(suppressed);
                if (refusal != null) {
                    return refusal;
                }
            }
        }
        return null;
    }

    static String privateAddress(String kind) {
        return "a" + (kind.startsWith("a") ? "n " : " ") + kind + " address";
    }

    /** An {@link UnknownHostException}, the one exception a {@link Dns} may throw. */
    private static final class RefusedAddress extends UnknownHostException {
        private static final long serialVersionUID = 1L;

        RefusedAddress(String message) {
            super(message);
        }
    }

    /** A {@link ProtocolException}, which OkHttp does not retry. */
    private static final class RefusedRedirect extends ProtocolException {
        private static final long serialVersionUID = 1L;

        RefusedRedirect(String message) {
            super(message);
        }
    }

    /** A {@link ConnectException}, what a socket throws for an address that it does not connect to. */
    static final class RefusedConnection extends ConnectException {
        private static final long serialVersionUID = 1L;

        RefusedConnection(String message) {
            super(message);
        }
    }
}
