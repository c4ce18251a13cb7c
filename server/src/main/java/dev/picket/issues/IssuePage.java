package dev.picket.issues;

import java.util.List;

/** One page of an issue list; {@code nextCursor} is null on the last page. */
public record IssuePage(List<Issue> issues, String nextCursor) {

    public IssuePage {
        issues = List.copyOf(issues);
    }
}
