import { describe, expect, it } from 'vitest';
import { transferInstant } from './dates.ts';
import {
  ELI_CATEGORIES,
  eliState,
  missingEliCategories,
  tupeTimeline,
  type EliStateInput,
} from './tupe-timeline.ts';

const bradford = transferInstant('2023-04-01');
const all = [...ELI_CATEGORIES];
const base: EliStateInput = {
  transferAt: bradford,
  today: '2023-02-15',
  packages: [],
  notInAnySentPackage: 940,
  changedSinceSent: 0,
};

describe('ELI state', () => {
  it('is due 28 days before the transfer day: 4 March 2023 for Bradford', () => {
    const s = eliState(base);
    expect(s.dueDate).toBe('2023-03-04');
    expect(s.daysToDue).toBe(17);
    expect(s.flags).toEqual([]);
  });

  it('sent on the 28th day before the transfer is on time; on the 27th (the day after the due date) it is late', () => {
    const sentOn28 = eliState({
      ...base,
      today: '2023-03-10',
      packages: [{ status: 'SENT', sentOn: '2023-03-04', categories: all }],
      notInAnySentPackage: 0,
    });
    expect(sentOn28.flags).toEqual([]);
    const sentOn27 = eliState({
      ...base,
      today: '2023-03-10',
      packages: [{ status: 'SENT', sentOn: '2023-03-05', categories: all }],
      notInAnySentPackage: 0,
    });
    expect(sentOn27.flags).toEqual(['LATE']);
    expect(sentOn27.messages[0]).toBe('ELI was late: due on 2023-03-04, first sent on 2023-03-05');
  });

  it('with nothing sent: due today on the 28th day, late on the 27th; the 29th day is still on time', () => {
    expect(eliState({ ...base, today: '2023-03-03' }).messages).toEqual(['ELI due in 1 day']); // 29th day
    expect(eliState({ ...base, today: '2023-03-04' }).flags).toEqual(['DUE_SOON']);
    expect(eliState({ ...base, today: '2023-03-04' }).messages).toEqual(['ELI is due today']);
    expect(eliState({ ...base, today: '2023-03-05' }).flags).toEqual(['LATE']);
  });

  it('warns from the lead time before the due date (14 days unless configured)', () => {
    expect(eliState({ ...base, today: '2023-02-17' }).flags).toEqual([]); // 15 days before
    expect(eliState({ ...base, today: '2023-02-18' }).messages).toEqual(['ELI due in 14 days']);
    expect(eliState({ ...base, today: '2023-02-15', warningDays: 21 }).messages).toEqual([
      'ELI due in 17 days',
    ]);
    expect(eliState({ ...base, today: '2023-02-15', warningDays: 0 }).flags).toEqual([]);
  });

  it('moves with the transfer date (a transfer moved to 15 April is due 18 March)', () => {
    const moved = eliState({ ...base, transferAt: transferInstant('2023-04-15'), today: '2023-03-05' });
    expect(moved.dueDate).toBe('2023-03-18');
    expect(moved.flags).toEqual(['DUE_SOON']);
    expect(moved.messages).toEqual(['ELI due in 13 days']);
  });

  it('ignores drafts: a draft does not stop the package being late', () => {
    const s = eliState({
      ...base,
      today: '2023-03-06',
      packages: [{ status: 'DRAFT', sentOn: null, categories: all }],
    });
    expect(s.flags).toEqual(['LATE']);
  });

  it('is INCOMPLETE when a sent package lacks a category, or someone is in no sent package', () => {
    const lacking = eliState({
      ...base,
      packages: [{ status: 'SENT', sentOn: '2023-02-10', categories: ['IDENTITY_AND_AGE', 'CLAIMS'] }],
      notInAnySentPackage: 0,
    });
    expect(lacking.flags).toEqual(['INCOMPLETE']);
    expect(lacking.missingCategories).toEqual([
      'WRITTEN_PARTICULARS',
      'DISCIPLINARY_AND_GRIEVANCE',
      'COLLECTIVE_AGREEMENTS',
    ]);
    const someoneLeftOut = eliState({
      ...base,
      packages: [{ status: 'SENT', sentOn: '2023-02-10', categories: all }],
      notInAnySentPackage: 1,
    });
    expect(someoneLeftOut.flags).toEqual(['INCOMPLETE']);
    expect(someoneLeftOut.messages).toEqual([
      'ELI is incomplete: 1 person in the transferring list is in no sent package',
    ]);
  });

  it('needs an update when people changed or objected after their package was sent', () => {
    const s = eliState({
      ...base,
      packages: [{ status: 'SENT', sentOn: '2023-02-10', categories: all }],
      notInAnySentPackage: 0,
      changedSinceSent: 3,
    });
    expect(s.flags).toEqual(['UPDATE_NEEDED']);
    expect(s.messages).toEqual([
      'ELI update needed: 3 people changed or objected since their package was sent',
    ]);
  });

  it('lists missing categories in statutory order', () => {
    expect(missingEliCategories(['COLLECTIVE_AGREEMENTS', 'IDENTITY_AND_AGE'])).toEqual([
      'WRITTEN_PARTICULARS',
      'DISCIPLINARY_AND_GRIEVANCE',
      'CLAIMS',
    ]);
  });
});

