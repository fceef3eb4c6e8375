package io.gazette.render;

import io.pebbletemplates.pebble.attributes.AttributeResolver;
import io.pebbletemplates.pebble.attributes.ResolvedAttribute;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.node.ArgumentsNode;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Reads {@code article.title} and the like from Gazette's own model objects (articles, terms,
 * pagers, page and site views) by a direct call, for Pebble. Pebble's own resolver finds the
 * same method, but for each access makes a cache key of the class, the name and the argument
 * types, looks it up and calls the method by reflection: a list page reads some 300 attributes,
 * and a build renders 16,000 pages at 10,000 articles.
 *
 * <p>It answers only where the answer is certainly Pebble's: an attribute without arguments of a
 * public class of Gazette that is no collection or map, found as Pebble finds it (a public method
 * of that name, any case, with no parameters; else, when there is no public field of that name,
 * {@code getName}, {@code isName}, {@code hasName}), declared by a public class of Gazette. For
 * anything else it answers nothing and Pebble's resolver runs as before.
 */
final class ModelAttributes implements AttributeResolver {
    /** No accessor of ours: Pebble's resolver answers. */
    private static final Function<Object, Object> NONE = o -> null;
    private static final Map<String, Function<Object, Object>> NOT_OURS = Map.of();

    /** Accessors by attribute name, for each class of ours ({@link #NOT_OURS} for other classes). */
    private final ClassValue<Map<String, Function<Object, Object>>> accessors = new ClassValue<>() {
        @Override
        protected Map<String, Function<Object, Object>> computeValue(Class<?> type) {
            boolean ours = type.getName().startsWith("io.gazette.") && Modifier.isPublic(type.getModifiers())
                    && !Iterable.class.isAssignableFrom(type) && !Map.class.isAssignableFrom(type)
                    && !Map.Entry.class.isAssignableFrom(type);
            return ours ? new ConcurrentHashMap<>() : NOT_OURS;
        }
    };

    @Override
    public ResolvedAttribute resolve(Object instance, Object attributeNameValue, Object[] argumentValues,
            ArgumentsNode args, EvaluationContextImpl context, String filename, int lineNumber) {
        if (instance == null || argumentValues != null && argumentValues.length > 0
                || !(attributeNameValue instanceof String name) || name.isEmpty()) {
            return null;
        }
        Map<String, Function<Object, Object>> byName = accessors.get(instance.getClass());
        if (byName == NOT_OURS) {
            return null;
        }
        Function<Object, Object> accessor = byName.get(name);
        if (accessor == null) {
            accessor = find(instance.getClass(), name);
            // names come from the theme's templates: a few per class
            byName.putIfAbsent(name, accessor);
        }
        if (accessor == NONE) {
            return null;
        }
        try {
            return new ResolvedAttribute(accessor.apply(instance));
        } catch (RuntimeException e) {
            // as Pebble reports a method that throws
            throw new PebbleException(e, "Could not call " + name, lineNumber, filename);
        }
    }

    /** The accessor Pebble would call for {@code name} on a {@code type}, or {@link #NONE}. */
    static Function<Object, Object> find(Class<?> type, String name) {
        Method method = method(type, name);
        if (method == null) {
            try {
                type.getField(name);
                return NONE; // a public field: Pebble reads it before trying getName()
            } catch (NoSuchFieldException | SecurityException e) {
                // none: on to getName, isName, hasName, as Pebble
            }
            String capitalised = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            for (String prefix : new String[] {"get", "is", "has"}) {
                method = method(type, prefix + capitalised);
                if (method != null) {
                    break;
                }
            }
        }
        Class<?> owner = method == null ? null : method.getDeclaringClass();
        if (method == null || method.getReturnType() == void.class || Modifier.isStatic(method.getModifiers())
                || !owner.getName().startsWith("io.gazette.") || !Modifier.isPublic(owner.getModifiers())) {
            return NONE;
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            MethodHandle target = lookup.unreflect(method);
            Class<?> result = method.getReturnType().isPrimitive()
                    ? MethodType.methodType(method.getReturnType()).wrap().returnType() : method.getReturnType();
            @SuppressWarnings("unchecked")
            Function<Object, Object> accessor = (Function<Object, Object>) LambdaMetafactory.metafactory(lookup, "apply",
                    MethodType.methodType(Function.class), MethodType.methodType(Object.class, Object.class), target,
                    MethodType.methodType(result, owner)).getTarget().invokeExact();
            return accessor;
        } catch (Throwable e) {
            return NONE; // not callable from here: Pebble's reflection will do
        }
    }

    /** The first public method Pebble's search takes: this name in any case, no parameters. */
    private static Method method(Class<?> type, String name) {
        for (Method candidate : type.getMethods()) {
            if (candidate.getName().equalsIgnoreCase(name) && candidate.getParameterCount() == 0) {
                return candidate;
            }
        }
        return null;
    }
}
