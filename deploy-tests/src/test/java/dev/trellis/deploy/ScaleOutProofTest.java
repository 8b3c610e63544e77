package dev.trellis.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs deploy/local/scale-out.sh (two relays, two consumers, one killed, on the real jars against the
 * local Kafka and PostgreSQL). It takes minutes, needs the local infrastructure and root (it creates
 * its databases as postgres), so it runs only when asked: {@code -Dtrellis.scale-out=true}.
 */
class ScaleOutProofTest {

    @Test
    void nEventsGiveExactlyNEffectsInOrderWhileInstancesComeAndGo() throws Exception {
        assumeTrue(Boolean.getBoolean("trellis.scale-out"),
                "scale-out proof not requested (-Dtrellis.scale-out=true); run deploy/local/scale-out.sh by hand instead");
        Process p = new ProcessBuilder("bash", Repo.path("deploy/local/scale-out.sh").toString())
                .directory(Repo.root().toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.MINUTES), "scale-out.sh did not finish");
        System.out.println(out);
        assertEquals(0, p.exitValue(), "scale-out.sh failed:\n" + out);
        long n = figure(out, "N \\(events\\)\\s*: (\\d+)");
        assertEquals(n, figure(out, "effects \\(inbox rows\\)\\s*: (\\d+)"), "effects");
        assertEquals(0, figure(out, "duplicate effects\\s*: (\\d+)"));
        assertEquals(0, figure(out, "order violations \\(inbox\\)\\s*: (\\d+)"));
        assertEquals(n, figure(out, "records=(\\d+)"), "records on the topic (a relay published a row twice?)");
        assertEquals(0, figure(out, " duplicates=(\\d+)"));
        assertTrue(out.contains("RESULT: PASS"), out);
    }

    private static long figure(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        assertTrue(m.find(), "no figure " + regex + " in:\n" + out);
        return Long.parseLong(m.group(1));
    }
}
