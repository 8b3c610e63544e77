package dev.trellis.contracts;

import static io.restassured.module.jsv.JsonSchemaValidator.matchesJsonSchemaInClasspath;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.restassured.module.jsv.JsonSchemaValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.hamcrest.StringDescription;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the three faces of every event type in step: the Java record, the JSON Schema and the
 * example. Each catalog entry is its own test case; the last tests look at the catalog as a whole
 * and at what is on disk, so that nothing exists outside the catalog.
 */
class EventCatalogTest {

    private static final Pattern TYPE_NAME = Pattern.compile(
            "^dev\\.trellis\\.(?<aggregate>[a-z]+(?:-[a-z]+)*)\\.[a-z]+(?:-[a-z]+)*\\.v[1-9][0-9]*$");
    // The schemas must use exactly these patterns, so a UUID or a date means the same everywhere.
    private static final String UUID_PATTERN =
            "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
    private static final String DATE_PATTERN = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";
    private static final String UNKNOWN_PROPERTY = "unexpectedProperty";

    /** Strict on the way in; ISO strings for java.time on the way out. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                    DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                    DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
                    DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    static Stream<Named<EventType>> eventTypes() {
        return EventCatalog.all().stream().map(t -> Named.of(t.type(), t));
    }

    // ---------------------------------------------------------------- per event type

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void exampleRoundTripsThroughItsRecord(EventType type) throws IOException {
        String example = read(type.exampleResource());

        Object payload = MAPPER.readValue(example, type.payload());

        assertInstanceOf(type.payload(), payload);
        assertEquals(MAPPER.readTree(example), MAPPER.valueToTree(payload),
                type.type() + ": serialising the record must give back the example");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void exampleMatchesItsSchema(EventType type) {
        String example = read(type.exampleResource());
        JsonSchemaValidator validator = matchesJsonSchemaInClasspath(type.schemaResource());

        assertThat(type.exampleResource(), example, validator);
        // Warnings mean a keyword was ignored, e.g. an unsupported "format": the schema would be
        // weaker than it reads.
        String report = StringDescription.toString(validator);
        assertFalse(report.contains("warning"), () -> type.type() + ": schema validation warned:\n" + report);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void schemaRejectsBrokenVariantsOfTheExample(EventType type) {
        JsonNode example = readTree(type.exampleResource());
        JsonNode schema = readTree(type.schemaResource());
        List<Mutation> mutations = new ArrayList<>();
        collectMutations(example, schema, schema, JsonPointer.empty(), mutations);

        assertTrue(mutations.size() > 2, type.type() + ": expected at least a missing and an unknown field");
        assertAll(mutations.stream().map(mutation -> () -> {
            JsonSchemaValidator validator = matchesJsonSchemaInClasspath(type.schemaResource());
            boolean valid = validator.matches(mutation.apply(example).toString());
            String report = StringDescription.toString(validator);
            assertFalse(valid, () -> type.type() + ": schema accepted " + mutation.description());
            assertTrue(report.contains("keyword: \"" + mutation.keyword() + "\""),
                    () -> type.type() + ": " + mutation.description() + " was rejected, but not by '"
                            + mutation.keyword() + "':\n" + report);
        }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void schemaDescribesExactlyTheRecord(EventType type) {
        assertObjectSchemaDescribes(type.payload(), readTree(type.schemaResource()), type.payload().getSimpleName());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void keyFieldIsARequiredNonNullId(EventType type) {
        RecordComponent key = Arrays.stream(type.payload().getRecordComponents())
                .filter(c -> c.getName().equals(type.keyField()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(type.type() + ": no component " + type.keyField()));
        assertEquals(UUID.class, key.getType(), type.type() + ": key type");
        JsonNode property = readTree(type.schemaResource()).path("properties").path(type.keyField());
        assertEquals("string", property.path("type").asText(), type.type() + ": the key must not be nullable");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void typeNameTopicAndPackageAgree(EventType type) throws ReflectiveOperationException {
        var name = TYPE_NAME.matcher(type.type());
        assertTrue(name.matches(), type.type() + " is not dev.trellis.<aggregate>.<fact>.v<N>");
        String aggregate = name.group("aggregate");

        assertEquals("trellis." + aggregate + ".events", type.topic(), type.type() + ": topic");
        assertEquals("dev.trellis.contracts." + aggregate, type.payload().getPackageName(), type.type() + ": package");
        assertEquals(type.type(), type.payload().getField("TYPE").get(null), type.type() + ": the record's TYPE");
    }

    // ---------------------------------------------------------------- the whole catalog

    @Test
    void typeNamesFollowTheConvention() {
        assertAll(EventCatalog.all().stream().map(t -> () ->
                assertTrue(TYPE_NAME.matcher(t.type()).matches(), t.type())));
    }

    @Test
    void everyTopicIsDeclaredInTopics() throws IllegalAccessException {
        Set<String> declared = new HashSet<>();
        for (var field : Topics.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                declared.add((String) field.get(null));
            }
        }
        assertEquals(declared, Set.copyOf(Topics.all()), "Topics.all() lists every constant");
        assertAll(EventCatalog.all().stream().map(t -> () ->
                assertTrue(declared.contains(t.topic()), t.type() + " goes to unknown topic " + t.topic())));
        assertEquals(declared, EventCatalog.all().stream().map(EventType::topic).collect(Collectors.toSet()),
                "every topic carries at least one event type");
    }

    @Test
    void typesAndPayloadsAreUnique() {
        assertUnique(EventType::type);
        assertUnique(EventType::payload);
    }

    @Test
    void lookupsFindEveryEntry() {
        assertAll(EventCatalog.all().stream().map(t -> () -> {
            assertEquals(t, EventCatalog.byType(t.type()).orElseThrow());
            assertEquals(t, EventCatalog.byPayload(t.payload()).orElseThrow());
        }));
        assertTrue(EventCatalog.byType("dev.trellis.partner.no-such-thing.v1").isEmpty());
    }

    @Test
    void schemaFilesOnDiskAreExactlyTheCatalog() throws IOException {
        assertEquals(expectedFileNames(), fileNamesIn("src/main/resources/schemas"));
    }

    @Test
    void exampleFilesOnDiskAreExactlyTheCatalog() throws IOException {
        assertEquals(expectedFileNames(), fileNamesIn("src/main/resources/examples"));
    }

    @Test
    void everyRecordIsAPayloadOrPartOfOne() throws IOException, URISyntaxException, ClassNotFoundException {
        Set<Class<?>> reachable = new HashSet<>();
        EventCatalog.all().forEach(t -> collectRecords(t.payload(), reachable));

        Path classes = Path.of(EventCatalog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> orphans = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                Class<?> c = Class.forName(name.substring(0, name.length() - ".class".length()));
                if (c.isRecord() && c != EventType.class && !reachable.contains(c)) {
                    orphans.add(c.getName());
                }
            }
        }
        assertEquals(Set.of(), orphans, "records that no catalog entry uses");
    }

    // ---------------------------------------------------------------- schema vs record

    private static void assertObjectSchemaDescribes(Class<?> record, JsonNode schema, String where) {
        Set<String> types = schema.path("type").isArray() ? textValues(schema.path("type")) : Set.of(schema.path("type").asText());
        assertTrue(types.equals(Set.of("object")) || types.equals(Set.of("object", "null")), where + ": type " + types);
        assertTrue(schema.path("additionalProperties").isBoolean() && !schema.path("additionalProperties").asBoolean(),
                where + ": additionalProperties must be false");
        Set<String> components = Arrays.stream(record.getRecordComponents())
                .map(RecordComponent::getName)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        assertEquals(components, fieldNames(schema.path("properties")), where + ": properties");
        // Nullable fields are required too: they are sent as an explicit null, never left out.
        assertEquals(components, textValues(schema.path("required")), where + ": required");
        for (RecordComponent component : record.getRecordComponents()) {
            assertPropertyDescribes(component.getType(), component.getGenericType(),
                    schema.path("properties").path(component.getName()), where + "." + component.getName());
        }
    }

    private static void assertPropertyDescribes(Class<?> type, Type genericType, JsonNode property, String where) {
        Set<String> jsonTypes = property.path("type").isArray()
                ? textValues(property.path("type"))
                : Set.of(property.path("type").asText());
        if (type.isPrimitive()) {
            assertFalse(jsonTypes.contains("null"), where + ": a primitive cannot be null");
        }
        Set<String> nonNull = new HashSet<>(jsonTypes);
        nonNull.remove("null");

        if (type == UUID.class) {
            assertEquals(Set.of("string"), nonNull, where);
            assertEquals(UUID_PATTERN, property.path("pattern").asText(), where + ": UUID pattern");
        } else if (type == LocalDate.class) {
            assertEquals(Set.of("string"), nonNull, where);
            assertEquals(DATE_PATTERN, property.path("pattern").asText(), where + ": date pattern");
        } else if (type == Instant.class) {
            assertEquals(Set.of("string"), nonNull, where);
            assertEquals("date-time", property.path("format").asText(), where + ": format");
        } else if (type == String.class) {
            assertEquals(Set.of("string"), nonNull, where);
        } else if (type == boolean.class) {
            assertEquals(Set.of("boolean"), nonNull, where);
        } else if (type == int.class || type == Integer.class) {
            assertEquals(Set.of("integer"), nonNull, where);
        } else if (type.isEnum()) {
            assertEquals(Set.of("string"), nonNull, where);
            List<String> constants = Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
            assertEquals(constants, StreamSupport.stream(property.path("enum").spliterator(), false)
                    .map(JsonNode::asText).toList(), where + ": enum values are the Java constants, in order");
        } else if (type == List.class) {
            assertEquals(Set.of("array"), nonNull, where);
            Type element = ((ParameterizedType) genericType).getActualTypeArguments()[0];
            if (element instanceof Class<?> c && c.isRecord()) {
                assertObjectSchemaDescribes(c, property.path("items"), where + "[]");
            } else if (element instanceof Class<?> c) {
                assertPropertyDescribes(c, c, property.path("items"), where + "[]");
            } else {
                fail(where + ": unsupported list element " + element);
            }
        } else if (type.isRecord()) {
            assertEquals(Set.of("object"), nonNull, where);
            assertObjectSchemaDescribes(type, property, where);
        } else {
            fail(where + ": " + type.getName() + " is not a contract type (use UUID, String, LocalDate, Instant,"
                    + " boolean, int, an enum, a List or a record)");
        }
    }

    private static void collectRecords(Class<?> record, Set<Class<?>> into) {
        if (!into.add(record)) {
            return;
        }
        for (RecordComponent component : record.getRecordComponents()) {
            if (component.getType().isRecord()) {
                collectRecords(component.getType(), into);
            }
            if (component.getGenericType() instanceof ParameterizedType p) {
                for (Type argument : p.getActualTypeArguments()) {
                    if (argument instanceof Class<?> c && c.isRecord()) {
                        collectRecords(c, into);
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- broken variants

    /** One way of breaking the example, and the schema keyword expected to catch it. */
    private record Mutation(String description, String keyword, JsonPointer at, JsonNode replacement) {

