'use client';

import { memo, useCallback, useMemo } from 'react';
import styles from '../Builder.module.css';
import type { JourneySettings } from '../graph';
import type { Problem } from '../queries';
import { CheckboxControl, DateTimeControl, NumberControl, Row, Section, SelectControl } from './controls';
import { ListControl } from './ListControl';
import { getIn, setIn } from './paths';
import { AttributeControl, DurationControl, EventNameControl, SegmentControl } from './pickers';
import { ComparisonValueControl, OperatorControl, PropertyFiltersControl } from './PropertyFiltersControl';
import { useFormBinding } from './useFormBinding';
import { friendlyMessage, journeySettingsErrors } from './validation';

function newExit(kind: string) {
  if (kind === 'attribute') return { kind, attribute: '', operator: 'eq', value: '' };
  if (kind === 'segment') return { kind, segmentId: '', member: false };
  return { kind: 'event', eventName: '', filters: [] };
}

/** Entry rules, goal, exit criteria and the loop limit: the journey as a whole. */
export const JourneySettingsForm = memo(function JourneySettingsForm({ settings, problems, readOnly, onChange }: { settings: JourneySettings; problems: Problem[] | null; readOnly: boolean; onChange: (settings: JourneySettings, path: string) => void }) {
  const errors = useMemo(() => {
    const local = new Map(journeySettingsErrors(settings));
    for (const problem of problems ?? []) if (!problem.nodeId && problem.severity === 'error' && !local.has(problem.path)) local.set(problem.path, friendlyMessage(problem.message));
    return local;
  }, [settings, problems]);
  const onSet = useCallback((path: string, value: unknown) => onChange(setIn(settings, path, value), path), [settings, onChange]);
  const form = useFormBinding('journey', settings, errors, (problems ?? []).some((p) => !p.nodeId), onSet);
  const reEntry = String(getIn(settings, 'entryRules.reEntry.mode') ?? 'never');
  const hasGoal = settings.goal !== undefined;

  return (
    <form className="form" onSubmit={(e) => e.preventDefault()} aria-label="Journey settings">
      <fieldset disabled={readOnly} className={styles.fieldset}>
        <Section title="Entry" hint="Checked each time a user would enter.">
          <SelectControl
            form={form}
            path="entryRules.reEntry.mode"
            label="Can a user enter again?"
            options={[
              { value: 'never', label: 'No: once per user' },
              { value: 'afterExit', label: 'Yes, once their previous run has ended' },
              { value: 'anyTime', label: 'Yes, any time (even while in it)' },
            ]}
            onSelect={(mode) => form.set('entryRules.reEntry', { mode })}
          />
          {reEntry === 'anyTime' ? <DurationControl form={form} path="entryRules.reEntry.minimumGap" label="At least this long after their last entry" hint="Leave empty for no minimum." /> : null}
          <Row>
            <NumberControl form={form} path="entryRules.maxEntriesPerUser" label="Entries per user at most" min={1} hint="Empty: no limit" />
            <NumberControl form={form} path="entryRules.maxConcurrentUsers" label="Users in it at once at most" min={1} hint="Empty: no limit" />
          </Row>
          <Row>
            <DateTimeControl form={form} path="entryRules.window.startAt" label="Accept entries from" optional />
            <DateTimeControl form={form} path="entryRules.window.endAt" label="Until" optional />
          </Row>
        </Section>

        <Section title="Goal" hint="A conversion: the run counts as converted when the user does it in time.">
          <CheckboxControl form={{ ...form, value: { on: hasGoal }, set: (_p, on) => form.set('goal', on ? { eventName: '', filters: [], within: { amount: 7, unit: 'days' }, exitOnConversion: false } : undefined) }} path="on" label="Track a conversion goal" />
          {hasGoal ? (
            <>
              <EventNameControl form={form} path="goal.eventName" label="Goal event" placeholder="e.g. Order Completed" />
              <DurationControl form={form} path="goal.within" label="Within (after entering)" />
              <PropertyFiltersControl form={form} path="goal.filters" label="Only when the goal event’s properties match" />
              <CheckboxControl form={form} path="goal.exitOnConversion" label="End the run as soon as the user converts" />
            </>
          ) : null}
        </Section>

        <Section title="Exit criteria" hint="End a user’s run at once, even while it waits.">
          <ListControl
            form={form}
            path="exitCriteria"
            label="Users leave when"
            itemLabel={(index) => `Exit ${index + 1}`}
            addLabel="Add an exit criterion"
            newItem={() => newExit('event')}
            max={20}
            empty="No exit criteria: users go through to the end."
            renderItem={(path) => {
              const kind = String(getIn(settings, `${path}.kind`) ?? 'event');
              return (
                <>
                  <SelectControl
                    form={form}
                    path={`${path}.kind`}
                    label="When"
                    options={[
                      { value: 'event', label: 'They do an event' },
                      { value: 'attribute', label: 'An attribute matches' },
                      { value: 'segment', label: 'They enter or leave a segment' },
                    ]}
                    onSelect={(next) => form.set(path, newExit(next))}
                  />
                  {kind === 'event' ? (
                    <>
                      <EventNameControl form={form} path={`${path}.eventName`} label="Event" />
                      <PropertyFiltersControl form={form} path={`${path}.filters`} />
                    </>
                  ) : null}
                  {kind === 'attribute' ? (
                    <Row columns="1fr 1fr">
                      <AttributeControl form={form} path={`${path}.attribute`} label="Attribute" />
                      <OperatorControl form={form} path={path} />
                      <div style={{ gridColumn: '1 / -1' }}>
                        <ComparisonValueControl form={form} path={`${path}.value`} operator={String(getIn(settings, `${path}.operator`) ?? 'eq')} />
                      </div>
                    </Row>
                  ) : null}
                  {kind === 'segment' ? (
                    <Row columns="1fr 1fr">
                      <SelectControl
                        form={form}
                        path={`${path}.member`}
                        label="They"
                        options={[
                          { value: 'false', label: 'leave' },
                          { value: 'true', label: 'enter' },
                        ]}
                        onSelect={(value) => form.set(`${path}.member`, value === 'true')}
                      />
                      <SegmentControl form={form} path={`${path}.segmentId`} label="Segment" />
                    </Row>
                  ) : null}
                </>
              );
            }}
          />
        </Section>

        <Section title="Loops">
          <NumberControl form={form} path="maxNodeVisits" label="Times a run may pass through one step" min={1} max={100} hint="Bounds loops (a loop must pass through a wait)." />
        </Section>
      </fieldset>
    </form>
  );
});