describe('TUPE timeline', () => {
  const timeline = (today: string, doneOn = {}, transferAt = bradford) =>
    tupeTimeline({ transferAt, today, doneOn });
  const step = (entries: ReturnType<typeof timeline>, key: string) => entries.find((e) => e.step === key)!;

  it('counts every deadline back from the transfer day, ending with the transfer day itself', () => {
    const t = timeline('2023-02-15');
    expect(t.map((e) => [e.step, e.dueDate])).toEqual([
      ['ASSIGNMENT_COMPLETE', '2023-01-07'],
      ['PROVISIONAL_LIST_TO_STAFF', '2023-01-21'],
      ['CONSULTATION_STARTS', '2023-01-28'],
      ['TRANSFEREE_MEASURES_RECEIVED', '2023-02-04'],
      ['MEASURES_LETTERS_SENT', '2023-02-18'],
      ['ELI_SENT', '2023-03-04'],
      ['PENSION_ADMISSION_SIGNED', '2023-03-04'],
      ['PAYROLL_PARALLEL_RUN', '2023-03-11'],
      ['FINAL_LIST_AGREED', '2023-03-18'],
      ['TRANSFER_DAY', '2023-04-01'],
    ]);
    expect(step(t, 'ELI_SENT').basis).toBe('STATUTORY');
    expect(step(t, 'ELI_SENT').source).toMatch(/reg 11\(6\)/);
    expect(t.every((e) => e.source.length > 0)).toBe(true);
  });

  it('gives each step its state from the data: DONE with its date, OVERDUE, DUE_SOON, UPCOMING', () => {
    const t = timeline('2023-02-15', {
      ASSIGNMENT_COMPLETE: '2023-01-05',
      CONSULTATION_STARTS: '2023-02-01',
    });
    expect(step(t, 'ASSIGNMENT_COMPLETE')).toMatchObject({
      state: 'DONE',
      doneOn: '2023-01-05',
      late: false,
    });
    // Done, but four days after its due date: DONE and late.
    expect(step(t, 'CONSULTATION_STARTS')).toMatchObject({ state: 'DONE', late: true, daysLate: 4 });
    expect(step(t, 'PROVISIONAL_LIST_TO_STAFF')).toMatchObject({
      state: 'OVERDUE',
      late: true,
      daysLate: 25,
    });
    expect(step(t, 'MEASURES_LETTERS_SENT')).toMatchObject({ state: 'DUE_SOON', daysToDue: 3 });
    expect(step(t, 'ELI_SENT')).toMatchObject({ state: 'UPCOMING', daysToDue: 17 });
  });

  it('is DUE_SOON on its due date and within the window, OVERDUE the day after', () => {
    expect(step(timeline('2023-03-04'), 'ELI_SENT').state).toBe('DUE_SOON');
    expect(step(timeline('2023-02-18'), 'ELI_SENT').state).toBe('DUE_SOON');
    expect(step(timeline('2023-02-17'), 'ELI_SENT').state).toBe('UPCOMING');
    expect(step(timeline('2023-03-05'), 'ELI_SENT')).toMatchObject({ state: 'OVERDUE', daysLate: 1 });
    const narrow = tupeTimeline({ transferAt: bradford, today: '2023-02-24', doneOn: {}, dueSoonDays: 7 });
    expect(step(narrow, 'ELI_SENT').state).toBe('UPCOMING');
  });

  it('moves every date with the transfer date', () => {
    const moved = timeline('2023-02-15', {}, transferInstant('2023-05-01'));
    expect(step(moved, 'ELI_SENT').dueDate).toBe('2023-04-03');
    expect(step(moved, 'TRANSFER_DAY').dueDate).toBe('2023-05-01');
    expect(step(moved, 'PROVISIONAL_LIST_TO_STAFF')).toMatchObject({
      dueDate: '2023-02-20',
      state: 'DUE_SOON',
    });
  });
});
