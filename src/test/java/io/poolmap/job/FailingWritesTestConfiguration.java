package io.poolmap.job;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.poolmap.operation.Numbers;
import io.poolmap.store.IdempotentSubmission;
import io.poolmap.store.PackedChunk;
import io.poolmap.store.StoredJob;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * For slice tests over HTTP: the real store's archive, whose writes a test can make fail as a full disk would, to see
 * what a client gets. Import it beside {@link JobEngineTestConfiguration}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FailingWritesTestConfiguration {

    @Bean
    @Primary
    FailingWrites failingWrites(StoreJobArchive store) {
        return new FailingWrites(store);
    }

    /** The store's archive with a switch: while {@link #failWith} is set, keeping a job and claiming a key throw it. */
    public static final class FailingWrites implements JobArchive {

        private final JobArchive store;
        private volatile RuntimeException failure;

        FailingWrites(JobArchive store) {
            this.store = store;
        }

        /** From now on keeping a job and claiming a key throw {@code failure}; {@code null} lets them through again. */
        public void failWith(RuntimeException failure) {
            this.failure = failure;
        }

        private void failIfAsked() {
            RuntimeException now = failure;
            if (now != null) {
                throw now;
            }
        }

        @Override
        public void keep(Job job) {
            failIfAsked();
            store.keep(job);
        }

        @Override
        public Optional<IdempotentSubmission> claimKey(String key, String requestHash, String jobId) {
            failIfAsked();
            return store.claimKey(key, requestHash, jobId);
        }

        @Override
        public void segmentDone(Job job, int segment) {
            store.segmentDone(job, segment);
        }

        @Override
        public boolean finished(Job job, Runnable heapFreed) {
            return store.finished(job, heapFreed);
        }

        @Override
        public List<StoredJob> records() {
            return store.records();
        }

        @Override
        public Numbers inputs(StoredJob record) {
            return store.inputs(record);
        }

        @Override
        public JobData storedData(StoredJob record) {
            return store.storedData(record);
        }

        @Override
        public Optional<PackedChunk> segment(String jobId, int segment) {
            return store.segment(jobId, segment);
        }

        @Override
        public void forget(Job job) {
            store.forget(job);
        }

        @Override
        public long removeNumbersWithoutRecord(Set<String> recorded) {
            return store.removeNumbersWithoutRecord(recorded);
        }

        @Override
        public void releaseKey(String key, String jobId) {
            store.releaseKey(key, jobId);
        }

        @Override
        public boolean takeOverKey(String key, IdempotentSubmission stale, String jobId) {
            return store.takeOverKey(key, stale, jobId);
        }

        @Override
        public boolean claimedByAnotherLiveMember(IdempotentSubmission claim) {
            return store.claimedByAnotherLiveMember(claim);
        }
    }
}
