/**
 * The layout of the critical-path chart (PathChart.svelte): bars on a date axis, in SVG whose
 * horizontal positions are percentages of the plot's width, so that it scales to any screen without
 * script or inline style. Vertically, in pixels: a top row for the transfer-day label, a row per
 * item, then the date axis (week dates, then months). The items' references are in a column of
 * their own beside the plot, so no text ever sits on a bar or on the transfer-day line.
 *
 * Axis labels are thinned per screen size: for each of GOV.UK's breakpoints the plot is at least
 * `PLOT_WIDTH[size]` pixels wide, and a label is shown at that size only if it is at least its
 * width (estimated) from the last one shown and fits inside the plot. Wider screens only spread
 * the labels further apart.
 */
import type { ScheduledItem } from './plan';

export const SIZES = ['phone', 'tablet', 'desktop'] as const;
export type Size = (typeof SIZES)[number];

/**
 * The narrowest the plot is at each size, in CSS pixels: the page's width (320 px at the least, GOV.UK's
 * tablet breakpoint 641 px, desktop 1020 px with its 960 px container) less the page margins and the
 * 6rem (96 px) reference column and its 8 px gap (app.scss, .app-path-chart).
 */
export const PLOT_WIDTH: Record<Size, number> = { phone: 320 - 30 - 104, tablet: 641 - 60 - 104, desktop: 960 - 104 };

/** Vertical geometry, in pixels. */
export const HEADER = 24;
export const ROW = 28;
export const BAR = 16;
const WEEK_ROW = 18;
const MONTH_ROW = 20;
export const AXIS = WEEK_ROW + MONTH_ROW + 8;

/** Width of a label of 14 px text (the chart's size), generously estimated, plus a gap. */
export const labelWidth = (text: string): number => text.length * 8 + 10;

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}
const dateOf = (day: number) => new Date(day * 86_400_000);
const monthText = (date: Date) => `${SHORT_MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
/** Short enough to fit on one side of the line on the narrowest plot: labelWidth ≤ PLOT_WIDTH.phone / 2. */
export const TRANSFER_LABEL = 'Transfer';

export interface Bar {
  id: string;
  ref: string;
  late: boolean;
  /** Left edge and width, in % of the plot. */
  x: number;
  width: number;
  /** Top of the bar, and middle of its row (for the reference beside it), in px. */
  y: number;
  middle: number;
}

export interface AxisLabel {
  /** Position in % of the plot; where the text starts (months) or its middle (weeks). */
  x: number;
  text: string;
  /** The sizes the label is shown at. */
  sizes: Size[];
}

export interface ChartLayout {
  height: number;
  bars: Bar[];
  /** Week lines (Mondays) and month lines (the 1st), in % of the plot. */
  weekLines: number[];
  monthLines: number[];
  weekLabels: AxisLabel[];
  monthLabels: AxisLabel[];
  weekLabelY: number;
  monthLabelY: number;
  /** Bottom of the last bar's row, where the axis starts. */
  plotBottom: number;
  transfer: { x: number; anchor: 'start' | 'end'; labelY: number; text: string };
}

/**
 * Keeps, for each size, the labels at least their width apart that fit in the plot (greedy, left to
 * right); a `leading` label (the start's month, at the left edge) only where it leaves room for the next.
 */
function thin(candidates: { x: number; text: string }[], anchor: 'start' | 'middle', leading?: { x: number; text: string }): AxisLabel[] {
  const labels: AxisLabel[] = candidates.map((c) => ({ ...c, sizes: [] }));
  const lead: AxisLabel | null = leading ? { ...leading, sizes: [] } : null;
  for (const size of SIZES) {
    const w = PLOT_WIDTH[size];
    const leftOf = (label: AxisLabel) => (label.x / 100) * w - (anchor === 'middle' ? labelWidth(label.text) / 2 : 0);
    let lastEnd = -Infinity;
    let firstLeft = Infinity;
    for (const label of labels) {
      const left = leftOf(label);
      const width = labelWidth(label.text);
      if (left >= lastEnd && left >= 0 && left + width <= w) {
        label.sizes.push(size);
        lastEnd = left + width;
        firstLeft = Math.min(firstLeft, left);
      }
    }
    if (lead && leftOf(lead) + labelWidth(lead.text) <= Math.min(firstLeft, w)) lead.sizes.push(size);
  }
  return [...(lead ? [lead] : []), ...labels].filter((l) => l.sizes.length > 0);
}

export function chartLayout(path: ScheduledItem[], start: string, transferDate: string): ChartLayout {
  const first = dayNumber(start);
  // The axis runs from the start to the day after the later of the transfer day and the last finish.
  const last = Math.max(dayNumber(transferDate) + 1, ...path.map((p) => dayNumber(p.earliestFinish) + 1));
  const span = Math.max(1, last - first);
  const x = (day: number) => ((day - first) / span) * 100;

  const bars = path.map((p, i): Bar => {
    const x0 = x(dayNumber(p.earliestStart));
    const x1 = x(dayNumber(p.earliestFinish) + 1);
    const top = HEADER + i * ROW;
    return {
      id: p.item.id,
      ref: p.item.ref,
      late: p.totalSlack < 0,
      x: x0,
      width: Math.max(0.5, x1 - x0),
      y: top + (ROW - BAR) / 2,
      middle: top + ROW / 2,
    };
  });
  const plotBottom = HEADER + path.length * ROW;

  const weeks: { x: number; text: string }[] = [];
  const months: { x: number; text: string }[] = [];
  for (let d = first; d < last; d++) {
    const date = dateOf(d);
    if (date.getUTCDay() === 1) weeks.push({ x: x(d), text: `${date.getUTCDate()} ${SHORT_MONTHS[date.getUTCMonth()]}` });
    if (date.getUTCDate() === 1 && d > first) months.push({ x: x(d), text: monthText(date) });
  }

  const tx = x(dayNumber(transferDate));
  return {
    height: plotBottom + AXIS,
    bars,
    weekLines: weeks.map((w) => w.x),
    monthLines: months.map((m) => m.x),
    weekLabels: thin(weeks, 'middle'),
    monthLabels: thin(months, 'start', { x: 0, text: monthText(dateOf(first)) }),
    weekLabelY: plotBottom + WEEK_ROW - 4,
    monthLabelY: plotBottom + WEEK_ROW + MONTH_ROW - 4,
    plotBottom,
    // "Transfer" beside its line, on the side with room (the legend under the chart gives its date).
    transfer: { x: tx, anchor: tx > 50 ? 'end' : 'start', labelY: HEADER - 8, text: TRANSFER_LABEL },
  };
}
