// The data that crosses between JavaScript and parallax, as serde gives it (Rust: src/analyze.rs,
// src/config.rs, src/report.rs). tests/package checks these against real reports with `tsc`, so a
// field added in Rust and missing here (or the reverse) fails the build.

/** One article as the person pasted it. */
export interface Source {
  /** A name to show (outlet, file name). */
  name: string;
  /** The pasted text. */
  text: string;
  /** The person's corrections to the boilerplate stage. */
  overrides?: Override[];
}

/** The person's decision on one block: keep it as body, or remove it. */
export interface Override {
  /** UTF-16 offset where the block starts (as the report gives it). */
  at: number;
  /** `true` restores the block as body; `false` removes it. */
  keep: boolean;
}

/** Ready-made settings for how loosely sentences count as shared. */
export type Preset = "strict" | "balanced" | "lenient";

/** Every setting of an analysis (`presetConfig` returns all of them). See `DESIGN.md`. */
export interface FullConfig {
  /** Most sources one analysis accepts. */
  max_sources: number;
  /** Most bytes (UTF-8) in one source. */
  max_source_bytes: number;
  /** Most bytes over all sources together. */
  max_total_bytes: number;
  /** Whether to remove boilerplate at all. */
  strip_boilerplate: boolean;
  /** A line with at least this many words and sentence punctuation is prose. */
  prose_min_words: number;
  /** A line with at most this many words is "short". */
  short_max_words: number;
  /** A title is at most this many words. */
  title_max_words: number;
  /** Sentences with fewer content words are never matched as paraphrases. */
  min_content_words: number;
  /** Lowest word-bigram Dice overlap for near-verbatim copies, in [0, 1]. */
  near_verbatim_min: number;
  /** Lowest TF-IDF cosine for paraphrases, in [0, 1]. */
  paraphrase_min: number;
  /** Terms in more than this share of sentences are left out of the candidate index. */
  index_max_df_share: number;
  /** A sentence is consensus when at least this share of the other sources carry it. */
  consensus_min_share: number;
  /** Weight of vocabulary divergence in the pairwise divergence, in [0, 1]. */
  vocabulary_weight: number;
}

/**
 * Settings for one analysis: any subset of the settings (the rest take their defaults), and
 * optionally a `preset` whose values the given settings then override.
 */
export type Config = Partial<FullConfig> & { preset?: Preset };

/** A range of the source text in UTF-16 code units: `text.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
}

/** What a block of a source is. */
export type BlockKind = "body" | "title" | "byline" | "date" | "caption" | "boilerplate";

/** Why a block was removed from the body. */
export type Reason = "known_phrase" | "repeated" | "navigation" | "no_text" | "removed_by_you";

/** How a sentence relates to its counterpart in another source. */
export type Relation = "identical" | "near_verbatim" | "paraphrase" | "unique";

/** A piece of metadata: its text and where it is. */
export interface Field {
  text: string;
  span: Span;
}

/** What the boilerplate stage recognised as metadata rather than body. */
export interface Metadata {
  title: Field | null;
  byline: Field | null;
  date: Field | null;
  captions: Field[];
}

/** One line of a source and what became of it. */
export interface BlockReport {
  span: Span;
  /** What it is, after the person's overrides. */
  kind: BlockKind;
  /** Why it was removed, when it was. */
  reason: Reason | null;
  /** The reason in words. */
  reason_text: string | null;
  /** What the classifier decided before any override. */
  detected: BlockKind;
  /** Whether the person overrode the classifier on this block. */
  overridden: boolean;
}

/** A sentence's counterpart in another source. */
export interface Counterpart {
  /** Index of the other source. */
  source: number;
  /** Index of the sentence in that source. */
  sentence: number;
  /** How similar the two are, in [0, 1]. */
  similarity: number;
  relation: Relation;
}

/** One sentence of a source's body. */
export interface SentenceReport {
  span: Span;
  /** Its best counterpart in each other source that carries it. */
  counterparts: Counterpart[];
  /** The closest relation over all counterparts (`unique` when there are none). */
  best_relation: Relation;
  /** Whether most other sources carry it. */
  consensus: boolean;
}

/** A reference to one sentence of one source. */
export interface SentenceRef {
  source: number;
  sentence: number;
}

/** Everything about one source. */
export interface SourceReport {
  name: string;
  /** Length of the text in UTF-16 code units. */
  length: number;
  metadata: Metadata;
  /** Every non-empty line, classified. */
  blocks: BlockReport[];
  /** The body sentences. */
  sentences: SentenceReport[];
  /** Divergence from the other sources, in [0, 1]. */
  divergence: number;
  /** Share of its words in sentences no other source carries. */
  unique_share: number;
  /** Share of the other sources' consensus statements it leaves out. */
  omitted_share: number;
  /** Indices of its sentences that no other source carries. */
  unique: number[];
  /** Consensus sentences of other sources that it leaves out. */
  omitted: SentenceRef[];
}

/** Measures between two sources. */
export interface PairReport {
  /** First source (the lower index). */
  a: number;
  /** Second source. */
  b: number;
  coverage_ab: number;
  coverage_ba: number;
  containment_ab: number;
  containment_ba: number;
  /** Jensen–Shannon divergence of the two vocabularies. */
  jsd: number;
  /** The pairwise divergence. */
  divergence: number;
}

/** What `analyze` returns. */
export interface Report {
  /** Version of parallax that made the report. */
  version: string;
  /** One entry per source, in input order. */
  sources: SourceReport[];
  /** One entry per unordered pair of sources. */
  pairs: PairReport[];
  /** The pairwise divergence as an N×N matrix (0 on the diagonal). */
  matrix: number[][];
  /** Sentences that most sources carry. */
  consensus: SentenceRef[];
  /** Things the person should know. */
  warnings: string[];
}

/** One block of a stripped text. */
export interface StrippedBlock {
  text: string;
  kind: BlockKind;
  /** Why it was removed, for boilerplate. */
  reason: Reason | null;
}

/** What `strip` returns: every non-empty line, classified. */
export interface Stripped {
  blocks: StrippedBlock[];
}

/** Where the WebAssembly comes from: a URL, a response, bytes or a compiled module. */
export type WasmInput = string | URL | Request | Response | BufferSource | WebAssembly.Module;
