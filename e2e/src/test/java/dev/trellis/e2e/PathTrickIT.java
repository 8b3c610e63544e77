package dev.trellis.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.e2e.support.Caller;
import dev.trellis.e2e.support.RawHttp;
import dev.trellis.e2e.support.Stack;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Request targets crafted to slip past a path rule of the gateway, sent byte for byte. None may
 * reach what its caller may not: each gets a 4xx and no protected data.
 */
class PathTrickIT {
    /** Anonymous may GET /api/events/**; these try to climb from there to protected paths. */
    private static final List<String> ANONYMOUS_TRICKS = List.of(
            "/api/partners/",
            "/api/partners//",
            "//api/partners",
            "/api//partners",
            "/API/partners",
            "/api/Partners",
            "/api/PARTNERS",
            "/api/partners;x=y",
            "/api;x=y/partners",
            "/api/partners;/",
            "/api%2Fpartners",
            "/api/partners%2F",
            "/api/events/../partners",
            "/api/events/..;/partners",
            "/api/events/..;x=y/partners",
            "/api/events/%2e%2e/partners",
            "/api/events/%2E%2E/partners",
            "/api/events/..%2Fpartners",
            "/api/events/%2e%2e%2fpartners",
            "/api/events%2F..%2Fpartners",
            "/api/events/.%2e/partners",
            "/api/events/%252e%252e/partners",
            "/api/events/..\\partners",
            "/api/calendar/../../api/contacts",
            "/api/user-groups/..;/..;/api/contacts",
            "/api/events/../../q/metrics",
            "/api/events/..;/..;/q/health",
            "/q/metrics",
            "/q/openapi",
            "/q/dev",
            "/api/partners/" + Stack.PARTNER_A + "/",
            "/api/partners/" + Stack.PARTNER_A + ";a=b",
            "/api/partners?x=/api/events",
            "/api/partners#/api/events");

    /** Partner A's token; these try to reach foundation-only paths or partner B. */
    private static final List<String> PARTNER_TRICKS = List.of(
            "/api/contacts/",
            "/api/Contacts",
            "/api/contacts;x=y",
            "/api/partners/me/../../contacts",
            "/api/partners/me/..;/..;/contacts",
            "/api/partners/me/%2e%2e/%2e%2e/contacts",
            "/api/partners/" + Stack.PARTNER_B + "/",
            "/api/partners/" + Stack.PARTNER_B + ";x=y",
            "/api/partners//" + Stack.PARTNER_B,
            "/api/partners/me/../" + Stack.PARTNER_B,
            "/api/partners/" + Stack.PARTNER_B.toString().toUpperCase(),
            "/api/partners/" + Stack.PARTNER_A + "/touchpoints/",
            "/api/partners/" + Stack.PARTNER_A + "/TOUCHPOINTS",
            "/api/partners/" + Stack.PARTNER_A + "/touchpoints;x=y",
            "/api/touchpoints/next-steps/",
            "/api/touchpoints//next-steps");

    @TestFactory
    Stream<DynamicTest> anonymousTricksAreRefused() {
        return tricks(ANONYMOUS_TRICKS, null);
    }

    @TestFactory
    Stream<DynamicTest> partnerTricksAreRefused() {
        return tricks(PARTNER_TRICKS, Caller.PARTNER_A.token());
    }

    private static Stream<DynamicTest> tricks(List<String> targets, String token) {
        List<DynamicTest> tests = new ArrayList<>();
        for (String target : targets) {
            tests.add(DynamicTest.dynamicTest(target, () -> {
                RawHttp.Reply reply = RawHttp.get(Stack.GATEWAY, target, token);
                String where = target + " -> " + reply.status() + " " + reply.body();
                assertTrue(reply.status() >= 400 && reply.status() < 500, where);
                for (String leak : List.of("Borealis", "\"items\"", "jvm_", "\"checks\"", "\"openapi\":", "openapi: 3", "\"nextSteps\"")) {
                    assertFalse(reply.body().contains(leak), "leaks " + leak + ": " + where);
                }
            }));
        }
        return tests.stream();
    }
}
