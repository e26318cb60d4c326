package io.poolmap.store;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import io.poolmap.cluster.JGroupsChannels;

/**
 * Loopback ports for cluster members: each free together with the failure-detection ports above it (JGroups' FD_SOCK2
 * tries a few), picked below the ephemeral range so that the OS does not hand them to a client socket meanwhile, and
 * never overlapping what this JVM has handed out before.
 */
public final class FreePorts {

    private static final Set<Integer> RESERVED = new HashSet<>();
    private static final int FAILURE_DETECTION_PORTS = 4;

    private FreePorts() {
    }

    /** A loopback port for a member's cluster traffic, with its failure-detection ports free too. */
    public static synchronized int forMember() {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 30_000);
            List<Integer> needed = needed(port);
            if (needed.stream().noneMatch(RESERVED::contains) && needed.stream().allMatch(FreePorts::isFree)) {
                RESERVED.addAll(needed);
                return port;
            }
        }
        throw new IllegalStateException("no free port for a cluster member between 20000 and 30000");
    }

    private static List<Integer> needed(int port) {
        int detection = port + JGroupsChannels.FAILURE_DETECTION_OFFSET;
        return IntStream.concat(IntStream.of(port), IntStream.range(detection, detection + FAILURE_DETECTION_PORTS)).boxed().toList();
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
