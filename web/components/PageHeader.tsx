import type { ReactNode } from 'react';

export function PageHeader({ eyebrow, title, meta, actions }: { eyebrow?: string; title: ReactNode; meta?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="page-header page-header--with-actions">
      <div>
        {eyebrow ? <p className="page-header__eyebrow">{eyebrow}</p> : null}
        <h1 className="page-header__title">{title}</h1>
        {meta ? <p className="page-header__meta">{meta}</p> : null}
      </div>
      {actions ? <div className="page-header__actions">{actions}</div> : null}
    </header>
  );
}
