package dev.jinaclip.onnx.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.function.UnaryOperator;
import javax.net.SocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sockets of image downloads, which refuse to connect to a non-public address unless allowed: the last of
 * {@link ImageUrlGuard}'s checks, which holds whatever was made of a URL's host on the way.
 */
final class GuardedSockets extends SocketFactory {

    private static final Logger LOG = LoggerFactory.getLogger(GuardedSockets.class);

    private final boolean allowPrivate;
    private final UnaryOperator<InetSocketAddress> route;

    /** Refuses private addresses unless {@code allowPrivate}; connects to {@code route} of the address checked. */
    GuardedSockets(boolean allowPrivate, UnaryOperator<InetSocketAddress> route) {
        this.allowPrivate = allowPrivate;
        this.route = route;
    }

    @Override
    public Socket createSocket() {
        // a plain Socket goes through the JVM's SOCKS proxy (ProxySelector), which the checks cannot see past
        return allowPrivate ? new CheckedSocket() : new CheckedSocket(Proxy.NO_PROXY);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return createSocket(InetAddress.getByName(host), port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return createSocket(InetAddress.getByName(host), port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket socket = createSocket();
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        Socket socket = createSocket();
        socket.bind(new InetSocketAddress(localAddress, localPort));
        socket.connect(new InetSocketAddress(address, port));
        return socket;
    }

    private final class CheckedSocket extends Socket {
        CheckedSocket() {
        }

        CheckedSocket(Proxy proxy) {
            super(proxy);
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            super.connect(checked(endpoint), timeout);
        }
    }

    private SocketAddress checked(SocketAddress endpoint) throws IOException {
        if (!(endpoint instanceof InetSocketAddress address)) {
            return endpoint;
        }
        String kind = allowPrivate || address.isUnresolved() ? null : PrivateAddresses.kind(address.getAddress());
        if (kind != null) {
            LOG.debug("Refused to connect to {} for an image download: a {} address", address, kind);
            throw new ImageUrlGuard.RefusedConnection("the connection would reach "
                    + ImageUrlGuard.privateAddress(kind) + ImageUrlGuard.PRIVATE_OFF);
        }
        return route.apply(address);
    }
}
