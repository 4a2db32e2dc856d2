import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { AXIS, BAR, HEADER, PLOT_WIDTH, ROW, SIZES, TRANSFER_LABEL, chartLayout, labelWidth, type AxisLabel } from './chart';
import PathChart from './PathChart.svelte';
import type { ScheduledItem } from './plan';

const item = (ref: string, earliestStart: string, earliestFinish: string, totalSlack = 0): ScheduledItem => ({
  item: { id: ref, ref, title: ref, dueDate: null, workstream: { name: 'ICT and data' } },
  durationDays: 1,
  earliestStart,
  earliestFinish,
  latestFinish: earliestFinish,
  totalSlack,
  daysLate: 0,
});

// The demo's critical path as the API plans it on 15 February 2023 (transfer day 1 April 2023).
const DEMO = [
  item('IG-003', '2023-02-15', '2023-02-28', -6),
  item('ICT-010', '2023-03-01', '2023-03-13', -6),
  item('ICT-013', '2023-03-14', '2023-03-27', -6),
  item('ICT-027', '2023-03-28', '2023-04-05', -6),
  item('ICT-028', '2023-04-06', '2023-04-06', -6),
  item('PG-018', '2023-04-07', '2023-04-07', -6),
  item('COM-016', '2023-04-10', '2023-04-10', -6),
];

/** The labels shown at `size`, as [left, right] in px of the plot at its narrowest for that size. */
function extents(labels: AxisLabel[], size: (typeof SIZES)[number], anchor: 'start' | 'middle') {
  const w = PLOT_WIDTH[size];
  return labels
    .filter((l) => l.sizes.includes(size))
    .map((l) => {
      const left = (l.x / 100) * w - (anchor === 'middle' ? labelWidth(l.text) / 2 : 0);
      return [left, left + labelWidth(l.text)] as const;
    });
}

describe('the critical-path chart layout', () => {
  it('puts the bars on a date axis from the start, in order, the late ones marked', () => {
    const layout = chartLayout(DEMO, '2023-02-15', '2023-04-01');
    // 15 February to 10 April inclusive: 55 days. IG-003 spans 15 to 28 February: 14 days.
    expect(layout.bars[0]!.x).toBe(0);
    expect(layout.bars[0]!.width).toBeCloseTo((14 / 55) * 100, 5);
    expect(layout.bars[6]!.x + layout.bars[6]!.width).toBeCloseTo(100, 5);
    expect(layout.bars.every((b) => b.late)).toBe(true);
    // The transfer day, 1 April: 45 days in.
    expect(layout.transfer.x).toBeCloseTo((45 / 55) * 100, 5);
    expect(layout.height).toBe(HEADER + DEMO.length * ROW + AXIS);
  });

  it('draws week lines on Mondays and month lines on the 1st, with UK dates', () => {
    const layout = chartLayout(DEMO, '2023-02-15', '2023-04-01');
    // Mondays: 20 and 27 February, 6, 13, 20 and 27 March, 3 and 10 April.
    expect(layout.weekLines).toHaveLength(8);
    const weeks = layout.weekLabels.map((w) => w.text);
    expect(weeks[0]).toBe('20 Feb');
    expect(layout.weekLabels.find((w) => w.text === '6 Mar')?.sizes).toContain('desktop');
    expect(layout.monthLines).toHaveLength(2);
    expect(layout.monthLabels.map((m) => m.text)).toEqual(['Feb 2023', 'Mar 2023', 'Apr 2023']);
    // Every label has room at desktop; the narrowest screens keep fewer, never none.
    expect(layout.weekLabels.every((w) => w.sizes.includes('desktop'))).toBe(true);
    expect(layout.monthLabels.every((m) => m.sizes.includes('desktop') && m.sizes.includes('tablet'))).toBe(true);
    expect(layout.monthLabels.find((m) => m.text === 'Mar 2023')?.sizes).toContain('phone');
    expect(layout.weekLabels.filter((w) => w.sizes.includes('phone')).length).toBeGreaterThanOrEqual(2);
  });

  it('never lets two axis labels overlap, or one leave the plot, at any size, over any span', () => {
    for (const end of ['2023-02-20', '2023-04-10', '2023-09-30', '2024-06-30', '2026-01-31']) {
      const layout = chartLayout([item('A-1', '2023-02-15', end)], '2023-02-15', '2023-04-01');
      for (const size of SIZES) {
        for (const [labels, anchor] of [
          [layout.weekLabels, 'middle'],
          [layout.monthLabels, 'start'],
        ] as const) {
          const spans = extents(labels, size, anchor);
          for (const [left, right] of spans) {
            expect(left).toBeGreaterThanOrEqual(0);
            expect(right).toBeLessThanOrEqual(PLOT_WIDTH[size]);
          }
          for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1]);
        }
        // Some month is always named.
        expect(layout.monthLabels.some((m) => m.sizes.includes(size))).toBe(true);
      }
    }
  });

  it('keeps text off the bars and the transfer-day line: the label above the bars, on the side with room', () => {
    const layout = chartLayout(DEMO, '2023-02-15', '2023-04-01');
    const barsTop = Math.min(...layout.bars.map((b) => b.y));
    const barsBottom = Math.max(...layout.bars.map((b) => b.y + BAR));
    // The transfer label's text (14px) sits wholly in the header row, above every bar.
    expect(layout.transfer.labelY).toBeLessThanOrEqual(HEADER);
    expect(layout.transfer.labelY - 14).toBeGreaterThanOrEqual(0);
    expect(barsTop).toBeGreaterThanOrEqual(HEADER);
    // The axis labels are under the plot, where the transfer line has ended.
    expect(layout.weekLabelY - 14).toBeGreaterThanOrEqual(barsBottom);
    expect(layout.weekLabelY - 14).toBeGreaterThanOrEqual(layout.plotBottom);
    // The line is right of the middle: its label ends at it, and fits in the plot even on a phone.
    expect(layout.transfer.anchor).toBe('end');
    expect(labelWidth(TRANSFER_LABEL)).toBeLessThanOrEqual(PLOT_WIDTH.phone / 2);
    expect(chartLayout(DEMO, '2023-02-15', '2023-02-20').transfer.anchor).toBe('start');
  });

  it('renders the references in their own column, the bars and axis as percentages of the plot, no inline style', () => {
    const { body } = render(PathChart, { props: { path: DEMO, start: '2023-02-15', transferDate: '2023-04-01' } });
    expect(body).toContain('class="app-path-chart__refs"');
    expect(body).toMatch(/<svg class="app-path-chart__refs"[^]*>IG-003<\/text>[^]*<\/svg>\s*<svg class="app-path-chart__plot"/);
    expect(body).toMatch(/<rect x="0%"/);
    expect(body).toContain('>Mar 2023</text>');
    expect(body).toContain('transfer day, 1 April 2023');
    expect(body).not.toMatch(/\sstyle=/);
    expect(render(PathChart, { props: { path: [], start: '2023-02-15', transferDate: '2023-04-01' } }).body).not.toContain('<svg');
  });
});
