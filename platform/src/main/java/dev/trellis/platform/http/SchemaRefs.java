package dev.trellis.platform.http;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * The component schemas that a set of paths uses, directly or through other component schemas: what a
 * document may drop with those paths when nothing else uses it (an unused component is a lint warning and a
 * reader's dead end).
 */
final class SchemaRefs {

    private static final String PREFIX = "#/components/schemas/";

    private final Map<String, Schema> components;
    private final Set<String> found = new TreeSet<>();
    private final Deque<Schema> pending = new ArrayDeque<>();

    private SchemaRefs(Components components) {
        this.components = components == null || components.getSchemas() == null ? Map.of() : components.getSchemas();
    }

    /** The names of the component schemas that {@code items} reach, transitively. */
    static Set<String> usedBy(Collection<PathItem> items, Components components) {
        SchemaRefs refs = new SchemaRefs(components);
        items.forEach(refs::pathItem);
        while (!refs.pending.isEmpty()) {
            refs.schema(refs.pending.pop());
        }
        return refs.found;
    }

    private void pathItem(PathItem item) {
        if (item.getParameters() != null) {
            item.getParameters().forEach(this::parameter);
        }
        if (item.getOperations() == null) {
            return;
        }
        item.getOperations().values().forEach(operation -> {
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(this::parameter);
            }
            if (operation.getRequestBody() != null) {
                content(operation.getRequestBody().getContent());
            }
            if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                operation.getResponses().getAPIResponses().values().forEach(response -> {
                    content(response.getContent());
                    if (response.getHeaders() != null) {
                        response.getHeaders().values().forEach(this::header);
                    }
                });
            }
        });
    }

    private void parameter(Parameter parameter) {
        push(parameter.getSchema());
        content(parameter.getContent());
    }

    private void header(Header header) {
        push(header.getSchema());
        content(header.getContent());
    }

    private void content(Content content) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(type -> push(type.getSchema()));
        }
    }

    private void schema(Schema schema) {
        if (schema == null) {
            return;
        }
        String ref = schema.getRef();
        if (ref != null && ref.startsWith(PREFIX)) {
            String name = ref.substring(PREFIX.length());
            if (found.add(name) && components.containsKey(name)) {
                pending.push(components.get(name));
            }
        }
        push(schema.getItems(), schema.getNot(), schema.getAdditionalPropertiesSchema(), schema.getContains(),
                schema.getIfSchema(), schema.getThenSchema(), schema.getElseSchema(), schema.getPropertyNames());
        pushAll(schema.getAllOf());
        pushAll(schema.getAnyOf());
        pushAll(schema.getOneOf());
        pushAll(schema.getPrefixItems());
        if (schema.getProperties() != null) {
            pushAll(schema.getProperties().values());
        }
        if (schema.getPatternProperties() != null) {
            pushAll(schema.getPatternProperties().values());
        }
    }

    private void push(Schema... schemas) {
        for (Schema s : schemas) {
            if (s != null) {
                pending.push(s);
            }
        }
    }

    private void pushAll(Collection<Schema> schemas) {
        if (schemas != null) {
            schemas.forEach(this::push);
        }
    }
}
