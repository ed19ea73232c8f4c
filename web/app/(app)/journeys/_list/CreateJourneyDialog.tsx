'use client';

import { useMutation } from '@apollo/client/react';
import { useRouter } from 'next/navigation';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Field } from '@/components/Field';
import { errorDetails } from '@/lib/errors';
import { CREATE_JOURNEY_MUTATION } from './queries';

/** Names a new journey and opens it in the builder. A native <dialog>: Escape cancels. */
export function CreateJourneyDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const router = useRouter();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [create, { loading }] = useMutation(CREATE_JOURNEY_MUTATION);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      setName('');
      setError(null);
      element.showModal();
    }
    if (!open && element.open) element.close();
  }, [open]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError('Give the journey a name');
      return;
    }
    try {
      const result = await create({ variables: { input: { name: name.trim() } } });
      const id = result.data?.createJourney.id;
      if (id) router.push(`/journeys/${id}`);
    } catch (caught) {
      setError(errorDetails(caught).message.replace(/^input\.name: /, ''));
    }
  };

  return (
    <dialog ref={dialog} className="dialog" onCancel={(event) => (event.preventDefault(), onClose())} aria-labelledby="create-journey-title">
      <form className="dialog__body" onSubmit={onSubmit} noValidate>
        <h2 id="create-journey-title" className="dialog__title">
          New journey
        </h2>
        <Field label="Name" hint="What it is for, e.g. “Abandoned cart” or “Welcome series”." error={error}>
          {(props) => <input {...props} className="input" value={name} maxLength={255} onChange={(e) => setName(e.target.value)} autoFocus autoComplete="off" />}
        </Field>
        <div className="dialog__actions">
          <button type="button" className="button button--ghost" onClick={onClose} disabled={loading}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={loading}>
            {loading ? 'Creating…' : 'Create and open'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
