'use client';

import { useMutation } from '@apollo/client/react';
import { type ReactNode, useState } from 'react';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { formatCount } from '@/lib/format';
import type { JourneyLifecycleFieldsFragment } from '@/lib/gql/graphql';
import { apiError } from './errors';
import { ARCHIVE_JOURNEY_MUTATION, PAUSE_JOURNEY_MUTATION, RESUME_JOURNEY_MUTATION, STOP_JOURNEY_MUTATION } from './queries';

type Action = 'publish' | 'pause' | 'resume' | 'stop' | 'archive';

const actionsByStatus: Record<JourneyLifecycleFieldsFragment['status'], Action[]> = {
  DRAFT: ['archive', 'publish'],
  LIVE: ['pause', 'stop', 'publish'],
  PAUSED: ['resume', 'stop', 'publish'],
  STOPPED: ['archive', 'publish'],
  ARCHIVED: [],
};

const users = (n: number) => `${formatCount(n)} user${n === 1 ? '' : 's'}`;

function dialogFor(action: Action, journey: JourneyLifecycleFieldsFragment): { title: string; body: ReactNode; confirm: string; danger: boolean } {
  const active = journey.stats.active;
  const next = (journey.latestVersion ?? 0) + 1;
  switch (action) {
    case 'publish':
      return journey.latestVersion
        ? { title: `Publish version ${next}?`, body: <>New entries use version {next}. The {users(active)} in the journey now finish on the version they started with.</>, confirm: `Publish version ${next}`, danger: false }
        : { title: 'Publish this journey?', body: <>Users who match its trigger start entering as soon as it is published.</>, confirm: 'Publish', danger: false };
    case 'pause':
      return { title: 'Pause this journey?', body: <>No one new enters while it is paused. The {users(active)} in it now continue their runs.</>, confirm: 'Pause', danger: false };
    case 'resume':
      return { title: 'Resume this journey?', body: <>Users who match its trigger enter again. {users(active)} are in it now.</>, confirm: 'Resume', danger: false };
    case 'stop':
      return {
        title: 'Stop this journey?',
        body: <>Stopping cancels the runs of the {users(active)} in it now: they leave at once, without further messages. No one enters until it is published again.</>,
        confirm: active ? `Stop and cancel ${formatCount(active)} run${active === 1 ? '' : 's'}` : 'Stop',
        danger: true,
      };
    case 'archive':
      return { title: 'Archive this journey?', body: <>It is hidden from the journey list (show archived journeys to find it) and can no longer be edited.{active ? ` ${users(active)} are still in it.` : ''}</>, confirm: 'Archive', danger: true };
  }
}

const labels: Record<Action, string> = { publish: 'Publish', pause: 'Pause', resume: 'Resume', stop: 'Stop', archive: 'Archive' };

/**
 * Publish, pause, resume, stop and archive, each confirmed with what it does
 * to the users in the journey now; the outcome is reported through `onNotice`.
 */
export function LifecycleActions({ journey, onPublish, onNotice }: { journey: JourneyLifecycleFieldsFragment; onPublish: () => Promise<void>; onNotice: (message: string, tone?: 'success' | 'error') => void }) {
  const [pending, setPending] = useState<Action | null>(null);
  const [busy, setBusy] = useState(false);
  const [pause] = useMutation(PAUSE_JOURNEY_MUTATION);
  const [resume] = useMutation(RESUME_JOURNEY_MUTATION);
  const [stop] = useMutation(STOP_JOURNEY_MUTATION);
  const [archive] = useMutation(ARCHIVE_JOURNEY_MUTATION);
  const actions = actionsByStatus[journey.status];

  const run = async (action: Action) => {
    setBusy(true);
    try {
      const variables = { id: journey.id };
      if (action === 'publish') await onPublish();
      else if (action === 'pause') await pause({ variables }).then(() => onNotice('Paused: no one new enters; runs in flight continue.'));
      else if (action === 'resume') await resume({ variables }).then(() => onNotice('Resumed: users enter again.'));
      else if (action === 'archive') await archive({ variables }).then(() => onNotice('Archived: hidden from the journey list.'));
      else {
        const result = await stop({ variables });
        const cancelled = result.data?.stopJourney.cancelledRuns ?? 0;
        onNotice(`Stopped: ${formatCount(cancelled)} run${cancelled === 1 ? '' : 's'} cancelled.`);
      }
    } catch (error) {
      onNotice(`${labels[action]} failed: ${apiError(error).message}`, 'error');
    } finally {
      setBusy(false);
      setPending(null);
    }
  };

  const dialog = pending ? dialogFor(pending, journey) : null;
  return (
    <>
      {actions.map((action) => (
        <button key={action} type="button" className={`button ${action === 'publish' ? 'button--primary' : 'button--ghost'}`} onClick={() => setPending(action)} disabled={busy}>
          {action === 'publish' && journey.latestVersion ? 'Publish changes' : labels[action]}
        </button>
      ))}
      <ConfirmDialog open={dialog !== null} title={dialog?.title ?? ''} confirmLabel={dialog?.confirm ?? ''} danger={dialog?.danger ?? false} busy={busy} onConfirm={() => pending && void run(pending)} onCancel={() => setPending(null)}>
        {dialog?.body}
      </ConfirmDialog>
    </>
  );
}
