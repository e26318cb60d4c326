package io.poolmap;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

/**
 * Ends the process when anyone logs an {@link OutOfMemoryError}: libraries catch it on their own threads (Infinispan's
 * store writes, for one) and log it, so that no thread dies of it and {@link OutOfMemoryExit}'s handler never hears of
 * it, while the process goes on with a full heap, alive but deaf. An appender on the root logger: it sees only what is
 * written, so log calls below their logger's level cost nothing more.
 */
final class OutOfMemoryLogWatch extends AppenderBase<ILoggingEvent> {

    private static final String OUT_OF_MEMORY = OutOfMemoryError.class.getName();

    /** Watches every event written from now on; nothing when another logging system is in use. */
    static void install() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            OutOfMemoryLogWatch watch = new OutOfMemoryLogWatch();
            watch.setContext(context);
            watch.setName("poolmap-out-of-memory");
            watch.start();
            context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(watch);
        }
    }

    @Override
    protected void append(ILoggingEvent event) {
        for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
            if (OUT_OF_MEMORY.equals(cause.getClassName())) {
                OutOfMemoryExit.exit(event.getThreadName(), cause.getClassName() + ": " + cause.getMessage());
            }
        }
    }
}
