package io.lancers.server.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** The address to tell people (and discovery replies) to connect to. Looks at interfaces only; sends nothing. */
public final class LanAddress {

    private LanAddress() {
    }

    /**
     * The bind address itself when it is a specific one; for a wildcard bind, this machine's
     * LAN-facing IPv4 address (site-local first), or 127.0.0.1 when there is none.
     */
    public static String advertisedHost(String bindAddress) {
        return advertisedHosts(bindAddress).get(0);
    }

    /**
     * Every address a friend could use: the bind address when it is a specific one; for a wildcard
     * bind, each LAN-facing IPv4 address of this machine (site-local first), or 127.0.0.1 when there is none.
     */
    public static List<String> advertisedHosts(String bindAddress) {
        if (!bindAddress.equals("0.0.0.0") && !bindAddress.equals("::") && !bindAddress.equals("[::]")) {
            return List.of(bindAddress.contains(":") && !bindAddress.startsWith("[") ? "[" + bindAddress + "]" : bindAddress);
        }
        List<String> hosts = lanIpv4().stream().map(InetAddress::getHostAddress).toList();
        return hosts.isEmpty() ? List.of("127.0.0.1") : hosts;
    }

    private static List<InetAddress> lanIpv4() {
        try {
            return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .filter(LanAddress::usable)
                    .flatMap(nic -> Collections.list(nic.getInetAddresses()).stream())
                    .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress()
                            && !address.isLinkLocalAddress())
                    .sorted(Comparator.comparing(address -> address.isSiteLocalAddress() ? 0 : 1))
                    .toList();
        } catch (SocketException e) {
            return List.of();
        }
    }

    private static boolean usable(NetworkInterface nic) {
        try {
            return nic.isUp() && !nic.isLoopback() && !nic.isVirtual() && !nic.isPointToPoint();
        } catch (SocketException e) {
            return false;
        }
    }
}
