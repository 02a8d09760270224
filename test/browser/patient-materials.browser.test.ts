// The handout and the chart in a real browser (SPEC §10): the handout prints to one or two pages
// of A4 or Letter, the chart draws something at phone width, and a patient named like an HTML tag
// shows as text. Needs `chromium` and poppler-utils (`pdfinfo`, `pdftotext`, `pdftoppm`); without
// chromium the suite is skipped and says why. UPDATE_DOCS_EXAMPLES=1 also writes the example images
// committed under docs/.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lowBackAssessment } from '../support/fixtures';
import { decodePngLuma, inkOf } from '../support/png';
import { startTestApp, type TestApp, type TestClinic } from '../support/test-app';

const HOSTILE = '<img src=x onerror=alert(1)>';

function which(command: string): string | undefined {
  try {
    return execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

const CHROMIUM = ['chromium', 'chromium-browser', 'google-chrome'].map(which).find(Boolean);
const suite = CHROMIUM ? describe : describe.skip;
if (!CHROMIUM) {
  console.warn('Browser tests SKIPPED: no chromium on PATH. Install it with: apt-get install -y chromium poppler-utils');
}

suite(`patient materials in a browser (${CHROMIUM ?? 'SKIPPED: chromium not installed'})`, () => {
  let t: TestApp;
  let clinic: TestClinic;
  let dir: string;
  let planId: string;

  const auth = () => ({ Authorization: `Bearer ${clinic.adminKey}` });
  const chromium = (...args: string[]) =>
    execFileSync(
      CHROMIUM!,
      ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--hide-scrollbars', `--user-data-dir=${path.join(dir, 'profile')}`, ...args],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 90_000,
      },
    );
  const save = (name: string, body: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, body);
    return `file://${file}`;
  };
  const handout = async (paper: 'a4' | 'letter') => {
    const res = await t.http().get(`/v1/plans/${planId}/handout?paper=${paper}`).set(auth());
    expect(res.status).toBe(200);
    return res.text;
  };
  const printToPdf = (url: string, pdf: string) => {
    chromium('--no-pdf-header-footer', `--print-to-pdf=${pdf}`, url);
    return execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manuplan-browser-'));
    t = await startTestApp();
    clinic = await t.createClinic('Harbour Manual Therapy');
    const patientId = (await t.http().post('/v1/patients').set(auth()).send({ firstName: HOSTILE, lastName: 'Tester' })).body.id;
    const created = await t
      .http()
      .post('/v1/assessments')
      .set(auth())
      .send(lowBackAssessment(patientId, { assessedAt: '2026-03-01T09:00:00Z' }));
    planId = created.body.plan.id;
    const weeks = [
      ['2026-03-08', 6, 45, 34],
      ['2026-03-15', 5, 50, 31],
      ['2026-03-22', 5, 52, 30],
      ['2026-03-29', 4, 58, 27],
    ] as const;
    for (const [i, [date, pain, flexion, odi]] of weeks.entries()) {
      const res = await t
        .http()
        .post(`/v1/plans/${planId}/sessions`)
        .set(auth())
        .send({
          performedAt: `${date}T10:00:00Z`,
          minutes: 50,
          techniques: i === 2 ? [] : ['myofascial_release'],
          regions: ['lower_back'],
          measures: { painNrs: pain, rom: [{ joint: 'lumbar', movement: 'flexion', degrees: flexion }], function: { instrument: 'odi', score: odi } },
        });
      expect(res.status).toBe(201);
    }
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['a4', /Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/],
    ['letter', /Page size:\s+612(\.\d+)? x 792(\.\d+)? pts \(letter\)/],
  ] as const)(
    'the handout prints to one or two %s pages',
    async (paper, size) => {
      const pdf = path.join(dir, `handout-${paper}.pdf`);
      const info = printToPdf(save(`handout-${paper}.html`, await handout(paper)), pdf);
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThanOrEqual(2);
      expect(info).toMatch(size);
      // The hostile name is printed as the text it is; the plan's content is on the page.
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(text).toContain(HOSTILE);
      expect(text).toContain('Stop and call us if');
      expect(text).toMatch(/How often:/);
      const png = path.join(dir, `handout-${paper}`);
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, png]);
      const { dark } = inkOf(decodePngLuma(fs.readFileSync(`${png}.png`)));
      expect(dark).toBeGreaterThan(0.005);
      if (process.env.UPDATE_DOCS_EXAMPLES === '1' && paper === 'a4') {
        execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(__dirname, '../../docs/handout-example')]);
      }
    },
    120_000,
  );

  it('the browser builds a page in which the hostile name is a text node, not an element', async () => {
    const dom = chromium('--dump-dom', save('handout-dom.html', await handout('a4')));
    expect(dom).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(dom).not.toMatch(/<img|<script/i);
  }, 120_000);

  it('the chart draws its panels at phone width (not a blank image)', async () => {
    const res = await t
      .http()
      .get(`/v1/plans/${planId}/progress/chart`)
      .set(auth())
      .buffer(true)
      .parse((r, done) => {
        let text = '';
        r.on('data', (c: Buffer) => (text += c.toString('utf8')));
        r.on('end', () => done(null, text));
      });
    expect(res.status).toBe(200);
    const shot = path.join(dir, 'chart.png');
    // 390 CSS px: a phone; the SVG scales to the width (viewBox, width 100 %).
    chromium(`--screenshot=${shot}`, '--window-size=390,1200', save('chart.svg', res.body as string));
    const image = decodePngLuma(fs.readFileSync(shot));
    expect(image.width).toBe(390);
    const { dark, variance } = inkOf(image);
    // Lines, points and text: some ink, but mostly white paper.
    expect(dark).toBeGreaterThan(0.01);
    expect(dark).toBeLessThan(0.5);
    expect(variance).toBeGreaterThan(200);
    // The top panel's plot sits within the phone's width: the right edge column is white.
    const rightEdge = Array.from({ length: image.height }, (_, y) => image.pixels[y * image.width + image.width - 1]!);
    expect(Math.min(...rightEdge)).toBeGreaterThan(200);
    if (process.env.UPDATE_DOCS_EXAMPLES === '1') {
      chromium(`--screenshot=${path.join(__dirname, '../../docs/chart-example.png')}`, '--window-size=640,760', save('chart-doc.svg', res.body as string));
    }
  }, 120_000);
});
