/**
 * The web build's way in for Python files: a file picker and a paste dialog.
 * Both convert the program to blocks (store.openPython); the desktop app
 * opens files through its menus instead.
 */
import { useRef, useState } from 'react';
import { useStore } from '../store/store';
import { STRINGS } from '../i18n/strings';
import { decodePythonSource } from '../../shared/python-source';

export function OpenPython() {
  const t = STRINGS[useStore((s) => s.lang)];
  const converting = useStore((s) => s.converting);
  const input = useRef<HTMLInputElement>(null);
  const [pasting, setPasting] = useState(false);
  return (
    <>
      <button data-testid="open-py" disabled={converting} onClick={() => input.current?.click()}>
        {t.openPy}
      </button>
      <input
        ref={input}
        type="file"
        accept=".py,text/x-python,text/plain"
        hidden
        data-testid="open-py-input"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          // Read as python3 reads a program: a byte order mark, a coding comment.
          const decoded = decodePythonSource(new Uint8Array(await file.arrayBuffer()), file.name);
          if (decoded.ok) await useStore.getState().openPython(decoded.text, file.name);
          else useStore.setState({ notice: { kind: 'failed', text: decoded.error } });
        }}
      />
      <button data-testid="paste-python" disabled={converting} onClick={() => setPasting(true)}>
        {t.pastePython}
      </button>
      {converting && <span className="status">{t.converting}</span>}
      {pasting && <PasteDialog onClose={() => setPasting(false)} />}
    </>
  );
}

function PasteDialog({ onClose }: { onClose: () => void }) {
  const t = STRINGS[useStore((s) => s.lang)];
  const [text, setText] = useState('');
  return (
    <div className="dialog paste-dialog" role="dialog" aria-label={t.pastePython} data-testid="paste-dialog">
      <p className="muted">{t.pasteHelp}</p>
      <textarea data-testid="paste-source" value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} autoFocus rows={16} />
      <div className="dialog-buttons">
        <button onClick={onClose}>{t.cancel}</button>
        <button
          className="primary"
          data-testid="paste-open"
          disabled={text.trim() === ''}
          onClick={() => {
            onClose();
            void useStore.getState().openPython(text, useStore.getState().title, useStore.getState().filename);
          }}
        >
          {t.openAsBlocks}
        </button>
      </div>
    </div>
  );
}
