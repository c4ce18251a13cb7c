/**
 * Issues: events of a project grouped by Sentry's grouping hashes, with the numbers a Sentry user
 * expects (events, distinct users, first and last seen, hourly frequency, tag values, releases) and
 * Sentry's status rules (regression, resolved in next release, ignore until a time, a count or a
 * user count; new, regressed and escalating issues settle to ongoing after 7 days).
 *
 * <p>{@link dev.picket.issues.Issues} is the read and status API for the REST API and pages;
 * {@link dev.picket.issues.IssueBatchWriter} is how the processor writes issues, one update per
 * issue and batch. Tables: {@code issues}, {@code issue_hashes}, {@code issue_hourly_counts},
 * {@code issue_users}, {@code issue_tag_values}, {@code project_issue_counters}; events are read
 * from {@code events} and user reports from {@code user_reports}.
 */
package dev.picket.issues;
