'use client';

import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { formatCount } from '@/lib/format';
import { mutationFailure } from '../_lib/mutationErrors';
import { DELETE_SEGMENT_MUTATION, SEGMENT_USAGE_QUERY } from '../_queries';
import s from './Segments.module.css';

/**
 * Confirms deleting a segment: says how many members it has and who uses it
 * (journeys and segments, which block the delete: the API answers CONFLICT
 * naming them, and that message is shown here).
 */
export function DeleteSegmentDialog({ segment, onDone, onCancel }: { segment: { id: string; name: string; size: number }; onDone: () => void; onCancel: () => void }) {
  const usage = useQuery(SEGMENT_USAGE_QUERY, { variables: { id: segment.id }, fetchPolicy: 'network-only' });
  const [error, setError] = useState<string | null>(null);
  const [deleteSegment, deleting] = useMutation(DELETE_SEGMENT_MUTATION, {
    update(cache, { data }) {
      if (!data) return;
      cache.evict({ id: cache.identify({ __typename: 'Segment', id: data.deleteSegment }) });
      cache.gc();
    },
  });
  const usedBy = usage.data?.segment?.usedBy ?? [];
  const size = usage.data?.segment?.size ?? segment.size;

  const confirm = async () => {
    setError(null);
    try {
      await deleteSegment({ variables: { id: segment.id } });
      onDone();
    } catch (e) {
      setError(mutationFailure(e).message);
    }
  };

  return (
    <ConfirmDialog open title={`Delete segment “${segment.name}”?`} confirmLabel="Delete segment" busy={deleting.loading} onConfirm={() => void confirm()} onCancel={onCancel}>
      <p>
        Its {formatCount(size)} {size === 1 ? 'member' : 'members'} and membership history are deleted with it. This cannot be undone.
      </p>
      {usedBy.length ? (
        <div className={s.usedByWarning}>
          <p>It is used by {usedBy.length === 1 ? 'one journey or segment' : `${usedBy.length} journeys and segments`}, and cannot be deleted until they stop using it:</p>
          <ul>
            {usedBy.map((user) => (
              <li key={`${user.kind}:${user.id}`}>
                {user.kind === 'JOURNEY' ? 'Journey' : 'Segment'} “{user.name}”
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </ConfirmDialog>
  );
}
