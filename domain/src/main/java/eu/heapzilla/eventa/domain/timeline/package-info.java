/**
 * The timeline: an event's checklist arranged by what needs attention when. A task not done
 * falls in a {@link eu.heapzilla.eventa.domain.timeline.TimelineBucket bucket} by its due date
 * relative to today in a given time zone (the event's or the viewer's); recently done tasks are
 * shown apart. {@link eu.heapzilla.eventa.domain.timeline.Timeline} holds the rule and its result.
 */
package eu.heapzilla.eventa.domain.timeline;
