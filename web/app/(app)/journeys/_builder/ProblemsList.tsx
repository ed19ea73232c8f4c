'use client';

import { memo } from 'react';
import styles from './Builder.module.css';
import type { Problem } from './queries';

/**
 * Every problem of the last validation, errors first; a problem on a step
 * selects that step. Journey-level problems (rules, goal, exits) say so.
 */
export const ProblemsList = memo(function ProblemsList({ problems, validating, error, nodeTitle, onSelectNode, onValidate }: { problems: Problem[] | null; validating: boolean; error: string | null; nodeTitle: (id: string) => string | undefined; onSelectNode: (id: string) => void; onValidate: () => void }) {
  if (problems === null) {
    return (
      <div className={styles.panelEmpty}>
        <p>Check the journey for anything that would stop it from publishing: missing settings, dangling branches, loops without a wait.</p>
        <button type="button" className="button button--small" onClick={onValidate} disabled={validating}>
          {validating ? 'Checking…' : 'Check the journey'}
        </button>
        {error ? <p className="field__error">{error}</p> : null}
      </div>
    );
  }
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  if (!problems.length) return <p className={styles.allGood}>✓ No problems: ready to publish.</p>;
  const item = (problem: Problem, index: number) => {
    const title = problem.nodeId ? (nodeTitle(problem.nodeId) ?? problem.nodeId) : 'Journey settings';
    return (
      <li key={`${problem.path}-${index}`} className={problem.severity === 'error' ? styles.problemError : styles.problemWarning}>
        {problem.nodeId && nodeTitle(problem.nodeId) ? (
          <button type="button" className={styles.problemButton} onClick={() => onSelectNode(problem.nodeId!)}>
            {/* The id too: two steps often share a title ("Wait"). */}
            <span className={styles.problemWhere}>
              {title} <span className="mono">({problem.nodeId})</span>
            </span>
            <span>{problem.message}</span>
          </button>
        ) : (
          <div className={styles.problemButton}>
            <span className={styles.problemWhere}>{title}</span>
            <span>
              {problem.path ? <span className="mono">{problem.path}: </span> : null}
              {problem.message}
            </span>
          </div>
        )}
      </li>
    );
  };
  return (
    <div className={styles.problems}>
      <p className={styles.problemSummary} role="status">
        {errors.length ? `${errors.length} error${errors.length > 1 ? 's' : ''} block publishing` : 'Nothing blocks publishing'}
        {warnings.length ? ` · ${warnings.length} warning${warnings.length > 1 ? 's' : ''}` : ''}
      </p>
      {errors.length ? <ul className={styles.problemList}>{errors.map(item)}</ul> : null}
      {warnings.length ? (
        <>
          <h4 className={styles.formSectionTitle}>Warnings</h4>
          <ul className={styles.problemList}>{warnings.map(item)}</ul>
        </>
      ) : null}
      {error ? <p className="field__error">{error}</p> : null}
    </div>
  );
});
