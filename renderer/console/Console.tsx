/** Program output in xterm.js: live while running, replayed up to the cursor afterwards. */
import { useEffect, useRef } from 'react';
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import { useStore } from '../store/store';
import type { CorolabState } from '../store/store';
import type { RunModel } from '../store/run-model';
import { consoleLines, printedUpTo, prefix, RED, RESET, DIM, tracebackLine } from './lines';
import { debugHandle } from '../debug';

/** Erase display and scrollback, cursor home. */
const CLEAR = '\x1b[2J\x1b[3J\x1b[H';
/** A replayed console shows at most this many of the last printed lines. */
const MAX_LINES = 5000;

const THEMES = {
  dark: { background: '#15171c', foreground: '#e4e4e4', cursor: '#15171c', red: '#ff6b6b' },
  light: { background: '#ffffff', foreground: '#1f2328', cursor: '#ffffff', red: '#c62828', selectionBackground: '#cce0ff' },
};

export function Console() {
  const host = useRef<HTMLDivElement>(null);
  const term = useRef<Terminal | null>(null);
  const theme = useStore((s) => s.theme);

  useEffect(() => {
    const t = new Terminal({
      convertEol: true,
      disableStdin: true,
      fontSize: 13,
      fontFamily: 'ui-monospace, "DejaVu Sans Mono", monospace',
      scrollback: 10000,
      theme: THEMES[useStore.getState().theme],
    });
    const fit = new FitAddon();
    t.loadAddon(fit);
    t.open(host.current!);
    term.current = t;
    debugHandle().consoleText = () => {
      const b = t.buffer.active;
      const rows: string[] = [];
      for (let y = 0; y < b.length; y++) {
        const line = b.getLine(y);
        const text = line?.translateToString(true) ?? '';
        // A long line wraps onto several rows; join them back.
        if (line?.isWrapped && rows.length) rows[rows.length - 1] += text;
        else rows.push(text);
      }
      while (rows.length && !rows[rows.length - 1]) rows.pop();
      return rows.join('\n');
    };
    const observer = new ResizeObserver(() => {
      try {
        fit.fit();
      } catch {
        // Not laid out yet.
      }
    });
    observer.observe(host.current!);
    const links = t.registerLinkProvider({
      provideLinks(y, callback) {
        const text = t.buffer.active.getLine(y - 1)?.translateToString(true) ?? '';
        const { model } = useStore.getState();
        const line = model ? tracebackLine(text, model.filename) : undefined;
        const block = line ? model?.lineBlocks[line - 1] : undefined;
        if (!block) return callback(undefined);
        const start = text.indexOf('File "');
        callback([
          {
            range: { start: { x: start + 1, y }, end: { x: text.length, y } },
            text: text.slice(start),
            activate: () => useStore.getState().focus(block),
          },
        ]);
      },
    });

    let written = 0;
    /** What the terminal shows of a finished run: Print events [first, upTo) of `model`. */
    let shown: { model: RunModel; prefixes: boolean; first: number; upTo: number } | undefined;
    const write = (model: RunModel, from: number, to: number, prefixes: boolean) => {
      const lines = consoleLines(model, from, to, prefixes);
      return lines.length ? lines.join('\n') + '\n' : '';
    };
    const render = (s: CorolabState, prev?: CorolabState) => {
      // A run with no trace (the runtime had to be restarted) keeps showing what it printed live.
      if (s.model && s.model.steps.count > 0) {
        const upTo = printedUpTo(s.model, s.cursor);
        const same = shown && shown.model === s.model && shown.prefixes === s.showPrefixes;
        // Most seeks print nothing new: the terminal stays as it is.
        if (same && upTo === shown!.upTo) return;
        if (same && upTo > shown!.upTo && upTo - shown!.first <= MAX_LINES) {
          // Forward: only the newly printed lines.
          t.write(write(s.model, shown!.upTo, upTo, s.showPrefixes));
          shown!.upTo = upTo;
        } else {
          const first = Math.max(0, upTo - MAX_LINES);
          // Cleared through the write queue, so output still queued from the live run cannot land after it.
          t.write(CLEAR + write(s.model, first, upTo, s.showPrefixes));
          shown = { model: s.model, prefixes: s.showPrefixes, first, upTo };
        }
        host.current?.setAttribute('data-lines', String(shown!.upTo - shown!.first));
        written = 0;
        return;
      }
      shown = undefined;
      if (prev && s.live !== prev.live) {
        t.write(CLEAR);
        written = 0;
      }
      const names = new Map<number, string>();
      for (; written < s.live.length; written++) {
        const c = s.live[written]!;
        const head = s.showPrefixes ? DIM + prefix(c.t, c.task >= 0 ? (names.get(c.task) ?? `#${c.task}`) : '-') + RESET : '';
        t.write(c.stream === 'stderr' ? head + RED + c.text + RESET : head + c.text);
      }
    };
    render(useStore.getState());
    const unsubscribe = useStore.subscribe(render);
    return () => {
      unsubscribe();
      links.dispose();
      observer.disconnect();
      t.dispose();
      term.current = null;
    };
  }, []);

  useEffect(() => {
    if (term.current) term.current.options.theme = THEMES[theme];
  }, [theme]);

  return <div className="console" ref={host} data-testid="console" />;
}
