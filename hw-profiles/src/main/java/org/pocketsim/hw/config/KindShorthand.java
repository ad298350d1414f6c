package org.pocketsim.hw.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

/**
 * Lets a typed policy node ({@code router: {kind: cache-prior, lambda: 0.2}}) also be written as
 * its kind alone ({@code router: top-k}) when that kind needs no parameters. Put on the record
 * component: {@code @JsonDeserialize(using = KindShorthand.class) RouterSpec router}; the node's
 * type must be a {@code @JsonTypeInfo(property = "kind")} base type. Binding errors keep their
 * path ({@code router.lambda}), so they are located as any other.
 */
public final class KindShorthand extends JsonDeserializer<Object> implements ContextualDeserializer {

    private final JavaType type;

    public KindShorthand() {
        this(null);
    }

    private KindShorthand(JavaType type) {
        this.type = type;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
        return new KindShorthand(property.getType());
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNode node = ctxt.readTree(p);
        if (node.isTextual()) {
            ObjectNode kindOnly = JsonNodeFactory.instance.objectNode();
            kindOnly.set("kind", node);
            node = kindOnly;
        }
        return ctxt.readTreeAsValue(node, type);
    }

    /** The node's type carries {@code @JsonTypeInfo}; the kind is resolved inside {@link #deserialize}. */
    @Override
    public Object deserializeWithType(JsonParser p, DeserializationContext ctxt, TypeDeserializer typeDeserializer) throws IOException {
        return deserialize(p, ctxt);
    }
}
