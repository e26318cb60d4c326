package io.poolmap.job.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import io.poolmap.operation.Numbers;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

/**
 * For the benchmarks of other packages: a job request body read by {@link JobRequestConverter}, as the application
 * reads it, or by Spring MVC's Jackson converter alone, both over poolmap's strict mapper as the application builds it.
 */
public final class JobRequestBodies {

    private static final ResolvableType JOB_REQUEST = ResolvableType.forClass(JobRequest.class);

    private final JobRequestConverter fast;
    private final JacksonJsonHttpMessageConverter jackson;
    private final JobRequestReader reader;

    public JobRequestBodies(int maxBatchSize) {
        StrictJson json = StrictJson.with("poolmap.max-batch-size=" + maxBatchSize, "poolmap.queue-capacity=" + maxBatchSize);
        this.fast = new JobRequestConverter(json.mapper(), json.properties());
        this.jackson = new JacksonJsonHttpMessageConverter(json.mapper());
        this.reader = JobRequestReader.forMapper(json.mapper(), json.properties());
    }

    /** Refuses a body that the fast path would leave to Jackson, so that a benchmark of it measures what it says. */
    public void requireFastPath(byte[] body) {
        if (reader.read(body, Long.MAX_VALUE) == null) {
            throw new IllegalStateException("the fast path leaves this body to Jackson");
        }
    }

    /** The body's numbers as {@link JobRequestConverter} reads them. */
    public Numbers readFast(byte[] body) throws IOException {
        return ((JobRequest) fast.read(JOB_REQUEST, message(body), null)).numbers();
    }

    /** The body's numbers as Spring MVC's Jackson converter reads them. */
    public Numbers readJackson(byte[] body) throws IOException {
        return ((JobRequest) jackson.read(JOB_REQUEST, message(body), null)).numbers();
    }

    private static HttpInputMessage message(byte[] body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setContentLength(body.length);
        InputStream in = new ByteArrayInputStream(body);
        return BodyBytes.message(headers, in);
    }
}