        /** A copy of the example with the node at {@code at} replaced, or removed if replacement is null. */
        JsonNode apply(JsonNode example) {
            JsonNode copy = example.deepCopy();
            JsonNode parent = copy.at(at.head());
            JsonPointer last = at.last();
            if (parent instanceof ObjectNode object) {
                if (replacement == null) {
                    object.remove(last.getMatchingProperty());
                } else {
                    object.set(last.getMatchingProperty(), replacement);
                }
            } else if (parent instanceof ArrayNode array && replacement != null) {
                array.set(last.getMatchingIndex(), replacement);
            } else {
                throw new IllegalStateException("cannot apply " + description);
            }
            return copy;
        }
    }

    /**
     * Walks the example alongside its schema and breaks it in every way the schema claims to
     * forbid: each property missing, an unknown property on each object, and every constrained
     * value (pattern, format, enum, minLength, minimum, type, nullability, uniqueness) violated.
     */
    private static void collectMutations(JsonNode node, JsonNode schema, JsonNode root, JsonPointer at,
                                         List<Mutation> into) {
        schema = resolve(schema, root);
        JsonNodeFactory json = JsonNodeFactory.instance;
        String path = at.toString().isEmpty() ? "/" : at.toString();

        if (node.isObject()) {
            into.add(new Mutation("an unknown property in " + path, "additionalProperties",
                    at.appendProperty(UNKNOWN_PROPERTY), TextNode.valueOf("surprise")));
            for (var field : (Iterable<String>) node::fieldNames) {
                JsonPointer child = at.appendProperty(field);
                into.add(new Mutation("the example without " + child, "required", child, null));
                collectMutations(node.get(field), schema.path("properties").path(field), root, child, into);
            }
            return;
        }
        if (node.isArray()) {
            if (schema.path("uniqueItems").asBoolean() && !node.isEmpty()) {
                ArrayNode duplicated = ((ArrayNode) node).deepCopy().add(node.get(0).deepCopy());
                into.add(new Mutation("a duplicate item in " + path, "uniqueItems", at, duplicated));
            }
            for (int i = 0; i < node.size(); i++) {
                collectMutations(node.get(i), schema.path("items"), root, at.appendIndex(i), into);
            }
            return;
        }
        if (node.isNull()) {
            return;
        }
        boolean nullable = schema.path("type").isArray() && textValues(schema.path("type")).contains("null");
        if (!nullable) {
            into.add(new Mutation("null at " + path, "type", at, json.nullNode()));
        }
        if (node.isTextual()) {
            into.add(new Mutation("a number at " + path, "type", at, json.numberNode(42)));
            for (String keyword : List.of("pattern", "format", "enum")) {
                if (schema.has(keyword)) {
                    into.add(new Mutation("a value breaking '" + keyword + "' at " + path, keyword, at,
                            TextNode.valueOf("not valid!")));
                }
            }
            if (schema.path("minLength").asInt() > 0) {
                into.add(new Mutation("an empty string at " + path, "minLength", at, TextNode.valueOf("")));
            }
        } else {
            into.add(new Mutation("a string at " + path, "type", at, TextNode.valueOf(node.asText())));
        }
        if (schema.has("minimum")) {
            into.add(new Mutation("a value below the minimum at " + path, "minimum", at,
                    json.numberNode(schema.path("minimum").asLong() - 1)));
        }
    }

    /** Follows a local {@code $ref} ("#/definitions/..."), in case a schema uses one. */
    private static JsonNode resolve(JsonNode schema, JsonNode root) {
        while (schema.has("$ref")) {
            String ref = schema.path("$ref").asText();
            assertTrue(ref.startsWith("#"), "only local $refs are supported: " + ref);
            schema = root.at(ref.substring(1));
        }
        return schema;
    }

    // ---------------------------------------------------------------- helpers

    private static Set<String> expectedFileNames() {
        return EventCatalog.all().stream().map(t -> t.type() + ".json").collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> fileNamesIn(String directory) throws IOException {
        Path dir = Path.of(System.getProperty("basedir", ".")).resolve(directory);
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static <T> void assertUnique(Function<EventType, T> key) {
        List<T> keys = EventCatalog.all().stream().map(key).toList();
        assertEquals(keys.size(), new HashSet<>(keys).size(), "duplicates in " + keys);
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new LinkedHashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> textValues(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static JsonNode readTree(String resource) {
        try {
            return MAPPER.readTree(read(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = EventCatalogTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, "missing classpath resource " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }
}
