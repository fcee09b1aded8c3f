import type { ReactNode } from 'react';

export function EmptyState({
  icon,
  title,
  children,
  actions,
}: {
  icon: ReactNode;
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <section className="empty-state" aria-labelledby="empty-state-title">
      <div className="empty-state-icon" aria-hidden>
        {icon}
      </div>
      <h2 id="empty-state-title">{title}</h2>
      <p>{children}</p>
      {actions && <div className="empty-state-actions">{actions}</div>}
    </section>
  );
}
