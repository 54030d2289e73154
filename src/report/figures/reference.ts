/**
 * Reference values drawn in the figures, with their sources.
 * The human brain runs on about 20 W: V. Balasubramanian, "Brain power", PNAS 118(32), e2107022118
 * (2021) ("an energy budget of ∼20 W"). 20 W × the time to solution is the brain's energy over the
 * same time, a yardstick for the bounds (not a bound itself).
 */
import { CITATIONS } from '../../data/sources.js';

export const BRAIN_POWER_W = 20;
export const BRAIN_POWER_CITATION = 'balasubramanian2021';

/** "Landauer 1961", "Chen et al. 2024", "NVIDIA 2022": a short in-text citation for a bibliography id. */
export function shortCite(id: string): string {
  const c = CITATIONS[id];
  if (!c) return id;
  if (id === 'limbound') return 'limbound (stated assumption)';
  const authors = c.authors.replace(/\([^)]*\)/g, '').trim();
  const first = authors.split(',')[0]!.replace(/\bet al\.?/, '').trim();
  const many = authors.includes(',') || /\bet al\b/.test(authors);
  // A person is written with initials first ("R. Landauer", "L.-M. Munguia"); organisations are not.
  const person = /^(?:[A-Z][a-z]?\.(?:-[A-Z]\.)?\s*)+\S/.test(first);
  const name = person ? first.split(/\s+/).pop()! : first;
  return `${name}${person && many ? ' et al.' : ''} ${c.year}`;
}

/** "Sources: Landauer 1961; Chen et al. 2024; …" for a set of ids (unknown ids and duplicates dropped). */
export function sourceNote(ids: Iterable<string>, lead: string): string {
  const seen = [...new Set(ids)].filter((id) => CITATIONS[id] && id !== 'limbound');
  return `${lead}${seen.length ? ` Sources: ${seen.map(shortCite).join('; ')}.` : ''}`;
}
