package io.poolmap.job.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.poolmap.PoolmapProperties;
import io.poolmap.web.RequestSizeLimitFilter;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a {@link JobRequest} body with {@link JobRequestReader} when it has the plain shape, and with poolmap's
 * strict Jackson mapper, as every other body, when it has not: the same converter class, mapper and media types as the
 * JSON converter, so that the media types it takes, the problems it raises and what it reads stay Jackson's; only
 * the time it takes for the common shape changes. It reads, never writes.
 *
 * <p>The body is read into one array before it is parsed, within the heap that {@link RequestSizeLimitFilter}
 * reserved for it: the numbers may take what is left of that once the array is counted, and are joined into one
 * batch after the array is let go; a body larger than a few kilobytes is read in chunks as it arrives, and left to
 * Jackson beyond half the reservation's cap, where joining the chunks would pass it.
 */
final class JobRequestConverter extends JacksonJsonHttpMessageConverter {

    private final JobRequestReader reader;
    private final PoolmapProperties properties;
    private final long maxBuffered;

    JobRequestConverter(JsonMapper mapper, PoolmapProperties properties) {
        super(mapper);
        this.reader = JobRequestReader.forMapper(mapper, properties);
        this.properties = properties;
        this.maxBuffered = RequestSizeLimitFilter.maxHeapPerBody(properties) / 2;
    }

    @Override
    public boolean canRead(ResolvableType type, @Nullable MediaType mediaType) {
        return type.toClass() == JobRequest.class && super.canRead(type, mediaType);
    }

    @Override
    public boolean canRead(Class<?> clazz, @Nullable MediaType mediaType) {
        return clazz == JobRequest.class && super.canRead(clazz, mediaType);
    }

    @Override
    public boolean canWrite(ResolvableType type, Class<?> valueClass, @Nullable MediaType mediaType) {
        return false;
    }

    @Override
    public boolean canWrite(Class<?> clazz, @Nullable MediaType mediaType) {
        return false;
    }

    @Override
    public Object read(ResolvableType type, HttpInputMessage input, @Nullable Map<String, Object> hints) throws IOException {
        if (reader == null || !utf8(input)) {
            return super.read(type, input, hints);
        }
        BodyBytes body = BodyBytes.read(input, maxBuffered);
        if (body.bytes() == null) {
            return super.read(type, BodyBytes.message(input.getHeaders(), body.replay()), hints);
        }
        byte[] bytes = body.bytes();
        body = null;
        JobRequestFields read = reader.read(bytes, RequestSizeLimitFilter.heapFor(properties, bytes.length) - bytes.length);
        if (read == null) {
            return super.read(type, BodyBytes.message(input.getHeaders(), new ByteArrayInputStream(bytes)), hints);
        }
        bytes = null; // every number is read: let the body go before they are joined into one batch
        return read.request();
    }

    /** True when the body is UTF-8 by its content type; Jackson detects another Unicode encoding by itself. */
    private static boolean utf8(HttpInputMessage input) {
        MediaType contentType = input.getHeaders().getContentType();
        Charset charset = contentType == null ? null : contentType.getCharset();
        return charset == null || charset.equals(StandardCharsets.UTF_8);
    }
}
