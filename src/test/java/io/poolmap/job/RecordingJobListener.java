package io.poolmap.job;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers what it was told, as {@code submitted:op}, {@code finished:op:STATUS} and {@code rejected:reason}. */
public final class RecordingJobListener implements JobListener {

    private final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void submitted(String operation) {
        events.add("submitted:" + operation);
    }

    @Override
    public void rejected(String reason) {
        events.add("rejected:" + reason);
    }

    @Override
    public void finished(String operation, JobStatus status, Duration duration) {
        events.add("finished:" + operation + ":" + status);
    }

    public List<String> events() {
        return List.copyOf(events);
    }

    public void clear() {
        events.clear();
    }
}
