/**
 * What every structure reader reports: a key name and where its value sits in the original text. The readers
 * know syntax only; whether the key names something sensitive and whether the value is one is decided in one
 * place (index.ts → keys/classify.ts → values.ts), so that every format gets the same judgement.
 */
export type PairSink = (
  key: string,
  valueStart: number,
  valueEnd: number,
  /** How it was written, for `--explain`: `json`, `record`, `assignment`, `xml`, `table`, `sql`, … */
  syntax: string,
  /** The name the record gave the value (a HAR `name`, a column), when that is not `key` itself. */
  via?: string,
  /** The value was written bare in code (no quotes): a reference such as `config.password` is not a literal. */
  bare?: boolean,
) => void;
