import type { LineSvgProps, LineSeries } from '@nivo/line';

type PartialTheme = NonNullable<LineSvgProps<LineSeries>['theme']>;

/** nivo charts in the app's look (system font, muted axes, light grid). */
export const chartTheme: PartialTheme = {
  text: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', fontSize: 11, fill: '#5e6a7a' },
  axis: {
    domain: { line: { stroke: 'transparent' } },
    ticks: { line: { stroke: '#d0d5dd', strokeWidth: 1 }, text: { fill: '#5e6a7a', fontSize: 11 } },
  },
  grid: { line: { stroke: '#eceef2', strokeWidth: 1 } },
  crosshair: { line: { stroke: '#0f6cbd', strokeOpacity: 0.35 } },
  tooltip: { container: { fontSize: 12, borderRadius: 6, boxShadow: '0 4px 12px rgb(16 24 40 / 0.12)' } },
};

/** Series colours, in the app's palette. */
export const chartColors = { primary: '#0f6cbd', secondary: '#38bdf8', success: '#1a7f4b', muted: '#8a94a3' } as const;
