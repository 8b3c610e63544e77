package dev.trellis.platform.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.platform.validation.PublicHttpUrlValidator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicHttpUrlTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://acme-cloud.example", "http://www.cncf.io/about?x=1#top", "https://8.8.8.8/",
            "https://[2001:4860:4860::8888]/", "https://EXAMPLE.org."})
    void publicHttpUrlsPass(String url) {
        assertTrue(PublicHttpUrlValidator.isPublicHttpUrl(url), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.org", "javascript:alert(1)", "file:///etc/passwd", "//example.org",
            "https://", "http://localhost:8080", "http://api.localhost", "http://127.0.0.1", "http://127.1",
            "http://2130706433", "http://0x7f000001", "http://0.0.0.0", "http://10.1.2.3", "http://172.16.0.1",
            "http://192.168.1.1", "http://169.254.169.254/latest/meta-data", "http://100.64.0.1", "http://[::1]/",
            "http://[fd00::1]/", "http://[fe80::1]/", "http://intranet", "http://printer.local",
            "http://db.internal", "https://user:secret@example.org", "https://exa mple.org", " "})
    void otherUrlsFail(String url) {
        assertFalse(PublicHttpUrlValidator.isPublicHttpUrl(url), url);
    }
}
