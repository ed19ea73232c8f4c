import { compare, describeComparison, formatValue } from '../conditions/comparison';
import { describeDuration } from '../conditions/duration';
import { valueAtPath } from '../conditions/valueAtPath';
import type { JsonObject, JsonValue } from '../json/json';
import type { BehaviourCondition, ConditionGroup, JourneyCondition } from './journeyCondition';
import { type UserFacts, userAttribute } from './userFacts';

/** Everything a condition may look at; behaviour counts and segment membership come from the database. */
export interface ConditionFacts {
  user: UserFacts;
  triggerProperties: JsonObject;
  context: JsonObject;
  behaviourCount(condition: BehaviourCondition): number;
  segmentMember?(segmentId: string): boolean;
  /** For reasons: a segment's name. */
  segmentName?(segmentId: string): string;
}

export interface ConditionOutcome {
  holds: boolean;
  /** Why, in the marketer's words: "plan = free (is pro)". */
  reason: string;
}

export function evaluateCondition(condition: JourneyCondition, facts: ConditionFacts): ConditionOutcome {
  const comparison = (subject: string, actual: JsonValue | undefined, c: { operator: Parameters<typeof compare>[1]; value?: Parameters<typeof compare>[2] }) => {
    const holds = compare(actual, c.operator, c.value);
    const described = describeComparison(subject, c.operator, c.value);
    const seen = actual === undefined ? 'missing' : `is ${formatValue(actual)}`;
    return { holds, reason: c.operator === 'exists' || c.operator === 'notExists' ? described : `${described} (${seen})` };
  };
  switch (condition.kind) {
    case 'attribute':
      return comparison(condition.attribute, userAttribute(facts.user, condition.attribute), condition);
    case 'triggerProperty':
      return comparison(`event.${condition.property}`, valueAtPath(facts.triggerProperties, condition.property), condition);
    case 'context':
      return comparison(`context.${condition.path}`, valueAtPath(facts.context, condition.path), condition);
    case 'behaviour': {
      const count = facts.behaviourCount(condition);
      const did = count >= condition.atLeast;
      const holds = condition.did ? did : !did;
      const times = condition.atLeast === 1 ? '' : ` at least ${condition.atLeast} times`;
      return { holds, reason: `${condition.did ? 'did' : 'did not do'} ${condition.eventName}${times} in the last ${describeDuration(condition.within)} (${count} ${count === 1 ? 'time' : 'times'})` };
    }
    case 'segment': {
      if (!facts.segmentMember) return { holds: false, reason: `segment ${condition.segmentId}: segments are not available` };
      const member = facts.segmentMember(condition.segmentId);
      const name = facts.segmentName ? `"${facts.segmentName(condition.segmentId)}"` : condition.segmentId;
      return { holds: member === condition.member, reason: `${member ? 'member' : 'not a member'} of segment ${name}` };
    }
  }
}

/** `all` stops at the first false condition, `any` at the first true one; the reason names the deciding condition(s). */
export function evaluateConditionGroup(group: ConditionGroup, facts: ConditionFacts): ConditionOutcome {
  const outcomes: ConditionOutcome[] = [];
  for (const condition of group.conditions) {
    const outcome = evaluateCondition(condition, facts);
    outcomes.push(outcome);
    if (group.match === 'all' && !outcome.holds) return { holds: false, reason: outcome.reason };
    if (group.match === 'any' && outcome.holds) return { holds: true, reason: outcome.reason };
  }
  return { holds: group.match === 'all', reason: outcomes.map((o) => o.reason).join(group.match === 'all' ? ' and ' : ' or ') };
}

export interface SplitDecision {
  branch: string;
  reason: string;
}

/** The first branch whose conditions hold, else `else`, with the reason for the step log. */
export function decideConditionSplit(branches: ReadonlyArray<{ key: string; label?: string; when: ConditionGroup }>, facts: ConditionFacts): SplitDecision {
  const misses: string[] = [];
  for (const branch of branches) {
    const outcome = evaluateConditionGroup(branch.when, facts);
    if (outcome.holds) return { branch: branch.key, reason: `condition true: ${outcome.reason}` };
    misses.push(outcome.reason);
  }
  return { branch: 'else', reason: `condition false: ${misses.join('; ')}` };
}
