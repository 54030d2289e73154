/** Plain-data shapes shared by the figure functions. Specs are plain JSON objects (Vega-Lite v6). */
import type { Kind } from '../../model/paradigms.js';

/** A Vega-Lite specification: a JSON-ready object. */
export type VlSpec = Record<string, unknown>;

/** A paradigm series: its stable id, label and kind. */
export interface SeriesMeta {
  id: string;
  label: string;
  kind: Kind;
}
