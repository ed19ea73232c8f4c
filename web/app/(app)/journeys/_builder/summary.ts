import { type ComparisonOperator, type ComparisonValue, describeComparison, describeDuration, type Duration, type JourneyNodeType } from '@tideflow/domain';
import type { NodeSettings } from './graph';

/**
 * The one line a node card shows under its label: what the step does, in a
 * marketer's words ("Wait 3 hours", "Email: Your cart is waiting"). Settings
 * may be incomplete; then it says what is missing (`incomplete`).
 */
export interface NodeSummary {
  text: string;
  incomplete?: boolean;
}

const obj = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

const weekdayNames: Record<string, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

export function durationText(value: unknown): string | null {
  const duration = obj(value);
  if (typeof duration.amount !== 'number' || !Number.isFinite(duration.amount) || duration.amount <= 0 || typeof duration.unit !== 'string') return null;
  return describeDuration(duration as unknown as Duration);
}

function weekdaysText(value: unknown): string {
  const days = list(value).filter((day): day is string => typeof day === 'string');
  if (days.length === 7 || days.length === 0) return 'any day';
  if (days.length === 5 && !days.includes('sat') && !days.includes('sun')) return 'weekdays';
  return days.map((day) => weekdayNames[day] ?? day).join(', ');
}

function dateText(value: unknown): string {
  const iso = text(value);
  const date = new Date(iso);
  return iso && !Number.isNaN(date.getTime()) ? date.toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' }) : '';
}

export function conditionText(condition: unknown): string {
  const c = obj(condition);
  const compare = (subject: string) => (typeof c.operator === 'string' ? describeComparison(subject || '…', c.operator as ComparisonOperator, c.value as ComparisonValue | undefined) : subject);
  switch (c.kind) {
    case 'attribute':
      return compare(text(c.attribute));
    case 'triggerProperty':
      return compare(`event.${text(c.property) || '…'}`);
    case 'context':
      return compare(`context.${text(c.path) || '…'}`);
    case 'behaviour': {
      const within = durationText(c.within);
      return `${c.did === false ? 'did not do' : 'did'} ${text(c.eventName) || '…'}${typeof c.atLeast === 'number' && c.atLeast > 1 ? ` ${c.atLeast}+ times` : ''}${within ? ` in ${within}` : ''}`;
    }
    case 'segment':
      return `${c.member === false ? 'not in' : 'in'} a segment`;
    default:
      return '…';
  }
}

function updateText(update: unknown): string {
  const u = obj(update);
  switch (u.op) {
    case 'set':
      return `set ${text(u.attribute) || '…'}`;
    case 'unset':
      return `unset ${text(u.attribute) || '…'}`;
    case 'increment':
      return `${typeof u.by === 'number' && u.by < 0 ? 'decrement' : 'increment'} ${text(u.attribute) || '…'}`;
    case 'addTag':
      return `tag ${text(u.tag) || '…'}`;
    case 'removeTag':
      return `untag ${text(u.tag) || '…'}`;
    case 'addToSegment':
      return 'add to segment';
    case 'removeFromSegment':
      return 'remove from segment';
    default:
      return '…';
  }
}

function httpText(settings: NodeSettings): NodeSummary {
  const url = text(settings.url);
  return url ? { text: `${text(settings.method) || 'POST'} ${url}` } : { text: 'Add the URL to call', incomplete: true };
}

