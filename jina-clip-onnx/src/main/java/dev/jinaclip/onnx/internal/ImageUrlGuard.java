package dev.jinaclip.onnx.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ProtocolException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Keeps image downloads to the hosts of {@code imageHosts} and, unless {@code allowPrivateImageAddresses}, to
 * public addresses, at every point where OkHttp could reach another: the URL itself ({@link #refusal(HttpUrl)},
 * before the call, since OkHttp connects to an IP literal without asking its {@link Dns}), each name it resolves
 * (as its {@link Dns}: the connection uses only the addresses checked, so a name cannot resolve to a public address
 * for the check and a private one for the connection), and each redirect (as a network interceptor, before the
 * redirect is followed).
 */
final class ImageUrlGuard implements Dns, Interceptor {

    // what OkHttp connects to without a lookup: a dotted quad, or IPv6 (HttpUrl.host() drops the brackets)
    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private static final String PRIVATE_OFF = ", and allowPrivateImageAddresses is off";

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
        if (allowPrivate || !(host.contains(":") || IPV4_LITERAL.matcher(host).matches())) {
            return null;
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host); // a literal: parsed, not looked up
        } catch (UnknownHostException e) {
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
                    throw new RefusedAddress(hostname + " resolves to " + privateAddress(kind) + " "
                            + address.getHostAddress() + PRIVATE_OFF);
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
                throw new RefusedRedirect("redirected to " + next + ", where " + refusal);
            }
        }
        return response;
    }

    /** The reason that the guard gave for a failed download, or {@code null} if it did not stop it. */
    static String refusal(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof RefusedAddress || e instanceof RefusedRedirect) {
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

    private static String privateAddress(String kind) {
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
}
