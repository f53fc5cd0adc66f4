import { describe, expect, it } from 'vitest';
import { xmlElements } from '../../../../../src/io/xlsx/read/xml-elements.js';

/** The elements found in `xml` arriving in pieces of `size` characters (whole when omitted). */
async function elements(xml: string, name: string, size = xml.length): Promise<string[]> {
  async function* pieces() {
    for (let i = 0; i < xml.length; i += size) yield xml.slice(i, i + size);
  }
  const out: string[] = [];
  for await (const batch of xmlElements(pieces(), name)) out.push(...batch);
  return out;
}

describe('xmlElements', () => {
  const xml =
    '<?xml version="1.0"?><sst count="5"><si><t>basis 满意</t></si><sis/><xsi>no</xsi>' +
    '<si ><r><t>a</t></r><r><t>b</t></r></si ><x:si><x:t>前缀</x:t></x:si><si/><si>\n<t>x</t>\n</si\n></sst>';
  const expected = ['<si><t>basis 满意</t></si>', '<si ><r><t>a</t></r><r><t>b</t></r></si >', '<x:si><x:t>前缀</x:t></x:si>', '<si/>', '<si>\n<t>x</t>\n</si\n>'];

  it('finds each element, prefixed or not, and not names that only contain it', async () => {
    expect(await elements(xml, 'si')).toEqual(expected);
  });

  it('finds the same whatever pieces the text arrives in', async () => {
    for (const size of [1, 2, 3, 5, 8, 13, 64]) expect(await elements(xml, 'si', size), `pieces of ${size}`).toEqual(expected);
  });
});
