'use client';

import styles from '../Builder.module.css';
import { useBuilder } from '../BuilderContext';
import { type FormBinding, TextControl } from './controls';

export function ApiTriggerForm({ form }: { form: FormBinding }) {
  const { journeyId } = useBuilder();
  return (
    <>
      <TextControl form={form} path="description" label="Description" optional multiline rows={3} mono={false} placeholder="When your backend enters users, e.g. after a purchase in the store" />
      <div className={styles.callout}>
        <p>Your backend enters a user with the GraphQL mutation (the payload becomes the trigger’s properties):</p>
        <pre className={styles.code}>{`mutation {
  triggerJourney(input: {
    journeyId: "${journeyId}"
    userId: "user-123"
    payload: { orderId: "o-1" }
  }) { entered reason }
}`}</pre>
      </div>
    </>
  );
}
