/**
 * `checkTask` reports what it measured in English ("finished after 7.0 s");
 * the try-this panel shows it in the UI language. Unknown phrasings stay English.
 */
import type { Lang } from '../i18n/strings';
import { DETAIL_SEPARATOR } from '../../shared/course';

const KO: [RegExp, (...m: string[]) => string][] = [
  [/^finished after ([\d.]+) s$/, (s) => `${s}초 뒤에 끝남`],
  [/^ran for ([\d.]+) s$/, (s) => `${s}초 동안 실행됨`],
  [/^ended with (\w+)$/, (status) => `${status} 상태로 끝남`],
  [/^at most (\d+) task\(s\) at once$/, (n) => `동시에 최대 ${n}개 태스크`],
  [/^printed the lines in order$/, () => '줄이 순서대로 출력됨'],
  [/^missing or out of order: (.*)$/, (line) => `빠졌거나 순서가 다름: ${line}`],
  [/^tasks: (.*)$/, (names) => `태스크: ${names === 'none' ? '없음' : names}`],
  [/^exit status (-?\d+)$/, (code) => `종료 코드 ${code}`],
];

function localizeOne(detail: string): string {
  for (const [pattern, say] of KO) {
    const m = pattern.exec(detail);
    if (m) return say(...m.slice(1));
  }
  return detail;
}

/** Translates each part of a combined check's detail on its own. */
export function localizeDetail(detail: string, lang: Lang): string {
  if (lang === 'en') return detail;
  return detail.split(DETAIL_SEPARATOR).map(localizeOne).join(DETAIL_SEPARATOR);
}
