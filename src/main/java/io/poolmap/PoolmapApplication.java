package io.poolmap;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import sun.misc.Signal;

/** Starts poolmap: Python's {@code multiprocessing.Pool.map} as a REST service. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PoolmapApplication {

    public static void main(String[] args) {
        OutOfMemoryExit.install();
        exitZeroOnTerm();
        SpringApplication.run(PoolmapApplication.class, args);
        OutOfMemoryLogWatch.install(); // after start-up, which sets Logback up anew
    }

    /**
     * SIGTERM is how Docker, Kubernetes and systemd ask a service to stop. The JVM runs the shutdown hooks (Spring's
     * graceful shutdown) either way, but by default then reports 143, "killed by a signal", so supervisors log an
     * orderly stop as a failure; {@code System.exit(0)} runs the same hooks and reports success.
     */
    static void exitZeroOnTerm() {
        Signal.handle(new Signal("TERM"), signal -> System.exit(0));
    }
}