export function summarize(type: JourneyNodeType, settings: NodeSettings, segmentName: (id: string) => string | undefined = () => undefined): NodeSummary {
  const segment = (id: unknown) => (text(id) ? (segmentName(text(id)) ?? 'a segment') : null);
  switch (type) {
    case 'eventTrigger': {
      const name = text(settings.eventName);
      if (!name) return { text: 'Choose the event that starts it', incomplete: true };
      const occurrence = obj(settings.occurrence);
      const within = durationText(occurrence.within);
      const filters = list(settings.filters).length;
      return { text: `When ${name} happens${typeof occurrence.count === 'number' && within ? ` ${occurrence.count}× within ${within}` : ''}${filters ? ` (${filters} filter${filters > 1 ? 's' : ''})` : ''}` };
    }
    case 'apiTrigger':
      return { text: 'When your backend calls triggerJourney' };
    case 'scheduleTrigger': {
      const schedule = obj(settings.schedule);
      const zone = text(settings.timezone) || 'UTC';
      const time = text(schedule.time);
      const audience = list(obj(settings.audience).conditions).length ? 'An audience' : 'Everyone';
      switch (schedule.kind) {
        case 'once':
          return dateText(schedule.at) ? { text: `${audience}, once on ${dateText(schedule.at)}` } : { text: 'Pick when it runs', incomplete: true };
        case 'daily':
          return { text: `${audience}, every day at ${time || '…'} (${zone})` };
        case 'weekly':
          return { text: `${audience}, ${weekdaysText(schedule.weekdays)} at ${time || '…'} (${zone})` };
        case 'monthly':
          return { text: `${audience}, monthly on day ${typeof schedule.dayOfMonth === 'number' ? schedule.dayOfMonth : '…'} at ${time || '…'}` };
        default:
          return { text: 'Pick when it runs', incomplete: true };
      }
    }
    case 'segmentTrigger':
      return segment(settings.segmentId) ? { text: `When a user enters ${segment(settings.segmentId)}` } : { text: 'Choose a segment', incomplete: true };
    case 'wait': {
      const duration = durationText(settings.duration);
      return duration ? { text: `Wait ${duration}` } : { text: 'Set how long to wait', incomplete: true };
    }
    case 'waitUntil':
      if (settings.mode === 'absolute') return dateText(settings.at) ? { text: `Until ${dateText(settings.at)}` } : { text: 'Pick the date to wait for', incomplete: true };
      if (settings.mode === 'attribute') {
        const path = text(settings.path);
        if (!path) return { text: 'Choose the date attribute', incomplete: true };
        const offset = obj(settings.offset);
        const shift = durationText(offset.duration);
        const subject = settings.source === 'triggerEvent' ? `event.${path}` : path;
        return { text: shift ? `Until ${shift} ${offset.direction === 'before' ? 'before' : 'after'} ${subject}` : `Until ${subject}` };
      }
      return { text: `Until ${text(settings.time) || '…'} on ${weekdaysText(settings.weekdays)}, user’s time` };
    case 'waitForEvent': {
      const name = text(settings.eventName);
      const timeout = durationText(settings.timeout);
      return name ? { text: `Up to ${timeout ?? '…'} for ${name}${settings.matchTrigger ? ' (same as trigger)' : ''}` } : { text: 'Choose the event to wait for', incomplete: true };
    }
    case 'waitForSegment': {
      const name = segment(settings.segmentId);
      if (!name) return { text: 'Choose a segment', incomplete: true };
      return { text: `Up to ${durationText(settings.timeout) ?? '…'} to ${settings.member === false ? 'leave' : 'enter'} ${name}` };
    }
    case 'conditionSplit': {
      const branches = list(settings.branches).map(obj);
      if (!branches.length) return { text: 'Add a branch', incomplete: true };
      const first = branches[0]!;
      const conditions = list(obj(first.when).conditions);
      const lead = conditions.length ? conditionText(conditions[0]) : '…';
      return { text: branches.length === 1 ? `If ${lead}${conditions.length > 1 ? ` (+${conditions.length - 1})` : ''}, else…` : `${branches.length} branches + else: ${branches.map((b) => text(b.label) || text(b.key)).join(', ')}` };
    }
    case 'randomSplit': {
      const branches = list(settings.branches).map(obj);
      const control = typeof settings.controlPercent === 'number' && settings.controlPercent > 0 ? ` · ${settings.controlPercent}% control` : '';
      return branches.length ? { text: `${branches.map((b) => `${typeof b.percent === 'number' ? b.percent : '?'}% ${text(b.label) || text(b.key)}`).join(' · ')}${control}` } : { text: 'Add a branch', incomplete: true };
    }
    case 'sendMessage':
      if (settings.channel === 'webhook') {
        const http = httpText(settings);
        return http.incomplete ? http : { text: `Webhook: ${http.text}` };
      }
      return text(settings.subject) ? { text: `Email: ${text(settings.subject)}` } : { text: 'Write the email’s subject', incomplete: true };
    case 'updateUser': {
      const updates = list(settings.updates);
      if (!updates.length) return { text: 'Add an update', incomplete: true };
      const shown = updates.slice(0, 2).map(updateText).join(', ');
      return { text: `${shown.charAt(0).toUpperCase()}${shown.slice(1)}${updates.length > 2 ? ` +${updates.length - 2} more` : ''}` };
    }
    case 'webhook':
      return httpText(settings);
    case 'end':
      return { text: 'Users finish the journey here' };
  }
}
