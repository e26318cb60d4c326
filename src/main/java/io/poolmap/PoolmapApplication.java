package io.poolmap;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts poolmap: Python's {@code multiprocessing.Pool.map} as a REST service. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PoolmapApplication {

    public static void main(String[] args) {
        SpringApplication.run(PoolmapApplication.class, args);
    }
}
