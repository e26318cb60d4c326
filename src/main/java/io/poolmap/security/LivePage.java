package io.poolmap.security;

import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Access rules of the live page at {@code /}: its document and static files are open even with API keys (the page
 * asks for a key itself, keeps it in the tab and sends it only to the API), and its document carries a
 * Content-Security-Policy that lets it load nothing but its own scripts, styles and images, talk to nothing but
 * poolmap, run no inline script or style, and build no markup from strings (Trusted Types), so that a string in a
 * job or a problem detail can never run as code. Swagger UI keeps Spring Security's default headers only.
 */
final class LivePage {

    /** The page's document and its static files (src/main/resources/static). */
    static final String[] PATHS = {"/", "/index.html", "/favicon.svg", "/app/**"};

    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'; require-trusted-types-for 'script'; trusted-types 'none'";

    private LivePage() {
    }

    /** Writes {@link #POLICY} on the page's document, {@code /} or {@code /index.html}. */
    static HeaderWriter policyHeader() {
        return new DelegatingRequestMatcherHeaderWriter(
                new OrRequestMatcher(PathPatternRequestMatcher.pathPattern("/"), PathPatternRequestMatcher.pathPattern("/index.html")),
                new StaticHeadersWriter("Content-Security-Policy", POLICY));
    }
}
