'use client';

import { Line } from '@nivo/line';
import { chartColors } from '@/lib/chartTheme';
import { formatCount } from '@/lib/format';

const WIDTH = 120;
const HEIGHT = 30;

/** A 30-day trend in a table cell: the line only, labelled for screen readers with the total and the busiest day. */
export function Sparkline({ points, muted = false }: { points: ReadonlyArray<{ day: string; count: number }>; muted?: boolean }) {
  const total = points.reduce((sum, p) => sum + p.count, 0);
  const peak = points.reduce((best, p) => (p.count > best.count ? p : best), points[0] ?? { day: '', count: 0 });
  const label = total ? `${formatCount(total)} in the last ${points.length} days; most (${formatCount(peak.count)}) on ${peak.day}` : `None in the last ${points.length} days`;
  return (
    <span role="img" aria-label={label} title={label} style={{ display: 'inline-block', width: WIDTH, height: HEIGHT, verticalAlign: 'middle' }}>
      <Line
        width={WIDTH}
        height={HEIGHT}
        data={[{ id: 'count', data: points.map((p) => ({ x: p.day, y: p.count })) }]}
        margin={{ top: 3, right: 2, bottom: 3, left: 2 }}
        xScale={{ type: 'point' }}
        yScale={{ type: 'linear', min: 0, max: Math.max(1, peak.count) }}
        curve="linear"
        colors={[muted ? chartColors.muted : chartColors.primary]}
        lineWidth={1.5}
        enableArea
        areaOpacity={0.1}
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
}
