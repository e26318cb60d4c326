package io.poolmap.cluster;

/**
 * A {@code host:port} as the cluster properties name one ({@code 127.0.0.1:7800}, {@code poolmap-1:7800},
 * {@code [::1]:7800}, or a JGroups address keyword such as {@code SITE_LOCAL:7800}); Spring binds the text through
 * {@link #of(String)}, so a malformed value stops the start with the property's name and the reason.
 *
 * @param host a host name, an IP address (IPv6 without brackets) or a JGroups keyword
 * @param port the TCP port, 1 to 65535
 */
public record HostPort(String host, int port) {

    public HostPort {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("a host is required, as in 127.0.0.1:7800");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is outside 1..65535");
        }
    }

    /** Parses {@code host:port}; an IPv6 address is written in brackets, {@code [::1]:7800}. */
    public static HostPort of(String text) {
        String value = text == null ? "" : text.strip();
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new IllegalArgumentException("'" + value + "' is not host:port, as in 127.0.0.1:7800");
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException("'" + value + "': write an IPv6 address in brackets, as in [::1]:7800");
        }
        try {
            return new HostPort(host, Integer.parseInt(value.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' has no numeric port, as in 127.0.0.1:7800");
        }
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
