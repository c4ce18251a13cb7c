/**
 * Issue grouping that matches Sentry's default grouping configuration ({@code newstyle:2023-01-11}).
 *
 * <p>{@link dev.picket.processing.grouping.Grouper#group(tools.jackson.databind.node.ObjectNode)}
 * takes a normalized event and returns a {@link dev.picket.processing.grouping.GroupingResult}:
 * the group hashes (primary first, 32 lower-case hex digits, equal to Sentry's), the variant and
 * component they came from, and every variant's grouping tree for debugging. An event belongs to
 * an existing issue when any of its hashes is known.
 */
package dev.picket.processing.grouping;
