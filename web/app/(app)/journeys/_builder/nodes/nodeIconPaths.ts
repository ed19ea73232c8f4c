import type { JourneyNodeType } from '@tideflow/domain';

/** 20×20 line icons, one per node type (drawn here: no icon font, no network). */
export const nodeIconPaths: Record<JourneyNodeType, string> = {
  // A lightning bolt: something happened.
  eventTrigger: 'M11 2 4 11h5l-1 7 7-9h-5l1-7z',
  // Angle brackets: code calls in.
  apiTrigger: 'M7 6 3 10l4 4M13 6l4 4-4 4M11 4 9 16',
  // A calendar.
  scheduleTrigger: 'M4 5h12v11H4zM4 8.5h12M7.5 3v4M12.5 3v4',
  // Two people: a segment.
  segmentTrigger: 'M7.5 9a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM3 16c0-2.5 2-4 4.5-4s4.5 1.5 4.5 4M13 4.5a2.5 2.5 0 0 1 0 4.5M14.5 12c1.5.5 2.5 1.8 2.5 4',
  // A clock.
  wait: 'M10 17a7 7 0 1 0 0-14 7 7 0 0 0 0 14zM10 6.5V10l2.5 2',
  // A calendar with a clock hand.
  waitUntil: 'M4 5h12v5M4 5v11h6M4 8.5h12M7.5 3v4M12.5 3v4M14.5 18a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM14.5 13v1.6l1 .9',
  // An hourglass.
  waitForEvent: 'M5 3h10M5 17h10M6 3c0 4 8 4 8 7s-8 3-8 7M14 3c0 4-8 4-8 7s8 3 8 7',
  // A person with a check.
  waitForSegment: 'M8 9a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM3 16c0-2.5 2-4 5-4 1.2 0 2.2.2 3 .7M12.5 14.5l1.8 1.8 3.2-3.6',
  // A fork: one path becomes several.
  conditionSplit: 'M10 3v5M10 8l-5 4v5M10 8l5 4v5',
  // Crossing arrows: shuffled.
  randomSplit: 'M3 6h3c4 0 4 8 8 8h3M3 14h3c1.5 0 2.4-1 3.2-2.3M11 8.3C11.7 7 12.6 6 14 6h3M15 4l2 2-2 2M15 12l2 2-2 2',
  // An envelope.
  sendMessage: 'M3 5h14v10H3zM3 5l7 6 7-6',
  // A person with a pencil.
  updateUser: 'M7.5 9a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM3 16c0-2.5 2-4 4.5-4 .9 0 1.7.2 2.4.5M12 17l.5-2 4-4 1.5 1.5-4 4-2 .5z',
  // A globe: the outside world.
  webhook: 'M10 17a7 7 0 1 0 0-14 7 7 0 0 0 0 14zM3 10h14M10 3c2 2 3 4.5 3 7s-1 5-3 7c-2-2-3-4.5-3-7s1-5 3-7z',
  // A flag at the finish.
  end: 'M5 17V3M5 4h9l-2 3 2 3H5',
};
