package dev.picket.projects;

/** At most {@code count} events per {@code windowSeconds} through one DSN key. */
public record RateLimit(int count, int windowSeconds) {
}
