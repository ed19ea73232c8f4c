import {
  allHandlersFinished,
  CancellationScope,
  condition,
  continueAsNew,
  isCancellation,
  proxyActivities,
  proxyLocalActivities,
  setCurrentDetails,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { JourneyNode, JourneyNodeOf, JsonValue } from '@tideflow/domain';
import { alwaysListenedEvents, chooseRandomBranch, describeDuration, durationMs, JourneyGraph, segmentChangeEvents } from '@tideflow/domain/journeyRuntime';
import type { JourneyActivities } from '../../activities/journeys';
import type { JourneyEvent, JourneyRunEnd, JourneyRunIdentity, JourneyRunInput, JourneyRunState } from '../../journeys/journeyRunTypes';
import { exitJourneySignal, journeyEventsSignal, journeyRunSnapshotQuery } from '../../journeys/journeySignals';
import { stepFailureOf } from './activityFailure';
import { convertsGoal, matchesWait, matchingExitCriterion, matchingSegmentExit, segmentChangeMatches } from './eventMatching';
import { describeEventWait, describeTrigger, nodeLabel } from './nodeLabels';
import { StepLog } from './stepLog';
import { workflowNow } from './workflowClock';

// Bookkeeping (step log, run state, decisions that read the database): retried until the database answers.
const bookkeepingOptions = {
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
} as const;
// Runs of the first workflow code that started before its 'local-bookkeeping' patch replay with bookkeeping as ordinary activities.
const remoteBookkeeping = proxyActivities<JourneyActivities>(bookkeepingOptions);
// Bookkeeping is short, idempotent database work: as local activities it runs inside the workflow task
// and is recorded as one marker, instead of a task queue round trip through Temporal per step (three
// history events and a workflow task each). That was most of Temporal's work per run (bench/journeys).
const localBookkeeping = proxyLocalActivities<JourneyActivities>(bookkeepingOptions);
// Sends: a few attempts for transient provider errors; the delivery row makes each attempt safe.
const sendRetry = { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 5 } as const;
// Runs of journeyRunV2 replay with sends as ordinary (heartbeated) activities.
const remoteSending = proxyActivities<JourneyActivities>({ startToCloseTimeout: '2 minutes', heartbeatTimeout: '15 seconds', retry: sendRetry });
// A send or webhook call takes a provider round trip of milliseconds to seconds: as a local activity it runs
// inside the workflow task that decided it, instead of a task queue round trip through Temporal with three
// history events and a workflow task of its own (bench/journeys: Temporal's CPU per run ~49 → ~33 ms).
// Longer back-offs than `localRetryThreshold` (1 minute) wait on a Temporal timer.
const localSending = proxyLocalActivities<JourneyActivities>({ startToCloseTimeout: '2 minutes', retry: sendRetry });

/** Long or looping runs start a fresh history well before Temporal's limits. */
const historyEventsBeforeContinueAsNew = 10_000;
const rememberedMessageIds = 200;

type NodeOutcome = { branch: string; reason: string; messageId?: string } | { end: JourneyRunEnd; reason: string };

export interface JourneyRunResult {
  status: JourneyRunEnd;
  reason: string;
}

/**
 * What differs between generations of the workflow code (see journeyRunWorkflow.ts): a run
 * replays with the behaviour it was recorded with.
 */
export interface WorkflowCodeFeatures {
  /** Bookkeeping as local activities (one marker each) rather than ordinary activities. */
  localBookkeeping: boolean;
  /** Sends and webhook calls as local activities (a marker each) rather than ordinary activities. */
  localSends: boolean;
  /** Whether a wait for an event that timed out looks for the event in the database once more. Asked only then. */
  finalEventCheck: () => boolean;
}

/**
 * One user's run through one published journey version: interprets the
 * frozen definition node by node. All I/O is in activities; time is workflow
 * time; events arrive as signals; exit criteria interrupt any wait.
 */
export async function interpretJourney(input: JourneyRunInput, features: WorkflowCodeFeatures): Promise<JourneyRunResult> {
  const bookkeeping = features.localBookkeeping ? localBookkeeping : remoteBookkeeping;
  const sending = features.localSends ? localSending : remoteSending;
  const { definition } = input;
  const graph = new JourneyGraph(definition);
  const run: JourneyRunIdentity = {
    runId: input.runId,
    workspaceId: input.workspaceId,
    journeyId: input.journeyId,
    journeyName: input.journeyName,
    version: input.version,
    userId: input.userId,
    entryNumber: input.entryNumber,
    enteredAt: input.enteredAt,
  };
  const state: JourneyRunState = input.state ?? {
    nodeId: input.triggerNodeId,
    seq: 0,
    visits: {},
    context: {},
    convertedAt: null,
    eventsCountFrom: input.trigger.timestamp,
    seenMessageIds: [input.trigger.messageId],
  };
  const steps = new StepLog(state.seq);
  const enteredAtMs = Date.parse(input.enteredAt);
  const listenedAlways = alwaysListenedEvents(definition);

  let exitReason: string | null = null;
  let conversionToRecord = false;
  let eventWait: { settings: JourneyNodeOf<'waitForEvent'>['settings']; countsFromMs: number; sinceMs: number; matched: JourneyEvent | null } | null = null;
  let waitingLabel: string | null = null;
  let segmentWait: { segmentId: string; member: boolean; matched: boolean } | null = null;

  const seen = (messageId: string) => {
    if (state.seenMessageIds.includes(messageId)) return true;
    state.seenMessageIds.push(messageId);
    if (state.seenMessageIds.length > rememberedMessageIds) state.seenMessageIds.shift();
    return false;
  };

  setHandler(journeyEventsSignal, (events) => {
    for (const event of events) {
      if (seen(event.messageId)) continue;
      if (!exitReason && matchingExitCriterion(event, definition.exitCriteria)) exitReason = `exit criterion: ${event.name}`;
      const segmentExit = matchingSegmentExit(event, definition.exitCriteria);
      if (!exitReason && segmentExit) exitReason = `exit criterion: ${segmentExit.member ? 'entered' : 'left'} segment "${String(event.properties.segmentName ?? segmentExit.segmentId)}"`;
      if (segmentWait && !segmentWait.matched && segmentChangeMatches(event, segmentWait.segmentId, segmentWait.member)) segmentWait.matched = true;
      if (!state.convertedAt && convertsGoal(event, definition.goal, enteredAtMs)) {
        state.convertedAt = event.timestamp;
        conversionToRecord = true;
        steps.add('CONVERTED', null, { reason: `goal reached: ${event.name}` });
        if (definition.goal?.exitOnConversion && !exitReason) exitReason = `converted: ${event.name}`;
      }
      if (eventWait && !eventWait.matched && matchesWait(event, eventWait.settings, input.trigger.properties, eventWait.countsFromMs)) eventWait.matched = event;
    }
  });
  setHandler(exitJourneySignal, ({ reason }) => {
    exitReason ??= reason;
  });
  setHandler(journeyRunSnapshotQuery, () => ({ nodeId: state.nodeId, waiting: waitingLabel, context: state.context, convertedAt: state.convertedAt }));

  /** Where the run waits, if it does: written with its progress. */
  let waiting: { sinceMs: number; listeningTo: string[] } | null = null;

  /** Writes buffered steps and where the run is; `listeningTo` decides which events are signalled to it. */
  const recordProgress = async () => {
    const pending = steps.take();
    conversionToRecord = false;
    await bookkeeping.recordJourneyProgress({
      run,
      steps: pending,
      currentNodeId: state.nodeId,
      waitingSince: waiting ? new Date(waiting.sinceMs).toISOString() : null,
      listeningTo: waiting?.listeningTo ?? listenedAlways,
      convertedAt: state.convertedAt,
    });
  };

  /** Sleeps until `deadlineMs` (null: no deadline) or until `done()`; an exit criterion interrupts. Conversions are recorded on the way. */
  const waitFor = async (deadlineMs: number | null, done: () => boolean): Promise<'done' | 'elapsed' | 'exit'> => {
    for (;;) {
      if (exitReason) return 'exit';
      if (done()) return 'done';
      const wake = () => exitReason !== null || done() || conversionToRecord;
      if (deadlineMs === null) {
        await condition(wake);
      } else {
        const remaining = deadlineMs - workflowNow();
        if (remaining <= 0 || !(await condition(wake, remaining))) return exitReason ? 'exit' : done() ? 'done' : 'elapsed';
      }
      if (conversionToRecord && !exitReason) await recordProgress();
    }
  };

  const finish = async (status: JourneyRunEnd, reason: string): Promise<JourneyRunResult> => {
    steps.add('ENDED', state.nodeId, { reason });
    setCurrentDetails(`${status.toLowerCase()}: ${reason}`);
    await bookkeeping.finishJourneyRun({ run, status, reason, steps: steps.take(), convertedAt: state.convertedAt });
    await condition(allHandlersFinished);
    return { status, reason };
  };

  const runNode = async (node: JourneyNode, visit: number): Promise<NodeOutcome> => {
    const iteration = `${node.id}#${visit}`;
    switch (node.type) {
      case 'eventTrigger':
      case 'apiTrigger':
      case 'scheduleTrigger':
      case 'segmentTrigger':
        return { branch: 'next', reason: describeTrigger(node) };

      case 'wait': {
        const ms = durationMs(node.settings.duration);
        const now = workflowNow();
        return sleepAt(node, now + ms, `waiting ${describeDuration(node.settings.duration)}`, `waited ${describeDuration(node.settings.duration)}`);
      }

      case 'waitUntil': {
        const now = workflowNow();
        const plan =
          node.settings.mode === 'absolute'
            ? { untilMs: Date.parse(node.settings.at), reason: `until ${node.settings.at}` }
            : await bookkeeping.planJourneyWaitUntil({ run, nodeId: node.id, settings: node.settings, trigger: input.trigger, nowMs: now, steps: steps.take(), convertedAt: state.convertedAt });
        if (plan.untilMs === null) return { branch: 'next', reason: plan.reason };
        if (plan.untilMs <= now) return { branch: 'next', reason: `${plan.reason}: already passed, continued at once` };
        // An absolute date already names the instant.
        return sleepAt(node, plan.untilMs, `waiting ${plan.reason}`, `waited ${plan.reason}`, node.settings.mode !== 'absolute');
      }

      case 'waitForEvent': {
        const settings = node.settings;
        const sinceMs = workflowNow();
        const query = { settings, triggerProperties: input.trigger.properties, since: state.eventsCountFrom, exclude: state.seenMessageIds };
        eventWait = { settings, countsFromMs: Date.parse(state.eventsCountFrom), sinceMs, matched: null };
        waitingLabel = describeEventWait(settings, input.trigger.properties);
        steps.add('WAITING', node.id, { reason: waitingLabel });
        setCurrentDetails(`${nodeLabel(node)}: ${waitingLabel}`);
        waiting = { sinceMs, listeningTo: [...new Set([...listenedAlways, settings.eventName])] };
        // Events stored before the signal route existed are found in the database.
        const already = await bookkeeping.startJourneyEventWait({ run, nodeId: node.id, ...query, waitingSince: new Date(sinceMs).toISOString(), listeningTo: waiting.listeningTo, steps: steps.take(), convertedAt: state.convertedAt });
        if (already && !eventWait.matched && !seen(already.messageId)) eventWait.matched = already;
        const waited = await waitFor(sinceMs + durationMs(settings.timeout), () => eventWait?.matched != null);
        if (waited === 'exit') return { end: 'EXITED', reason: exitReason! };
        // A signal lost between the database and the worker must not send the "timeout" message: look once more.
        if (!eventWait.matched && features.finalEventCheck()) {
          const late = await bookkeeping.findJourneyEvent({ run, ...query, exclude: state.seenMessageIds });
          if (late && !seen(late.messageId)) eventWait.matched = late;
        }
        const matched = eventWait.matched;
        eventWait = null;
        waitingLabel = null;
        waiting = null;
        state.eventsCountFrom = new Date(workflowNow()).toISOString();
        await recordProgress();
        return matched
          ? { branch: 'matched', reason: `${matched.name} received (${matched.timestamp})` }
          : { branch: 'timeout', reason: `timeout after ${describeDuration(settings.timeout)}: no ${settings.eventName}` };
      }

      case 'waitForSegment': {
        const { segmentId, member, timeout } = node.settings;
        const sinceMs = workflowNow();
        segmentWait = { segmentId, member, matched: false };
        waiting = { sinceMs, listeningTo: [...new Set([...listenedAlways, segmentChangeEvents.entered, segmentChangeEvents.exited])] };
        const pending = steps.take();
        const now = await bookkeeping.startJourneySegmentWait({ run, nodeId: node.id, segmentId, waitingSince: new Date(sinceMs).toISOString(), listeningTo: waiting.listeningTo, steps: pending, convertedAt: state.convertedAt });
        const goal = `${member ? 'enter' : 'leave'} segment "${now.segmentName}"`;
        waitingLabel = `waiting up to ${describeDuration(timeout)} to ${goal}`;
        steps.add('WAITING', node.id, { reason: waitingLabel });
        setCurrentDetails(`${nodeLabel(node)}: ${waitingLabel}`);
        if (now.member === member) segmentWait.matched = true;
        else await recordProgress();
        const waited = await waitFor(sinceMs + durationMs(timeout), () => segmentWait?.matched === true);
        if (waited === 'exit') return { end: 'EXITED', reason: exitReason! };
        // As for events: a change whose signal was lost still counts.
        if (!segmentWait.matched && (await bookkeeping.checkJourneySegmentMembership({ run, segmentId })).member === member) segmentWait.matched = true;
        const matched = segmentWait.matched;
        segmentWait = null;
        waiting = null;
        waitingLabel = null;
        state.eventsCountFrom = new Date(workflowNow()).toISOString();
        await recordProgress();
        return matched ? { branch: 'matched', reason: `${member ? 'in' : 'out of'} segment "${now.segmentName}"` } : { branch: 'timeout', reason: `timeout after ${describeDuration(timeout)}: did not ${goal}` };
      }

      case 'conditionSplit':
        return bookkeeping.decideJourneySplit({ run, nodeId: node.id, branches: node.settings.branches, triggerProperties: input.trigger.properties, context: state.context, steps: steps.take(), convertedAt: state.convertedAt });

      case 'randomSplit': {
        const choice = chooseRandomBranch(node.settings, `${run.userId}|${run.journeyId}|${run.version}|${node.id}`);
        const draw = `draw ${choice.draw.toFixed(2)} of 100`;
        if (choice.branch === null) {
          steps.add('BRANCH', node.id, { branch: 'control', reason: `control group (${draw})` });
          return { end: 'EXITED', reason: 'control group: no messages' };
        }
        return { branch: choice.branch, reason: `random split: ${choice.branch} (${draw})` };
      }

      case 'sendMessage': {
        const pending = steps.take();
        try {
          const sent = await sending.sendJourneyMessage({ run, nodeId: node.id, iteration, settings: node.settings, trigger: input.trigger, context: state.context, exitCriteria: definition.exitCriteria, steps: pending, convertedAt: state.convertedAt });
          if (sent.outcome === 'exited') return { end: 'EXITED', reason: sent.reason };
          return { branch: sent.outcome, reason: sent.reason, ...(sent.messageId ? { messageId: sent.messageId } : {}) };
        } catch (error) {
          const failure = stepFailureOf(error);
          if (!failure) throw error;
          steps.restore(pending);
          // Cancelled because the journey was stopped: the run ends, the step did not fail.
          if (isCancellation(error)) throw error;
          return { branch: 'failed', reason: `send failed: ${failure.message}` };
        }
      }

      case 'updateUser': {
        const applied = await bookkeeping.applyJourneyUserUpdates({ run, nodeId: node.id, iteration, updates: node.settings.updates, trigger: input.trigger, context: state.context, exitCriteria: definition.exitCriteria, steps: steps.take(), convertedAt: state.convertedAt });
        if (applied.exitReason) exitReason ??= applied.exitReason;
        return { branch: 'next', reason: applied.reason };
      }

      case 'webhook': {
        const { retry, timeoutSeconds } = node.settings;
        const callRetry = { maximumAttempts: retry.maximumAttempts, initialInterval: `${retry.initialIntervalSeconds} seconds`, backoffCoefficient: 2, maximumInterval: '5 minutes' };
        const startToCloseTimeout = `${timeoutSeconds + 5} seconds`;
        const calling = features.localSends
          ? proxyLocalActivities<JourneyActivities>({ startToCloseTimeout, retry: callRetry })
          : proxyActivities<JourneyActivities>({ startToCloseTimeout, heartbeatTimeout: '15 seconds', retry: callRetry });
        const pending = steps.take();
        try {
          const response = await calling.callJourneyWebhook({ run, nodeId: node.id, iteration, settings: node.settings, trigger: input.trigger, context: state.context, steps: pending, convertedAt: state.convertedAt });
          if (node.settings.saveResponseAs) state.context[node.settings.saveResponseAs] = { status: response.status, body: response.body as JsonValue };
          return { branch: 'ok', reason: response.reason, messageId: response.messageId };
        } catch (error) {
          const failure = stepFailureOf(error);
          if (!failure) throw error;
          steps.restore(pending);
          if (isCancellation(error)) throw error;
          // A non-retryable answer (4xx, template error) ends the step after one attempt, not maximumAttempts.
          const attempts = failure.nonRetryable ? '' : ` after ${retry.maximumAttempts} attempt(s)`;
          return { branch: 'failed', reason: `webhook failed${attempts}: ${failure.message}` };
        }
      }

      case 'end':
        return { end: 'COMPLETED', reason: `reached ${nodeLabel(node)}` };
    }
  };

  const sleepAt = async (node: JourneyNode, untilMs: number, waitingReason: string, doneReason: string, showInstant = true): Promise<NodeOutcome> => {
    waitingLabel = showInstant ? `${waitingReason} (until ${new Date(untilMs).toISOString()})` : waitingReason;
    steps.add('WAITING', node.id, { reason: waitingLabel });
    setCurrentDetails(`${nodeLabel(node)}: ${waitingLabel}`);
    waiting = { sinceMs: workflowNow(), listeningTo: listenedAlways };
    await recordProgress();
    const waited = await waitFor(untilMs, () => false);
    waiting = null;
    waitingLabel = null;
    state.eventsCountFrom = new Date(workflowNow()).toISOString();
    if (waited === 'exit') return { end: 'EXITED', reason: exitReason! };
    return { branch: 'next', reason: doneReason };
  };

  try {
    for (;;) {
      if (exitReason) return await finish('EXITED', exitReason);
      const info = workflowInfo();
      if (info.continueAsNewSuggested || info.historyLength > historyEventsBeforeContinueAsNew) {
        await recordProgress();
        // The same workflow type (this generation of the code) goes on with the state.
        await continueAsNew<(input: JourneyRunInput) => Promise<JourneyRunResult>>({ ...input, state: { ...state, seq: steps.nextSeq } });
      }
      const node = graph.node(state.nodeId);
      if (!node) return await finish('FAILED', `node "${state.nodeId}" is not in version ${input.version}`);
      const visit = (state.visits[node.id] ?? 0) + 1;
      if (visit > definition.maxNodeVisits) return await finish('EXITED', `loop limit: ${nodeLabel(node)} reached ${definition.maxNodeVisits} visits`);
      state.visits[node.id] = visit;
      steps.add('ENTERED', node.id);
      setCurrentDetails(`At ${nodeLabel(node)}`);
      const outcome = await runNode(node, visit);
      if ('end' in outcome) return await finish(outcome.end, outcome.reason);
      steps.add('BRANCH', node.id, { branch: outcome.branch, reason: outcome.reason, ...(outcome.messageId ? { messageId: outcome.messageId } : {}) });
      const next = graph.target(node.id, outcome.branch);
      if (!next) return await finish('COMPLETED', `branch "${outcome.branch}" of ${nodeLabel(node)} leads nowhere: the journey ends here`);
      state.nodeId = next;
    }
  } catch (error) {
    if (isCancellation(error)) {
      await CancellationScope.nonCancellable(() => finish('CANCELLED', 'the journey was stopped'));
    }
    throw error;
  }
}
