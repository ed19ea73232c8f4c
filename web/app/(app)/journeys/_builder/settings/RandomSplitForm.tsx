'use client';

import styles from '../Builder.module.css';
import { type FormBinding, NumberControl, Row, TextControl } from './controls';
import { ListControl } from './ListControl';
import { getIn } from './paths';

export function RandomSplitForm({ form }: { form: FormBinding }) {
  const branches = getIn(form.value, 'branches');
  const list = Array.isArray(branches) ? branches : [];
  const control = getIn(form.value, 'controlPercent');
  const total = list.reduce((sum: number, branch) => sum + (typeof getIn(branch, 'percent') === 'number' ? (getIn(branch, 'percent') as number) : 0), 0) + (typeof control === 'number' ? control : 0);
  const letter = (index: number) => String.fromCharCode(97 + (index % 26));
  return (
    <>
      <ListControl
        form={form}
        path="branches"
        label="Variants"
        hint="Each user is drawn once per step version and keeps their variant."
        itemLabel={(index) => `Variant ${index + 1}`}
        addLabel="Add a variant"
        newItem={() => ({ key: letter(list.length), label: letter(list.length).toUpperCase(), percent: 0 })}
        min={1}
        max={10}
        reorderable
        renderItem={(path) => (
          <Row columns="1fr 1fr 0.8fr">
            <TextControl form={form} path={`${path}.label`} label="Name" optional />
            <TextControl form={form} path={`${path}.key`} label="Handle" mono />
            <NumberControl form={form} path={`${path}.percent`} label="Share" suffix="%" min={0} max={100} />
          </Row>
        )}
      />
      <NumberControl form={form} path="controlPercent" label="Control group" suffix="%" min={0} max={100} hint="Users drawn into it leave the journey without messages, and are reported." />
      <p className={Math.abs(total - 100) < 1e-6 ? styles.total : `${styles.total} ${styles.totalWrong}`} role="status">
        Total: {Number(total.toFixed(2))}% {Math.abs(total - 100) < 1e-6 ? '✓' : '(must be 100%)'}
      </p>
    </>
  );
}
