package io.poolmap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import io.poolmap.cluster.ClusterProperties;
import io.poolmap.cluster.HostPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store directory that cannot hold poolmap's store stops the start with a message naming poolmap.store.path. */
class StoreStartupTest {

    @TempDir
    Path directory;

    @Test
    void aPathThatIsAFileIsRefused() throws IOException {
        Path file = Files.writeString(directory.resolve("store"), "not a directory");

        assertThatThrownBy(() -> open(file)).isInstanceOf(StoreException.class)
                .hasMessageContaining("poolmap.store.path").hasMessageContaining("is not a directory");
    }

    @Test
    void aPathThatCannotBeCreatedIsRefused() throws IOException {
        Path file = Files.writeString(directory.resolve("file"), "in the way");

        assertThatThrownBy(() -> open(file.resolve("store"))).isInstanceOf(StoreException.class)
                .hasMessageContaining("poolmap.store.path").hasMessageContaining("cannot be created or written");
    }

    @Test
    void aMissingDirectoryIsCreatedAsANewStore() {
        Path store = directory.resolve("a/new/store");

        try (Store opened = open(store)) {
            assertThat(opened.path()).isEqualTo(store);
        }
        assertThat(store.resolve(StoreDirectory.MARKER)).exists();
    }

    @Test
    void anotherProgramsDirectoryIsNotMixedWith() throws IOException {
        Files.writeString(directory.resolve("notes.txt"), "someone else's");

        assertThatThrownBy(() -> open(directory)).isInstanceOf(StoreException.class)
                .hasMessageContaining("poolmap.store.path").hasMessageContaining("holds no poolmap store");
        assertThat(directory).isDirectoryNotContaining("glob:**/jobs");
    }

    @Test
    void aStoreOfAnotherFormatIsRefused() throws IOException {
        open(directory).close();
        Files.writeString(directory.resolve(StoreDirectory.MARKER), "format=2\n");

        assertThatThrownBy(() -> open(directory)).isInstanceOf(StoreException.class)
                .hasMessageContaining("poolmap.store.path").hasMessageContaining("format 2");
    }

    @Test
    void damagedJobFilesStopTheStartRatherThanLosingJobsSilently() throws IOException {
        try (Store store = open(directory)) {
            for (int i = 0; i < 50; i++) {
                store.jobs().put("job-" + i, StoredJobs.aRunningJob("job-" + i, i));
            }
        }
        try (var files = Files.list(directory.resolve("jobs/data"))) {
            for (Path file : files.toList()) {
                byte[] noise = new byte[(int) Files.size(file)];
                new Random(7).nextBytes(noise);
                Files.write(file, noise);
            }
        }

        assertThatThrownBy(() -> open(directory)).isInstanceOf(StoreException.class)
                .hasMessageContaining("poolmap.store.path").hasMessageContaining("'jobs' cache cannot be read");
    }

    @Test
    void aSecondStoreOnTheSameDirectoryIsRefusedWhileTheFirstRuns() {
        try (Store first = open(directory)) {
            assertThatThrownBy(() -> open(directory)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("poolmap.store.path").hasMessageContaining("in use");
            first.jobs().put("still", StoredJobs.aRunningJob("still", 1));
            assertThat(first.jobs().get("still")).isNotNull();
        }
    }

    @Test
    void aClusterPortInUseStopsTheStartNamingTheBindProperty() throws IOException {
        int port = FreePorts.forMember();
        HostPort bind = new HostPort("127.0.0.1", port);
        try (ServerSocket taken = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> Store.open(StoreProperties.at(directory), ClusterProperties.staticMembers(bind, List.of(bind), Duration.ofSeconds(2))))
                    .isInstanceOf(StoreException.class).hasMessageContaining("poolmap.cluster.bind 127.0.0.1:" + port).hasMessageContaining("in use");
        }
    }

    private static Store open(Path path) {
        return Store.open(StoreProperties.at(path), ClusterProperties.standalone());
    }
}
