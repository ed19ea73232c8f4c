'use client';

import { newAttributeCondition, ConditionGroupControl } from './ConditionGroupControl';
import { type FormBinding, Row, TextControl } from './controls';
import { ListControl } from './ListControl';
import { getIn } from './paths';

export function ConditionSplitForm({ form }: { form: FormBinding }) {
  const branches = getIn(form.value, 'branches');
  const count = Array.isArray(branches) ? branches.length : 0;
  return (
    <ListControl
      form={form}
      path="branches"
      label="Branches"
      hint="Checked in order: a user takes the first branch whose conditions hold, otherwise “else”."
      itemLabel={(index) => {
        const label = getIn(form.value, `branches.${index}.label`) ?? getIn(form.value, `branches.${index}.key`);
        return `Branch ${index + 1}${typeof label === 'string' && label ? `: ${label}` : ''}`;
      }}
      addLabel="Add a branch"
      newItem={() => ({ key: `branch${count + 1}`, label: `Branch ${count + 1}`, when: { match: 'all', conditions: [newAttributeCondition()] } })}
      min={1}
      max={20}
      reorderable
      renderItem={(path) => (
        <>
          <Row>
            <TextControl form={form} path={`${path}.label`} label="Name" optional />
            <TextControl form={form} path={`${path}.key`} label="Handle" hint="Letters, digits, _ and -" mono />
          </Row>
          <ConditionGroupControl form={form} path={`${path}.when`} label="Conditions" />
        </>
      )}
    />
  );
}
