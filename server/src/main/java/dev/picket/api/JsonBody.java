package dev.picket.api;

import tools.jackson.databind.JsonNode;

/**
 * Reads fields of a JSON request body with errors that name the field. Bodies are read as trees
 * rather than bound to classes so that a wrong type is refused instead of silently coerced, and so
 * that an absent field can be told from an explicit {@code null}.
 */
public final class JsonBody {

    private final JsonNode root;
    private final String path;

    private JsonBody(JsonNode root, String path) {
        this.root = root;
        this.path = path;
    }

    /** @throws ApiException 400 when the body is not a JSON object */
    public static JsonBody of(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw ApiException.badRequest("The request body must be a JSON object");
        }
        return new JsonBody(root, "");
    }

    public boolean has(String field) {
        return root.has(field);
    }

    /** The string in {@code field}, or null when it is absent or null. */
    public String optionalString(String field) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw ApiException.badRequest("'" + path + field + "' must be a string");
        }
        return value.stringValue();
    }

    /** The boolean in {@code field}, or null when it is absent or null. */
    public Boolean optionalBoolean(String field) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw ApiException.badRequest("'" + path + field + "' must be true or false");
        }
        return value.booleanValue();
    }

    /** The object in {@code field}, or null when it is absent or null. */
    public JsonBody optionalObject(String field) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw ApiException.badRequest("'" + path + field + "' must be an object");
        }
        return new JsonBody(value, path + field + ".");
    }

    /** The integer in {@code field}, which must be present. */
    public int requiredInt(String field) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            throw ApiException.badRequest("'" + path + field + "' is required");
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw ApiException.badRequest("'" + path + field + "' must be an integer");
        }
        return value.intValue();
    }
}
