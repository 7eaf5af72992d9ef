/**
 * lz-string's decompressFromEncodedURIComponent with a bound on its output:
 * it stops as soon as the text it has produced passes `maxChars`, so a
 * "decompression bomb" link (76 KB expanding to 530 MB) costs at most
 * `maxChars` of memory and the time to produce them. lz-string has no
 * streaming API, so this is its decoder (lz-string 1.5, MIT, Pieroxy) with
 * a running total of the output; for any input within the bound it returns
 * exactly what lz-string returns (tested against it).
 */
const KEY_URI_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const REVERSE = new Map([...KEY_URI_SAFE].map((ch, i) => [ch, i]));

/** The decompressed text; null when the input is damaged; `{ tooLarge: true }` once the output passes maxChars. */
export type BoundedText = string | null | { tooLarge: true };

export function decompressUriBounded(input: string, maxChars: number): BoundedText {
  if (input === '') return null;
  const text = input.replace(/ /g, '+');
  const length = text.length;
  const valueAt = (i: number) => REVERSE.get(text.charAt(i)) ?? 0;
  const resetValue = 32;
  let val = valueAt(0);
  let position = resetValue;
  let index = 1;
  const readBits = (n: number): number => {
    let bits = 0;
    for (let power = 1; power !== 1 << n; power <<= 1) {
      const resb = val & position;
      position >>= 1;
      if (position === 0) {
        position = resetValue;
        val = valueAt(index++);
      }
      if (resb > 0) bits |= power;
    }
    return bits;
  };
  const dictionary: string[] = ['', '', ''];
  let enlargeIn = 4;
  let dictSize = 4;
  let numBits = 3;
  let c: string;
  switch (readBits(2)) {
    case 0:
      c = String.fromCharCode(readBits(8));
      break;
    case 1:
      c = String.fromCharCode(readBits(16));
      break;
    default:
      return '';
  }
  dictionary[3] = c;
  let w = c;
  const result = [c];
  let total = c.length;
  for (;;) {
    if (index > length) return '';
    let code = readBits(numBits);
    if (code === 0 || code === 1) {
      dictionary[dictSize++] = String.fromCharCode(readBits(code === 0 ? 8 : 16));
      code = dictSize - 1;
      enlargeIn--;
    } else if (code === 2) return result.join('');
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
    let entry: string;
    if (code < dictSize && dictionary[code]) entry = dictionary[code];
    else if (code === dictSize) entry = w + w.charAt(0);
    else return null;
    total += entry.length;
    if (total > maxChars) return { tooLarge: true };
    result.push(entry);
    dictionary[dictSize++] = w + entry.charAt(0);
    enlargeIn--;
    w = entry;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
}
