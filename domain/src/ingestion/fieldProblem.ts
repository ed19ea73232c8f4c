/** One thing wrong with one field of one message; `index` is the message's position in a batch. */
export interface FieldProblem {
  index?: number;
  field: string;
  message: string;
}

export function describeProblems(problems: FieldProblem[]): string {
  return problems
    .map((problem) => `${problem.index === undefined ? '' : `batch[${problem.index}].`}${problem.field || '(message)'} ${problem.message}`)
    .join('; ');
}
