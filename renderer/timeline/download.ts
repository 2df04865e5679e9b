/** The web build's export: the file is downloaded. */
import { useStore } from '../store/store';
import { exportTimeline } from './export';
import type { ExportFormat, ExportScope } from './export';

export async function downloadTimeline(format: ExportFormat, scale: 1 | 2, scope: ExportScope): Promise<void> {
  try {
    const bytes = await exportTimeline(format, scale, scope);
    const blob = new Blob([bytes as BlobPart], { type: format === 'svg' ? 'image/svg+xml' : 'image/png' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    const base = useStore.getState().title.replace(/[^\w.-]+/g, '_') || 'timeline';
    a.download = `${base}-timeline${scale === 2 ? '@2x' : ''}.${format}`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  } catch (err) {
    useStore.getState().showError(String(err instanceof Error ? err.message : err));
  }
}
