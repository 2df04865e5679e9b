/** Timeline export from the store's state: SVG text, or PNG rendered from it at 1× or 2×. */
import { useStore } from '../store/store';
import { STRINGS } from '../i18n/strings';
import { timelineSvg } from './export-svg';
import { fullDomain } from './viewport';

export type ExportFormat = 'png' | 'svg';
export type ExportScope = 'view' | 'all';

export function currentSvg(scope: ExportScope): string {
  const s = useStore.getState();
  if (!s.model) throw new Error('Run the program first: there is no timeline to export.');
  const t = STRINGS[s.lang];
  const domain: [number, number] = scope === 'view' && s.view ? [s.view.t0, s.view.t1] : fullDomain(s.model.layout.end);
  const viewWidth = document.querySelector('[data-testid="swimlane"]')?.clientWidth ?? 1200;
  return timelineSvg(s.model.layout, {
    title: `${s.title} — ${s.model.filename}`,
    domain,
    width: scope === 'view' ? Math.max(640, Math.round(viewWidth)) : 1400,
    legend: { run: t.legendRun, await: t.legendAwait, create: t.legendCreate, done: t.legendDone, cancel: t.legendCancel, fail: t.legendFail, seconds: t.seconds },
  });
}

export async function svgToPng(svg: string, scale: 1 | 2): Promise<Uint8Array> {
  const size = /width="(\d+)" height="(\d+)"/.exec(svg);
  const width = Number(size?.[1] ?? 800);
  const height = Number(size?.[2] ?? 400);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width * scale;
    canvas.height = height * scale;
    const ctx = canvas.getContext('2d')!;
    ctx.scale(scale, scale);
    ctx.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}

export async function exportTimeline(format: ExportFormat, scale: 1 | 2, scope: ExportScope): Promise<Uint8Array> {
  const svg = currentSvg(scope);
  return format === 'svg' ? new TextEncoder().encode(svg) : svgToPng(svg, scale);
}
