package org.pocketsim.hw.config;

import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.AnnotatedParameter;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;

/**
 * Makes every record component a required creator property unless it is marked
 * {@link ConfigOptional}, so that a key left out of a config file is an error naming that key.
 */
final class StrictIntrospector extends JacksonAnnotationIntrospector {

    private static final long serialVersionUID = 1L;

    @Override
    public Boolean hasRequiredMarker(AnnotatedMember member) {
        if (member.hasAnnotation(ConfigOptional.class)) {
            return Boolean.FALSE;
        }
        if (member instanceof AnnotatedParameter parameter && parameter.getDeclaringClass().isRecord()
                && parameter.getOwner().getParameterCount() > 0) {
            return Boolean.TRUE;
        }
        return super.hasRequiredMarker(member);
    }
}
