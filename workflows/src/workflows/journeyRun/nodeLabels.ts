import type { JourneyNode, JourneyNodeOf } from '@tideflow/domain';
import { describeDuration } from '@tideflow/domain/journeyRuntime';

/** How a node is named in step logs and the Temporal UI: its label, else its type and id. */
export function nodeLabel(node: JourneyNode): string {
  return node.label?.trim() ? `"${node.label.trim()}"` : `${node.type} ${node.id}`;
}

export function describeTrigger(node: JourneyNode): string {
  switch (node.type) {
    case 'eventTrigger':
      return node.settings.occurrence
        ? `entered on ${node.settings.eventName} (${node.settings.occurrence.count} times within ${describeDuration(node.settings.occurrence.within)})`
        : `entered on ${node.settings.eventName}`;
    case 'apiTrigger':
      return 'entered through the API';
    case 'scheduleTrigger':
      return 'entered with the scheduled audience';
    case 'segmentTrigger':
      return `entered segment ${node.settings.segmentId}`;
    default:
      return 'entered';
  }
}

export function describeEventWait(settings: JourneyNodeOf<'waitForEvent'>['settings'], triggerProperties: Record<string, unknown>): string {
  const key = settings.matchTrigger ? ` with ${settings.matchTrigger.eventProperty} = ${String(triggerProperties[settings.matchTrigger.triggerProperty] ?? '(missing)')}` : '';
  return `waiting up to ${describeDuration(settings.timeout)} for ${settings.eventName}${key}`;
}
