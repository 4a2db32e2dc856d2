/**
 * A large HR import does not hold the API: the file is read and checked in a worker thread, so the
 * event loop stays free (its longest stretch of work is under 100 ms of its thread's CPU time) and
 * /health answers within 100 ms (95% of answers; wall-clock, so a loaded machine may delay any one),
 * while a 50,000-row CSV is checked, a 60,000-row workbook is refused at the row limit, and a clean
 * 20,000-row file's checked rows are handed back. Without the worker the event loop is held for the
 * whole parse: seconds.
 */
import { PassThrough } from 'node:stream';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { decodeGlobalID } from '@pothos/plugin-relay';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test/harness.ts';
import { COLUMNS, MAX_ROWS, csvLine } from './columns.ts';
import { createImportJob, runImport as runJob } from './hr-import.service.ts';

/** The longest the event loop may be held while an import runs. */
const MAX_STALL_MS = 100;

describe('an HR import does not hold the API', () => {
  let api: TestApi;
  let programmeId: string;
  let team: { team: string; service: string };

  beforeAll(async () => {
    api = await startTestApi();
    programmeId = await api.programmeId();
    team = await api.handle.db
      .selectFrom('team')
      .innerJoin('service', 'service.id', 'team.service_id')
      .select(['team.name as team', 'service.name as service'])
      .where('service.key', '=', 'assessment')
      .orderBy('team.name')
      .executeTakeFirstOrThrow();
  });
  afterAll(async () => {
    expect(api.unexpected).toEqual([]);
    await api.close();
  });

  const row = (i: number, ni = `AB${String(i).padStart(6, '0')}C`) => {
    const n = String(i).padStart(6, '0');
    const v: Record<string, string> = {
      postNumber: `PH${n}`,
      payrollNumber: `TH${n}`,
      niNumber: ni,
      team: team.team,
      service: team.service,
    };
    return csvLine(COLUMNS.map((c) => v[c.key] ?? c.example));
  };

  /**
   * Runs an import and, while it reads and checks the file (until it applies, or ends), measures the
   * event loop's longest stall and each /health answer, polled every 20 ms. A stall is measured as the
   * CPU time the event loop's thread spent between ticks 10 ms apart (process.threadCpuUsage): on a
   * loaded machine the operating system may also leave the thread waiting for a core, and that is not
   * the import holding it. The wall-clock stall (monitorEventLoopDelay) is reported beside it.
   */
  async function measure(fileName: string, bytes: Uint8Array, dryRun: boolean) {
    const job = await createImportJob(
      api.handle.db,
      { programmeId: decodeGlobalID(programmeId).id, fileName, bytes, dryRun },
      null,
      new Date(),
    );
    const delay = monitorEventLoopDelay({ resolution: 10 });
    const health: number[] = [];
    let longestBusyMs = 0;
    let checking = true;
    const cpu = () => {
      const u = process.threadCpuUsage();
      return (u.user + u.system) / 1000;
    };
    let last = cpu();
    const tick = setInterval(() => {
      const now = cpu();
      longestBusyMs = Math.max(longestBusyMs, now - last);
      last = now;
    }, 10);
    delay.enable();
    const stop = () => {
      if (!checking) return;
      checking = false;
      clearInterval(tick);
      delay.disable();
    };
    const done = runJob(
      {
        db: api.handle.db,
        now: () => new Date(),
        onProgress: (p) => {
          if (p.status === 'APPLYING') stop();
        },
      },
      job,
      bytes,
    ).finally(stop);
    while (checking) {
      const started = performance.now();
      const res = await api.app.fetch('http://localhost/health');
      await res.text();
      if (checking) health.push(performance.now() - started);
      await sleep(20);
    }
    const ended = await done;
    const sorted = [...health].sort((a, b) => a - b);
    return {
      job: ended,
      longestBusyMs,
      // Wall-clock times: on a loaded machine any one answer may wait for a core, so the 95th
      // percentile is asserted and the slowest reported.
      health95Ms: sorted[Math.floor(sorted.length * 0.95)] ?? Infinity,
      slowestHealthMs: sorted.at(-1) ?? Infinity,
      answers: health.length,
      wallClockStallMs: delay.max / 1e6,
    };
  }

  it('checks a 50,000-row CSV (9.9 MB) in a worker: the event loop never stalls 100 ms, /health answers at once', async () => {
    const lines = [csvLine(COLUMNS.map((c) => c.header))];
    for (let i = 1; i < MAX_ROWS; i++) lines.push(row(i));
    lines.push(row(MAX_ROWS, 'QQ123456C'));
    const bytes = new TextEncoder().encode(lines.join('\r\n') + '\r\n');
    expect(bytes.byteLength).toBeGreaterThan(9_000_000);
    const m = await measure('large.csv', bytes, true);
    // Every row was read and checked (the last is wrong on purpose: the file is refused, nothing applied).
    expect(m.job).toMatchObject({ status: 'REFUSED', error_count: 1, rows_total: MAX_ROWS });
    expect(m.answers).toBeGreaterThan(10);
    expect(m.longestBusyMs, JSON.stringify({ ...m, job: m.job.status })).toBeLessThan(MAX_STALL_MS);
    expect(m.health95Ms, JSON.stringify({ ...m, job: m.job.status })).toBeLessThan(MAX_STALL_MS);
  }, 180_000);

  it('refuses a 60,000-row workbook at the row limit, reading no further, without holding the event loop', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
    const ws = wb.addWorksheet('Staff');
    ws.addRow(['Post Number', 'Post Title', 'Grade']).commit();
    for (let i = 1; i <= 60_000; i++) ws.addRow([`P${i}`, 'Social Worker', 'Grade 9']).commit();
    ws.commit();
    await wb.commit();
    const bytes = new Uint8Array(Buffer.concat(chunks));
    const m = await measure('large.xlsx', bytes, false);
    expect(m.job.status).toBe('REFUSED');
    expect(m.job.message).toMatch(/more than 50,000 data rows; at most 50,000 can be imported at once/);
    expect(m.longestBusyMs, JSON.stringify({ ...m, job: m.job.status })).toBeLessThan(MAX_STALL_MS);
    expect(m.health95Ms, JSON.stringify({ ...m, job: m.job.status })).toBeLessThan(MAX_STALL_MS);
  }, 180_000);

  it('hands a clean 20,000-row file’s checked rows back without holding the event loop', async () => {
    const lines = [csvLine(COLUMNS.map((c) => c.header))];
    for (let i = 1; i <= 20_000; i++) lines.push(row(i));
    const m = await measure('clean.csv', new TextEncoder().encode(lines.join('\n')), true);
    expect(m.job).toMatchObject({ status: 'SUCCEEDED', rows_done: 20_000 });
    expect(m.health95Ms, JSON.stringify({ ...m, job: m.job.status })).toBeLessThan(MAX_STALL_MS);
    expect(m.longestBusyMs, JSON.stringify({ ...m, job: m.job.status })).toBeLessThan(MAX_STALL_MS);
  }, 180_000);
});
