package dev.picket.bench;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * The generator sends load only to this machine: a load test aimed anywhere else is a mistake
 * at best, so a host that is not (or does not resolve only to) a loopback address is refused.
 */
public final class LoopbackOnly {

    private LoopbackOnly() {
    }

    /** @throws IllegalArgumentException naming the host when it is not loopback */
    public static URI check(URI uri) {
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("no host in " + uri + ": the bench sends only to loopback addresses");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve host '" + host + "'; the bench sends only to loopback addresses", e);
        }
        for (InetAddress address : addresses) {
            if (!address.isLoopbackAddress()) {
                throw new IllegalArgumentException("refusing to send load to " + host + " (" + address.getHostAddress()
                        + "): the bench sends only to loopback addresses (127.0.0.0/8, ::1, localhost)");
            }
        }
        return uri;
    }
}
