package dev.trellis.gateway.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class YamlTest {

    @Test
    void nestedObjectsAndArraysAreBlocksAndEveryStringIsQuoted() {
        JsonObject document = new JsonObject()
                .put("version", "1.0")
                .put("flag", "yes")
                .put("count", 3)
                .put("on", true)
                .put("nothing", null)
                .put("text", "two\nlines: \"quoted\" #not-a-comment")
                .put("empty", new JsonObject())
                .put("none", new JsonArray())
                .put("list", new JsonArray().add("a").add(new JsonObject().put("k", 1)).add(new JsonArray().add(2)))
                .put("map", new JsonObject().put("inner", new JsonObject().put("deep", "x")));

        assertEquals("""
                "version": "1.0"
                "flag": "yes"
                "count": 3
                "on": true
                "nothing": null
                "text": "two\\nlines: \\"quoted\\" #not-a-comment"
                "empty": {}
                "none": []
                "list":
                  - "a"
                  -
                    "k": 1
                  -
                    - 2
                "map":
                  "inner":
                    "deep": "x"
                """, Yaml.write(document));
    }
}
