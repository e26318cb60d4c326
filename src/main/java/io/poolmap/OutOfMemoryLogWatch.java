package io.poolmap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Ends the process when anyone logs an {@link OutOfMemoryError}: libraries catch it on their own threads (Infinispan's
 * store writes, for one) and log it, so that no thread dies of it and {@link OutOfMemoryExit}'s handler never hears of
 * it, while the process goes on with a full heap, alive but deaf. Looks only at calls that carry a throwable.
 */
final class OutOfMemoryLogWatch extends TurboFilter {

    /** Watches every logger of Logback's context from now on; nothing when another logging system is in use. */
    static void install() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            OutOfMemoryLogWatch watch = new OutOfMemoryLogWatch();
            watch.setName("poolmap-out-of-memory");
            watch.start();
            context.addTurboFilter(watch);
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (t != null) {
            OutOfMemoryExit.exitIfOutOfMemory(t);
        } else if (params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last) {
            OutOfMemoryExit.exitIfOutOfMemory(last);
        }
        return FilterReply.NEUTRAL;
    }
}
