package dev.trellis.console.service;

import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Template helpers for links that carry what a user typed: {@code {url:param(filter.q)}} in a query string. */
@TemplateExtension(namespace = "url")
public final class UrlParams {
    private UrlParams() {
    }

    /** The value encoded for a URL's query string; empty for none. (Qute escapes the result for HTML as usual.) */
    static String param(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
