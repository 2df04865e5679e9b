/** Tells the user how an opened program was converted when it did not become plain blocks. */
import { useStore } from '../store/store';
import { STRINGS } from '../i18n/strings';

export function NoticeBanner() {
  const notice = useStore((s) => s.notice);
  const t = STRINGS[useStore((s) => s.lang)];
  if (!notice) return null;
  const text =
    notice.kind === 'raw' ? t.noticeRaw : notice.kind === 'syntax-error' ? `${t.noticeSyntax} ${notice.text}` : `${t.noticeFailed} ${notice.text}`;
  return (
    <div className={`notice notice-${notice.kind}`} role="status" data-testid="notice" data-kind={notice.kind}>
      <span>{text}</span>
      <button onClick={() => useStore.getState().dismissNotice()}>{t.dismiss}</button>
    </div>
  );
}
