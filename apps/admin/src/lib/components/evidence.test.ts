import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import type { Evidence } from '$lib/evidence';
import { formatBytes } from '$lib/format';
import EvidenceForm from './EvidenceForm.svelte';
import EvidenceList from './EvidenceList.svelte';

const text = (html: string) => html.replace(/<!--[^>]*-->/g, '');

const LINK: Evidence = {
  id: 'L1',
  kind: 'LINK',
  label: 'Signed DSA',
  url: 'https://sharepoint.example.org/dsa.pdf',
  fileName: null,
  contentType: null,
  sizeBytes: null,
  addedAt: '2023-02-14T09:30:00Z',
  addedBy: { name: 'Ada Lead' },
  removedAt: null,
  removedBy: null,
};
const FILE: Evidence = {
  ...LINK,
  id: 'RmlsZTox/+=',
  kind: 'FILE',
  label: 'Payroll reconciliation',
  url: null,
  fileName: 'payroll.xlsx',
  contentType: 'application/vnd.ms-excel',
  sizeBytes: 2048,
};
const GONE: Evidence = {
  ...FILE,
  id: 'G1',
  label: 'Old draft',
  fileName: 'draft.docx',
  removedAt: '2023-02-15T16:05:00Z',
  removedBy: { name: 'Bo Manager' },
};

describe('EvidenceList', () => {
  it('lists links and files with who added them, and removed ones apart, as history', () => {
    const body = text(
      render(EvidenceList, { props: { evidence: [LINK, FILE, GONE], canWrite: false } }).body,
    );
    expect(body).toMatch(
      /<a class="govuk-link app-evidence-url[^"]*" href="https:\/\/sharepoint.example.org\/dsa.pdf" rel="noreferrer noopener">Signed DSA<\/a>/,
    );
    expect(body).toContain(`href="/evidence/${encodeURIComponent(FILE.id)}"`);
    expect(body).toContain('Download payroll.xlsx');
    expect(body).toContain('(2 KB, application/vnd.ms-excel)');
    expect(body).toContain('By Ada Lead on 14 Feb 2023, 09:30');
    const [current, removed] = body.split('data-testid="evidence-removed"');
    expect(current).not.toContain('Old draft');
    expect(removed).toContain('Old draft');
    expect(removed).toContain(
      'Removed by Bo Manager on 15 Feb 2023, 16:05. Added by Ada Lead on 14 Feb 2023, 09:30.',
    );
    // A removed file no longer downloads, and a reader has nothing to press.
    expect(body).not.toContain('/evidence/G1');
    expect(body).not.toContain('<button');
  });

  it('offers a Remove button each, named for its evidence, to someone who may change it', () => {
    const body = text(
      render(EvidenceList, {
        props: {
          evidence: [LINK, GONE],
          canWrite: true,
          hidden: { criterionId: 'C1' },
          errorFor: (f: string) => (f === 'remove-L1' ? 'Already removed' : undefined),
        },
      }).body,
    );
    expect(body.match(/<button/g)).toHaveLength(1);
    expect(body).toContain('<form method="POST" action="?/removeEvidence">');
    expect(body).toContain('<input type="hidden" name="evidenceId" value="L1"/>');
    expect(body).toContain('<input type="hidden" name="criterionId" value="C1"/>');
    // The space matters: a screen reader would otherwise read "RemoveSigned DSA".
    expect(body).toContain('Remove<span class="govuk-visually-hidden"> Signed DSA</span>');
    expect(body).toMatch(/id="remove-L1"[^>]*aria-describedby="remove-L1-error"/);
    expect(body).toContain('Already removed');
  });

  it('says when there is nothing yet', () => {
    expect(render(EvidenceList, { props: { evidence: [GONE], canWrite: true } }).body).toContain(
      'No evidence attached yet.',
    );
  });
});

describe('EvidenceForm', () => {
  it('posts a link, and a file as multipart/form-data, to ?/addEvidence, with ids unique to its key', () => {
    const body = text(
      render(EvidenceForm, {
        props: { key: 'c9', about: 'Insurance in place', hidden: { criterionId: 'c9' } },
      }).body,
    );
    expect(body).toMatch(
      /<form method="POST" action="\?\/addEvidence" novalidate[^>]*>\s*<input type="hidden" name="kind" value="LINK"\/>/,
    );
    expect(body).toMatch(
      /<form method="POST" action="\?\/addEvidence" enctype="multipart\/form-data"[^>]*>\s*<input type="hidden" name="kind" value="FILE"\/>/,
    );
    expect(body.match(/name="criterionId" value="c9"/g)).toHaveLength(2);
    expect(body).toMatch(/<input class="govuk-file-upload[^"]*" id="file-c9" name="file" type="file"/);
    expect(body).toContain(
      '<label class="govuk-label" for="link-url-c9">Link (URL)<span class="govuk-visually-hidden"> for Insurance in place</span></label>',
    );
  });

  it('shows an error on its field and keeps what was typed', () => {
    const body = text(
      render(EvidenceForm, {
        props: {
          key: 'item',
          errorFor: (f: string) => (f === 'link-url-item' ? 'Enter the link' : undefined),
          values: { kind: 'LINK', label: 'My title', url: 'sharepoint/x' },
        },
      }).body,
    );
    expect(body).toContain('<p class="govuk-error-message" id="link-url-item-error">');
    expect(body).toMatch(
      /id="link-url-item"[^>]*value="sharepoint\/x"[^>]*aria-describedby="link-url-item-hint link-url-item-error"/,
    );
    expect(body).toMatch(/id="link-label-item"[^>]*value="My title"/);
    expect(body).not.toMatch(/id="file-label-item"[^>]*value="My title"/);
  });
});

describe('formatBytes', () => {
  it('says bytes, KB or MB', () => {
    expect([1, 512, 2048, 10 * 1024 * 1024, 1536 * 1024].map(formatBytes)).toEqual([
      '1 byte',
      '512 bytes',
      '2 KB',
      '10 MB',
      '1.5 MB',
    ]);
  });
});
