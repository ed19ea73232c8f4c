'use client';

import { ResponsiveBar } from '@nivo/bar';
import { chartColors, chartTheme } from '@/lib/chartTheme';
import { formatCount } from '@/lib/format';
import styles from './Overview.module.css';

function hourFormatter(timeZone: string): (iso: string) => string {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
  } catch {
    format = new Intl.DateTimeFormat('en-US', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  }
  return (iso) => format.format(new Date(iso));
}

/** Ticks at whole numbers (counts), about four of them, from 0 to at least `max`. */
export function countTicks(max: number): number[] {
  const raw = Math.max(1, max) / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((candidate) => candidate >= raw) ?? 10 * magnitude);
  const ticks = [0];
  while (ticks[ticks.length - 1]! < max) ticks.push(ticks[ticks.length - 1]! + step);
  return ticks.length > 1 ? ticks : [0, 1];
}

/** Events per hour over the last 24 hours: one bar per hour, labelled in the workspace's time zone. */
export function EventsPerHourChart({ points, timeZone }: { points: ReadonlyArray<{ hour: string; count: number }>; timeZone: string }) {
  const label = hourFormatter(timeZone);
  const peak = points.reduce((best, p) => (p.count > best.count ? p : best), points[0] ?? { hour: '', count: 0 });
  const total = points.reduce((sum, p) => sum + p.count, 0);
  const ticks = countTicks(peak.count);
  const data = points.map((p) => ({ hour: p.hour, events: p.count }));
  const hourTicks = points.filter((_, i) => (points.length - 1 - i) % 4 === 0).map((p) => p.hour);
  return (
    <div className={styles.chart} role="img" aria-label={`Events per hour over the last 24 hours: ${formatCount(total)} in all, most (${formatCount(peak.count)}) at ${peak.hour ? label(peak.hour) : '—'}.`}>
      <ResponsiveBar
        data={data}
        keys={['events']}
        indexBy="hour"
        theme={chartTheme}
        colors={[chartColors.primary]}
        margin={{ top: 16, right: 16, bottom: 32, left: 44 }}
        padding={0.25}
        borderRadius={2}
        valueScale={{ type: 'linear', min: 0, max: ticks[ticks.length - 1] }}
        gridYValues={ticks}
        axisLeft={{ tickSize: 0, tickPadding: 8, tickValues: ticks, format: (v) => formatCount(Number(v)) }}
        axisBottom={{ tickSize: 4, tickPadding: 6, tickValues: hourTicks, format: (v) => label(String(v)) }}
        enableLabel={false}
        tooltip={({ indexValue, value }) => (
          <div className={styles.tooltip}>
            <strong>{formatCount(value)}</strong> events · {label(String(indexValue))}
          </div>
        )}
        animate={false}
      />
    </div>
  );
}

/** Users seen today: first seen today vs first seen before. */
export function NewVsReturningChart({ newUsers, returningUsers }: { newUsers: number; returningUsers: number }) {
  const ticks = countTicks(Math.max(newUsers, returningUsers));
  const data = [
    { kind: 'Returning', users: returningUsers },
    { kind: 'New', users: newUsers },
  ];
  return (
    <div className={styles.chart} role="img" aria-label={`Users seen today: ${formatCount(newUsers)} new, ${formatCount(returningUsers)} returning.`}>
      <ResponsiveBar
        data={data}
        keys={['users']}
        indexBy="kind"
        layout="horizontal"
        theme={chartTheme}
        colors={({ indexValue }) => (indexValue === 'New' ? chartColors.secondary : chartColors.primary)}
        margin={{ top: 12, right: 24, bottom: 32, left: 80 }}
        padding={0.35}
        borderRadius={4}
        valueScale={{ type: 'linear', min: 0, max: ticks[ticks.length - 1] }}
        enableGridY={false}
        enableGridX
        gridXValues={ticks}
        axisLeft={{ tickSize: 0, tickPadding: 10 }}
        axisBottom={{ tickSize: 0, tickPadding: 8, tickValues: ticks, format: (v) => formatCount(Number(v)) }}
        labelSkipWidth={24}
        labelTextColor="#ffffff"
        valueFormat={(v) => formatCount(v)}
        tooltip={({ indexValue, value }) => (
          <div className={styles.tooltip}>
            <strong>{formatCount(value)}</strong> {String(indexValue).toLowerCase()} users
          </div>
        )}
        animate={false}
      />
    </div>
  );
}
