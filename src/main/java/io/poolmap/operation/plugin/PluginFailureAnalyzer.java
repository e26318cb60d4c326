package io.poolmap.operation.plugin;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link PluginException} that stopped the start into Spring Boot's "APPLICATION FAILED TO START" report: what
 * is wrong with which jar and class, and what to do, instead of a stack trace through the bean factory.
 */
class PluginFailureAnalyzer extends AbstractFailureAnalyzer<PluginException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PluginException cause) {
        return new FailureAnalysis(cause.getMessage(), "Fix or remove the plug-in jar in poolmap.plugins.dir (plug-ins are "
                + "loaded only at start-up), or start without poolmap.plugins.dir.", cause);
    }
}
