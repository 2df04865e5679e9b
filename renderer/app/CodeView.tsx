/** The generated Python, side by side with the blocks; the line at the cursor is marked. */
import { memo, useEffect, useMemo, useRef } from 'react';
import { lineAtCursor, useStore } from '../store/store';

/** One source line; a seek re-renders only the two lines whose mark changes. */
const CodeLine = memo(function CodeLine({ no, text, current }: { no: number; text: string; current: boolean }) {
  return (
    <div className={current ? 'code-line current' : 'code-line'}>
      <span className="line-no">{no}</span>
      {text || ' '}
    </div>
  );
});

/** Where the view is scrolled and how its lines lie, in pixels: kept from scroll and resize events. */
interface Viewport {
  top: number;
  height: number;
  firstLine: number;
  lineH: number;
}

/** Whether `line` (1-based) lies wholly inside the visible part of the view. */
function lineInView(v: Viewport, line: number): boolean {
  if (v.lineH <= 0) return false;
  const y = v.firstLine + (line - 1) * v.lineH;
  return y >= v.top && y + v.lineH <= v.top + v.height;
}

export function CodeView() {
  const source = useStore((s) => s.source);
  const line = useStore(lineAtCursor);
  const view = useRef<HTMLPreElement>(null);
  const viewport = useRef<Viewport>({ top: 0, height: 0, firstLine: 0, lineH: 0 });
  const lines = useMemo(() => source.replace(/\n$/, '').split('\n'), [source]);
  useEffect(() => {
    // Layout is read only here, where it is already up to date: in a resize
    // observer's callback and in scroll events, never in a seek.
    const el = view.current!;
    const measure = () => {
      const first = el.querySelector('.code-line');
      const box = el.getBoundingClientRect();
      const lineBox = first?.getBoundingClientRect();
      viewport.current = {
        top: el.scrollTop,
        height: el.clientHeight,
        firstLine: lineBox ? lineBox.top - box.top + el.scrollTop : 0,
        lineH: lineBox?.height ?? 0,
      };
    };
    const onScroll = () => {
      viewport.current.top = el.scrollTop;
    };
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      observer.disconnect();
      el.removeEventListener('scroll', onScroll);
    };
  }, []);
  useEffect(() => {
    // Most seeks mark a line already in view: they scroll nothing and read no layout
    // (scrollIntoView would lay out the whole window in the middle of the frame).
    if (!line || lineInView(viewport.current, line)) return;
    const frame = requestAnimationFrame(() => view.current?.querySelector('.current')?.scrollIntoView({ block: 'nearest' }));
    return () => cancelAnimationFrame(frame);
  }, [line]);
  return (
    <pre className="code-view" data-testid="code-view" ref={view}>
      {lines.map((text, i) => (
        <CodeLine key={i} no={i + 1} text={text} current={i + 1 === line} />
      ))}
    </pre>
  );
}
