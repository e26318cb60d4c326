package io.poolmap.store;

import java.net.BindException;
import java.nio.file.Path;

import io.poolmap.cluster.ClusterProperties;

/**
 * Turns Infinispan's start-up exceptions (often several wrappers deep) into one sentence that names the property to
 * fix and the cause at the bottom of the chain.
 */
final class StartupFailures {

    private StartupFailures() {
    }

    static String describe(Throwable failure, Path directory, ClusterProperties cluster) {
        Throwable root = failure;
        boolean portInUse = false;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            portInUse |= root instanceof BindException;
        }
        if (portInUse) {
            return "poolmap.cluster.bind " + cluster.bind() + ": the port (or the failure-detection port above it) is in use: " + root.getMessage();
        }
        String text = String.valueOf(root.getMessage()) + " " + failure.getMessage();
        if (text.contains("lock")) {
            return "poolmap.store.path " + directory + " is in use by another running poolmap (each member needs its own directory): "
                    + root.getMessage();
        }
        return "poolmap.store.path " + directory + ": the store did not start: " + root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
