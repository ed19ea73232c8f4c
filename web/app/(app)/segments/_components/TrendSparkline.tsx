'use client';

import { Line } from '@nivo/line';
import { memo } from 'react';
import { formatCount } from '@/lib/format';
import s from './Segments.module.css';

const WIDTH = 112;
const HEIGHT = 28;

/** A 30-day size trend as a tiny line (no axes, no interaction: cheap to draw in every row). */
export const TrendSparkline = memo(function TrendSparkline({ points }: { points: ReadonlyArray<{ day: string; size: number }> }) {
  if (points.length < 2) return <span className={s.noTrend}>{points.length === 1 ? 'Since today' : '—'}</span>;
  const first = points[0]!.size;
  const last = points[points.length - 1]!.size;
  const sizes = points.map((p) => p.size);
  const min = Math.min(...sizes);
  const max = Math.max(...sizes);
  const label = `Size over the last ${points.length} days: from ${formatCount(first)} to ${formatCount(last)}`;
  return (
    <span className={s.sparkline} role="img" aria-label={label} title={label}>
      <Line
        width={WIDTH}
        height={HEIGHT}
        data={[{ id: 'size', data: points.map((p) => ({ x: p.day.slice(0, 10), y: p.size })) }]}
        margin={{ top: 3, right: 3, bottom: 3, left: 3 }}
        xScale={{ type: 'point' }}
        // A flat series sits in the middle rather than on an edge.
        yScale={{ type: 'linear', min: min === max ? min - 1 : min, max: min === max ? max + 1 : max }}
        curve="monotoneX"
        colors={[last >= first ? '#0f6cbd' : '#b42318']}
        lineWidth={1.75}
        enablePoints={false}
        enableGridX={false}
        enableGridY={false}
        axisBottom={null}
        axisLeft={null}
        isInteractive={false}
        animate={false}
        role="presentation"
      />
    </span>
  );
});
