package io.poolmap.job.web;

import io.poolmap.PoolmapProperties;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts {@link JobRequestConverter} ahead of Spring MVC's converters, so that {@code POST /api/v1/jobs} reads the
 * common body without Jackson's token layer; a component rather than a bean method, so that MVC slice tests of the
 * jobs API read their bodies as the application does.
 */
@Component
class JobRequestReading implements WebMvcConfigurer {

    private final JsonMapper mapper;
    private final PoolmapProperties properties;

    JobRequestReading(JsonMapper mapper, PoolmapProperties properties) {
        this.mapper = mapper;
        this.properties = properties;
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.addCustomConverter(new JobRequestConverter(mapper, properties));
    }
}
