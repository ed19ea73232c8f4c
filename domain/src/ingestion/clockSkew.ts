/**
 * Segment's clock-skew correction: the client's clock is assumed wrong by
 * (sentAt − receivedAt), so the event happened at receivedAt − (sentAt − timestamp).
 * Without both client timestamps there is nothing to correct.
 */
export function correctedTimestamp(input: { timestamp: Date | null; sentAt: Date | null; receivedAt: Date }): Date {
  const { timestamp, sentAt, receivedAt } = input;
  if (!timestamp) return receivedAt;
  if (!sentAt) return timestamp;
  return new Date(receivedAt.getTime() - (sentAt.getTime() - timestamp.getTime()));
}
