package dev.picket.processing.scrub;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A string being scrubbed: plain text interleaved with redactions, so that later rules neither match
 * inside an earlier replacement nor lose track of where each replacement sits. Nothing is copied
 * until a rule matches, which keeps the common case (no match) allocation-free. Not thread-safe.
 */
final class RedactedText {

    /** Stands for one earlier redaction in the text that rules search; a noncharacter, so real text rarely holds it. */
    private static final char REDACTION_MARK = '\uFFFF';

    private final String original;
    private List<Segment> segments;

    private record Segment(String text, String rule) {

        boolean redacted() {
            return rule != null;
        }
    }

    RedactedText(String original) {
        this.original = original;
    }

    String original() {
        return original;
    }

    boolean changed() {
        return segments != null;
    }

    /** The text that is still unredacted, joined; what word rules look at. */
    String plainText() {
        if (segments == null) {
            return original;
        }
        StringBuilder text = new StringBuilder();
        for (Segment segment : segments) {
            if (!segment.redacted()) {
                text.append(segment.text);
            }
        }
        return text.toString();
    }

    /**
     * Replaces each match of {@code group} of {@code pattern} that {@code accept} agrees to by
     * {@code replacement}. Matches that would swallow an earlier redaction are left alone.
     *
     * @return whether anything was replaced
     */
    boolean replaceMatches(Pattern pattern, int group, String rule, String replacement, Predicate<String> accept) {
        String search = searchText();
        Matcher matcher = pattern.matcher(search);
        List<int[]> ranges = null;
        while (matcher.find()) {
            int start = matcher.start(group);
            int end = matcher.end(group);
            if (start < 0 || start == end || search.substring(start, end).indexOf(REDACTION_MARK) >= 0) {
                continue;
            }
            if (accept != null && !accept.test(matcher.group(group))) {
                continue;
            }
            if (ranges == null) {
                ranges = new ArrayList<>();
            }
            ranges.add(new int[] {start, end});
        }
        if (ranges == null) {
            return false;
        }
        Deque<Segment> earlier = new ArrayDeque<>();
        if (segments != null) {
            segments.stream().filter(Segment::redacted).forEach(earlier::add);
        }
        List<Segment> result = new ArrayList<>();
        int position = 0;
        for (int[] range : ranges) {
            appendText(search.substring(position, range[0]), earlier, result);
            result.add(new Segment(replacement, rule));
            position = range[1];
        }
        appendText(search.substring(position), earlier, result);
        segments = result;
        return true;
    }

    /** Replaces the whole value, earlier redactions included, as Sentry does when a word rule matches. */
    void replaceAll(String rule, String replacement) {
        segments = new ArrayList<>(List.of(new Segment(replacement, rule)));
    }

    String value() {
        if (segments == null) {
            return original;
        }
        StringBuilder value = new StringBuilder();
        for (Segment segment : segments) {
            value.append(segment.text);
        }
        return value.toString();
    }

    /** Where each redaction sits in {@link #value()}, counted in code points as Sentry counts characters. */
    List<Remark> remarks() {
        List<Remark> remarks = new ArrayList<>();
        if (segments == null) {
            return remarks;
        }
        int position = 0;
        for (Segment segment : segments) {
            int length = segment.text.codePointCount(0, segment.text.length());
            if (segment.redacted()) {
                remarks.add(Remark.substituted(segment.rule, position, position + length));
            }
            position += length;
        }
        return remarks;
    }

    /** Appends {@code other}'s current state after this text's, so a value can be scrubbed piecewise. */
    void append(RedactedText other) {
        ensureSegments();
        if (other.segments == null) {
            appendPlain(other.original);
        } else {
            segments.addAll(other.segments);
        }
    }

    void appendPlain(String text) {
        ensureSegments();
        if (!text.isEmpty()) {
            segments.add(new Segment(text, null));
        }
    }

    /** Starts an empty text that is built with {@link #append} and {@link #appendPlain}. */
    static RedactedText builder(String original) {
        RedactedText text = new RedactedText(original);
        text.segments = new ArrayList<>();
        return text;
    }

    /** Whether a piecewise-built text holds any redaction; one without is treated as unchanged. */
    boolean hasRedaction() {
        return segments != null && segments.stream().anyMatch(Segment::redacted);
    }

    private void ensureSegments() {
        if (segments == null) {
            segments = new ArrayList<>();
            if (!original.isEmpty()) {
                segments.add(new Segment(original, null));
            }
        }
    }

    private String searchText() {
        if (segments == null) {
            return original;
        }
        StringBuilder search = new StringBuilder();
        for (Segment segment : segments) {
            if (segment.redacted()) {
                search.append(REDACTION_MARK);
            } else {
                search.append(segment.text);
            }
        }
        return search.toString();
    }

    private static void appendText(String text, Deque<Segment> earlier, List<Segment> result) {
        int position = 0;
        for (int mark = text.indexOf(REDACTION_MARK); mark >= 0; mark = text.indexOf(REDACTION_MARK, position)) {
            if (mark > position) {
                result.add(new Segment(text.substring(position, mark), null));
            }
            Segment redaction = earlier.poll();
            // A mark with no earlier redaction behind it was in the event's own text: keep it as text.
            result.add(redaction != null ? redaction : new Segment(String.valueOf(REDACTION_MARK), null));
            position = mark + 1;
        }
        if (position < text.length()) {
            result.add(new Segment(text.substring(position), null));
        }
    }
}
