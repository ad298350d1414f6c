package org.pocketsim.hw.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component that a config file may leave out. Every other component is required
 * by {@link YamlConfig}; an omitted optional one reaches the constructor as {@code null} (or 0 /
 * false for primitives), and the constructor substitutes its default.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface ConfigOptional {
}
