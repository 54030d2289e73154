/**
 * Text widths for laying out figures without a browser. Vega measures text with a canvas when one
 * exists and otherwise guesses 0.8 em per character, which overestimates most text by a third and
 * truncates labels early. These are the advance widths of DejaVu Sans and DejaVu Sans Bold (the fonts
 * resvg uses for the PNGs), read from the fonts' hmtx tables, in thousandths of an em.
 */

const CHARS = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~·×−–—µ²³≥≤±⟨⟩τεγρΣΔ∞≈…’“”éüöñàçθ√";
const REGULAR = [318,401,460,838,636,950,780,275,390,390,500,838,318,361,318,337,636,636,636,636,636,636,636,636,636,636,337,337,838,838,838,531,1000,684,686,698,770,632,575,775,752,295,295,656,557,863,748,787,603,787,695,635,611,732,684,989,685,611,685,390,337,390,838,500,500,613,635,550,635,615,352,635,634,278,278,579,278,974,634,612,635,635,411,521,392,634,592,818,592,592,525,636,337,636,838,318,838,838,500,1000,636,401,401,838,838,838,390,390,602,541,592,635,632,684,833,838,1000,318,518,518,615,634,612,634,613,550,612,637];
const BOLD = [348,456,521,838,696,1002,872,306,457,457,523,838,380,415,380,365,696,696,696,696,696,696,696,696,696,696,400,400,838,838,838,580,1000,774,762,734,830,683,683,821,837,372,372,775,637,995,837,850,733,850,770,720,682,812,774,1103,771,724,725,457,365,457,838,500,500,675,716,593,716,678,435,716,712,343,343,665,343,1042,712,687,716,716,493,595,478,712,652,924,645,652,582,712,365,712,838,380,838,838,500,1000,736,438,438,838,838,838,457,457,638,557,681,716,683,774,833,838,1000,380,657,657,678,712,687,712,675,593,687,667];

const regular = new Map<string, number>();
const bold = new Map<string, number>();
[...CHARS].forEach((ch, i) => {
  regular.set(ch, REGULAR[i]!);
  bold.set(ch, BOLD[i]!);
});

/** Width of a character not in the table: wide for CJK and similar scripts, else an average letter. */
function fallback(ch: string): number {
  return ch.codePointAt(0)! >= 0x2e80 ? 1000 : 620;
}

/** Width in pixels of `text` set in DejaVu Sans at `fontSize` px. */
export function textWidth(text: string, fontSize: number, isBold = false): number {
  const table = isBold ? bold : regular;
  let em = 0;
  for (const ch of text) em += table.get(ch) ?? fallback(ch);
  return (em / 1000) * fontSize;
}
