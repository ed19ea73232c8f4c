import type { PrismaClient } from '@tideflow/db';
import type { JourneyDefinitionInput } from '@tideflow/domain';
import { publishJourney } from '@tideflow/workflows';

/** A live abandoned-cart journey, so the demo shows a journey at work from the first event. */
const abandonedCart: JourneyDefinitionInput = {
  nodes: [
    { id: 'added', type: 'eventTrigger', label: 'Added to cart', position: { x: 0, y: 0 }, settings: { eventName: 'Added To Cart', filters: [] } },
    { id: 'order', type: 'waitForEvent', label: 'Ordered within 3 hours?', position: { x: 0, y: 140 }, settings: { eventName: 'Order Completed', filters: [], matchTrigger: { eventProperty: 'cartId', triggerProperty: 'cartId' }, timeout: { amount: 3, unit: 'hours' } } },
    { id: 'bought', type: 'end', label: 'Bought', position: { x: -220, y: 300 }, settings: {} },
    {
      id: 'reminder',
      type: 'sendMessage',
      label: 'Reminder email',
      position: { x: 220, y: 300 },
      settings: { channel: 'email', subject: '{{ user.firstName | default: "Hi" }}, your cart is waiting', html: '<p>You left {{ event.name | default: "something" }} in your cart.</p><p>Come back and finish your order.</p>' },
    },
    { id: 'day', type: 'wait', label: 'Wait a day', position: { x: 220, y: 440 }, settings: { duration: { amount: 1, unit: 'days' } } },
    {
      id: 'plan',
      type: 'conditionSplit',
      label: 'Paying customer?',
      position: { x: 220, y: 580 },
      settings: { branches: [{ key: 'paying', label: 'Plus or Pro', when: { match: 'all', conditions: [{ kind: 'attribute', attribute: 'plan', operator: 'in', value: ['plus', 'pro'] }] } }] },
    },
    { id: 'tag', type: 'updateUser', label: 'Tag for follow-up', position: { x: 100, y: 740 }, settings: { updates: [{ op: 'addTag', tag: 'abandoned-cart' }] } },
  ],
  edges: [
    { source: 'added', sourceHandle: 'next', target: 'order' },
    { source: 'order', sourceHandle: 'matched', target: 'bought' },
    { source: 'order', sourceHandle: 'timeout', target: 'reminder' },
    { source: 'reminder', sourceHandle: 'sent', target: 'day' },
    { source: 'day', sourceHandle: 'next', target: 'plan' },
    { source: 'plan', sourceHandle: 'paying', target: 'tag' },
  ],
  entryRules: { reEntry: { mode: 'afterExit' } },
  goal: { eventName: 'Order Completed', filters: [], within: { amount: 2, unit: 'days' }, exitOnConversion: true },
  exitCriteria: [],
};

export async function createDemoJourneys(prisma: PrismaClient, workspaceId: string): Promise<void> {
  const journey = await prisma.journey.create({ data: { workspaceId, name: 'Abandoned cart', description: 'Reminds shoppers who leave without ordering; tags paying customers for follow-up.', draft: abandonedCart as object } });
  // No schedule triggers, so publishing needs no Temporal; runs start once it is reachable.
  await publishJourney(prisma, null, workspaceId, journey.id);
}
