/**
 * Alerts: rules per project that watch what each processed batch changed (new issues, regressions,
 * bursts of events or users), and notify by e-mail, signed JSON webhook or Slack message, throttled
 * per issue, retried with back-off, and recorded in the alert history.
 */
package dev.picket.alerts;
