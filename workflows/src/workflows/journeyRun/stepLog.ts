import type { JourneyStep, JourneyStepKind } from '../../journeys/journeyRunTypes';
import { workflowNow } from './workflowClock';

/**
 * The run's step log, buffered in the workflow and written by the next
 * activity (each activity takes `steps`). Sequence numbers come from here,
 * so a retried write inserts nothing twice.
 */
export class StepLog {
  private pending: JourneyStep[] = [];

  constructor(private seq: number) {}

  get nextSeq(): number {
    return this.seq;
  }

  add(kind: JourneyStepKind, nodeId: string | null, details: { branch?: string; reason?: string; messageId?: string } = {}): void {
    this.pending.push({ seq: this.seq++, nodeId, kind, ...details, at: new Date(workflowNow()).toISOString() });
  }

  /** Hands the buffered steps to an activity call. */
  take(): JourneyStep[] {
    const steps = this.pending;
    this.pending = [];
    return steps;
  }

  /** Puts steps back when the activity that should have written them failed. */
  restore(steps: JourneyStep[]): void {
    this.pending = [...steps, ...this.pending];
  }
}
