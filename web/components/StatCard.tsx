import { formatCount } from '@/lib/format';

export function StatCard({ label, value, hint }: { label: string; value: number; hint?: string }) {
  return (
    <div className="stat-card">
      <div className="stat-card__label">{label}</div>
      <div className="stat-card__value">{formatCount(value)}</div>
      {hint ? <div className="stat-card__hint">{hint}</div> : null}
    </div>
  );
}
