package dev.picket.serverless;

import io.sentry.JsonObjectReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A bounded, JSON-shaped copy of an invocation's input (maps, lists, strings, numbers, booleans) with secrets
 * replaced by {@value #FILTERED}. It is what events carry as request data and where incoming trace headers are
 * looked up, whatever type the handler takes: a map, an event class with getters, a record or raw JSON bytes.
 */
public final class InputSnapshot {

    public static final String FILTERED = "[Filtered]";

    private static final int MAX_DEPTH = 8;
    private static final int MAX_ITEMS = 100;
    private static final int MAX_STRING = 8192;
    private static final List<String> SECRET_KEYS = List.of(
            "password", "passwd", "secret", "token", "authorization", "cookie", "api_key", "apikey", "api-key",
            "credential", "private_key", "session");

    private InputSnapshot() {
    }

    public static Object of(Object input) {
        return copy(input, 0);
    }

    /** Parses {@code json}; input that is not JSON is kept as text. */
    public static Object ofJson(byte[] json) {
        try (JsonObjectReader reader = new JsonObjectReader(
                new InputStreamReader(new ByteArrayInputStream(json), StandardCharsets.UTF_8))) {
            return copy(reader.nextObjectOrNull(), 0);
        } catch (IOException | RuntimeException notJson) {
            return truncate(new String(json, StandardCharsets.UTF_8));
        }
    }

    static boolean isSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return SECRET_KEYS.stream().anyMatch(lower::contains);
    }

    private static Object copy(Object value, int depth) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof CharSequence text) {
            return truncate(text.toString());
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (depth >= MAX_DEPTH) {
            return "[…]";
        }
        if (value instanceof Map<?, ?> map) {
            return copyMap(map, depth);
        }
        if (value instanceof Collection<?> items) {
            return copyList(items, depth);
        }
        if (value instanceof Object[] array) {
            return copyList(List.of(array), depth);
        }
        if (value instanceof byte[] bytes) {
            return "<" + bytes.length + " bytes>";
        }
        if (value.getClass().isRecord()) {
            return copyRecord(value, depth);
        }
        return copyBean(value, depth);
    }

    private static Map<String, Object> copyMap(Map<?, ?> map, int depth) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (copy.size() == MAX_ITEMS) {
                break;
            }
            String key = String.valueOf(entry.getKey());
            copy.put(key, isSecret(key) ? FILTERED : copy(entry.getValue(), depth + 1));
        }
        return copy;
    }

    private static List<Object> copyList(Collection<?> items, int depth) {
        List<Object> copy = new ArrayList<>();
        for (Object item : items) {
            if (copy.size() == MAX_ITEMS) {
                break;
            }
            copy.add(copy(item, depth + 1));
        }
        return copy;
    }

    private static Map<String, Object> copyRecord(Object record, int depth) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            properties.put(component.getName(), read(component.getAccessor(), record));
        }
        return copyMap(properties, depth);
    }

    /** Event classes (API Gateway, SQS, …) expose their fields as public getters. */
    private static Object copyBean(Object bean, int depth) {
        if (!Modifier.isPublic(bean.getClass().getModifiers())) {
            return truncate(String.valueOf(bean));
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Method method : bean.getClass().getMethods()) {
            String property = propertyName(method);
            if (property != null) {
                properties.put(property, read(method, bean));
            }
        }
        return properties.isEmpty() ? truncate(String.valueOf(bean)) : copyMap(properties, depth);
    }

    private static String propertyName(Method method) {
        if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers())
                || method.getDeclaringClass() == Object.class) {
            return null;
        }
        String name = method.getName();
        if (name.startsWith("get") && name.length() > 3) {
            return Character.toLowerCase(name.charAt(3)) + name.substring(4);
        }
        if (name.startsWith("is") && name.length() > 2 && method.getReturnType() == boolean.class) {
            return Character.toLowerCase(name.charAt(2)) + name.substring(3);
        }
        return null;
    }

    private static Object read(Method accessor, Object target) {
        try {
            return accessor.invoke(target);
        } catch (ReflectiveOperationException | RuntimeException unreadable) {
            return "<unreadable: " + unreadable.getClass().getSimpleName() + ">";
        }
    }

    private static String truncate(String text) {
        return text.length() <= MAX_STRING ? text : text.substring(0, MAX_STRING) + "…";
    }
}
