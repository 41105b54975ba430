/**
 * Builds a random string that a (simple) regular-expression source matches: literals, escapes, classes with
 * ranges, groups, alternation, `?`, `*`, `+` and `{n,m}`. Enough for the provider catalogue's bodies, so a test
 * can make a fresh positive for every family at run time and none is ever committed.
 */

type Node =
  | { t: 'lit'; ch: string }
  | { t: 'set'; chars: string }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; options: Node[] }
  | { t: 'rep'; node: Node; min: number; max: number };

const DIGITS = '0123456789';
const WORD = `ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz${DIGITS}_`;

function classChars(body: string): string {
  let out = '';
  let i = 0;
  if (body.startsWith('^')) throw new Error('negated classes are not sampled');
  while (i < body.length) {
    const ch = body.charAt(i);
    if (ch === '\\') {
      const e = body.charAt(i + 1);
      i += 2;
      if (e === 'd') out += DIGITS;
      else if (e === 'w') out += WORD;
      else out += e;
      continue;
    }
    if (body.charAt(i + 1) === '-' && i + 2 < body.length) {
      const to = body.charAt(i + 2);
      for (let c = ch.charCodeAt(0); c <= to.charCodeAt(0); c += 1) out += String.fromCharCode(c);
      i += 3;
      continue;
    }
    out += ch;
    i += 1;
  }
  return out;
}

function parse(src: string): Node {
  let pos = 0;
  function alt(): Node {
    const options: Node[] = [seq()];
    while (src.charAt(pos) === '|') {
      pos += 1;
      options.push(seq());
    }
    return options.length === 1 ? (options[0] as Node) : { t: 'alt', options };
  }
  function seq(): Node {
    const items: Node[] = [];
    while (pos < src.length && src.charAt(pos) !== '|' && src.charAt(pos) !== ')') {
      let atom: Node;
      const ch = src.charAt(pos);
      if (ch === '(') {
        pos += src.startsWith('(?:', pos) ? 3 : 1;
        atom = alt();
        pos += 1; // ')'
      } else if (ch === '[') {
        const close = src.indexOf(']', src.charAt(pos + 1) === ']' ? pos + 2 : pos + 1);
        let end = close;
        while (src.charAt(end - 1) === '\\' && src.charAt(end - 2) !== '\\') end = src.indexOf(']', end + 1);
        atom = { t: 'set', chars: classChars(src.slice(pos + 1, end)) };
        pos = end + 1;
      } else if (ch === '\\') {
        const e = src.charAt(pos + 1);
        atom = e === 'd' ? { t: 'set', chars: DIGITS } : e === 'w' ? { t: 'set', chars: WORD } : { t: 'lit', ch: e };
        pos += 2;
      } else {
        atom = { t: 'lit', ch };
        pos += 1;
      }
      const q = src.charAt(pos);
      if (q === '?') {
        atom = { t: 'rep', node: atom, min: 0, max: 1 };
        pos += 1;
      } else if (q === '*' || q === '+') {
        atom = { t: 'rep', node: atom, min: q === '+' ? 1 : 0, max: 8 };
        pos += 1;
      } else if (q === '{') {
        const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(src.slice(pos));
        if (m) {
          const min = Number(m[1]);
          const max = m[2] ? (m[3] ? Number(m[3]) : min + 8) : min;
          atom = { t: 'rep', node: atom, min, max };
          pos += m[0].length;
        }
      }
      items.push(atom);
    }
    return { t: 'seq', items };
  }
  const node = alt();
  if (pos !== src.length) throw new Error(`cannot sample ${src}`);
  return node;
}

export function sampleRegex(src: string, random: () => number, preferShort = false): string {
  const pick = (n: number): number => Math.floor(random() * n);
  const walk = (node: Node): string => {
    switch (node.t) {
      case 'lit':
        return node.ch;
      case 'set':
        return node.chars.charAt(pick(node.chars.length));
      case 'seq':
        return node.items.map(walk).join('');
      case 'alt':
        return walk(node.options[pick(node.options.length)] as Node);
      case 'rep': {
        // Lengths near the minimum keep generated tokens realistic and fast to scan.
        const span = Math.min(node.max - node.min, preferShort ? 0 : 16);
        const n = node.min + pick(span + 1);
        let out = '';
        for (let i = 0; i < n; i += 1) out += walk(node.node);
        return out;
      }
    }
  };
  return walk(parse(src));
}
