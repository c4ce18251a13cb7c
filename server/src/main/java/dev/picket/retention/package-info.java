/**
 * Retention: stored data is kept for a number of days ({@code picket.retention.days}, 90 unless
 * {@code PICKET_RETENTION_DAYS} says otherwise; a project may set its own, {@code retentionDays} of the
 * project API, kept in {@code projects.retention_days}), and processed inbox rows for a day. Older
 * rows are deleted in the background, in small batches ({@link dev.picket.retention.ExpiredData}),
 * once per period across instances ({@link dev.picket.retention.RetentionScheduler}).
 */
package dev.picket.retention;
