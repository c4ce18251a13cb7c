/**
 * Alerts: rules per project that watch what each processed batch changed (new issues, regressions,
 * bursts of events or users), and notify by e-mail, signed JSON webhook or Slack message, throttled
 * per issue, retried with back-off (once across instances sharing a database), and recorded in the
 * alert history; with pages to edit the rules and read the history.
 */
package dev.picket.alerts;
