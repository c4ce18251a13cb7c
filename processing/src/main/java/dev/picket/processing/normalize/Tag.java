package dev.picket.processing.normalize;

public record Tag(String key, String value) {
}
