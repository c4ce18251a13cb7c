package dev.picket.issues.api;

import dev.picket.issues.CountBucket;
import dev.picket.issues.IgnoreRule;
import dev.picket.issues.Issue;
import dev.picket.issues.IssueMetadata;
import dev.picket.projects.Project;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An issue in the shape of Sentry's API: string ids, {@code count} as a string, camelCase names. */
record IssueResponse(String id, String shortId, String title, String culprit, String permalink, String level,
                     String status, Map<String, Object> statusDetails, String substatus, String platform,
                     ProjectRef project, String type, IssueMetadata metadata, String issueType,
                     String issueCategory, String count, long userCount, Instant firstSeen, Instant lastSeen,
                     ReleaseRef firstRelease, ReleaseRef lastRelease, Map<String, List<List<Long>>> stats,
                     int numComments, Object assignedTo, boolean isBookmarked, boolean isSubscribed,
                     boolean hasSeen, boolean isPublic) {

    record ProjectRef(String id, String name, String slug, String platform) {
    }

    record ReleaseRef(String version) {
    }

    static IssueResponse of(Issue issue, Project project, String baseUrl, String organizationSlug,
                            List<CountBucket> last24Hours) {
        Map<String, List<List<Long>>> stats = last24Hours == null ? null : Map.of("24h", last24Hours.stream()
                .map(b -> List.of(b.start().getEpochSecond(), b.count())).toList());
        return new IssueResponse(Long.toString(issue.id()),
                issue.qualifiedShortId(project.slug()),
                issue.title(), issue.culprit(),
                baseUrl + "/organizations/" + organizationSlug + "/issues/" + issue.id() + "/",
                issue.level(), issue.status().column(), statusDetails(issue),
                issue.substatus() == null ? null : issue.substatus().column(), issue.platform(),
                new ProjectRef(Long.toString(project.id()), project.name(), project.slug(), project.platform()),
                issue.type(), issue.metadata(), issueType(issue.type()), issueType(issue.type()),
                Long.toString(issue.timesSeen()), issue.userCount(), issue.firstSeen(), issue.lastSeen(),
                release(issue.firstRelease()), release(issue.lastRelease()), stats,
                0, null, false, false, false, false);
    }

    /** Sentry's {@code statusDetails}: what "resolved in next release" or an ignore rule waits for. */
    private static Map<String, Object> statusDetails(Issue issue) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (issue.resolvedInNextRelease()) {
            details.put("inNextRelease", true);
        }
        IgnoreRule rule = issue.ignoreRule();
        if (rule != null) {
            switch (rule.kind()) {
                case UNTIL_TIME -> details.put("ignoreUntil", rule.until());
                case UNTIL_COUNT -> details.put("ignoreCount", rule.count());
                case UNTIL_USER_COUNT -> details.put("ignoreUserCount", rule.count());
                case FOREVER -> { }
            }
        }
        return details;
    }

    private static String issueType(String eventType) {
        return eventType == null || eventType.equals("default") || eventType.equals("error") ? "error" : eventType;
    }

    private static ReleaseRef release(String version) {
        return version == null ? null : new ReleaseRef(version);
    }
}
