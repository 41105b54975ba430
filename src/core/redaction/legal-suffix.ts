/**
 * A company is often named without its legal form: "Globex" for "Globex Corporation", "Initech" for
 * "Initech, Inc.", "山田商事" for "株式会社山田商事". These are the legal forms stripped to find that core name.
 */

const SUFFIXES = [
  'gmbh & co. kg', 'gmbh & co kg', 's.a. de c.v.', 'sa de cv', 'sp. z o.o.', 'sp z oo', 'sdn. bhd.', 'sdn bhd',
  'pty. ltd.', 'pty ltd', 'pte. ltd.', 'pte ltd', 'co., ltd.', 'co. ltd.', 'co ltd',
  'incorporated', 'inc.', 'inc', 'corporation', 'corp.', 'corp', 'company', 'co.', 'co', 'limited', 'ltd.', 'ltd',
  'l.l.c.', 'llc', 'l.l.p.', 'llp', 'l.p.', 'lp', 'p.l.c.', 'plc', 'gmbh', 'mbh', 'ag', 'kgaa', 'kg', 'ug', 'e.v.',
  'e.k.', 's.a.s.', 'sas', 's.a.r.l.', 'sarl', 's.à r.l.', 's.a.', 'sa', 's.r.l.', 'srl', 's.p.a.', 'spa',
  's.l.', 'sl', 'b.v.', 'bv', 'n.v.', 'nv', 'a/s', 'aps', 'asa', 'as', 'ab', 'oyj', 'oy', 'k.k.', 'kk', 'ltda.',
  'ltda', 'kft.', 'kft', 'zrt.', 'zrt', 'se', 'pty', 'pte', 'bhd', 'd.o.o.', 'doo', 'a.s.', 's.c.', 'sc',
];

const CJK_FORMS = ['株式会社', '有限会社', '合同会社', '合資会社', '股份有限公司', '有限责任公司', '有限公司', '주식회사', '(주)', '㈜'];

/** The name without trailing (and, for CJK forms, leading) legal forms; the input when there are none. */
export function stripLegalSuffix(name: string): string {
  let current = name.normalize('NFC').trim();
  for (let guard = 0; guard < 4; guard += 1) {
    const before = current;
    const lower = current.toLowerCase();
    for (const suffix of SUFFIXES) {
      if (lower.endsWith(suffix) && current.length > suffix.length) {
        const rest = current.slice(0, current.length - suffix.length);
        // only a whole trailing word, after a space or a comma
        if (/[\s,]$/.test(rest)) {
          current = rest.replace(/[\s,]+$/, '');
          break;
        }
      }
    }
    for (const form of CJK_FORMS) {
      if (current.startsWith(form) && current.length > form.length) current = current.slice(form.length).trim();
      if (current.endsWith(form) && current.length > form.length) current = current.slice(0, -form.length).trim();
    }
    if (current === before) break;
  }
  return current;
}
