//! Every threshold of the pipeline, each a named and documented setting.

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind};
use crate::similarity::LinearModel;

/// Settings of an analysis. `Config::default()` is the `balanced` preset.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Config {
    /// Most sources one analysis accepts. Alignment is near-linear in the text thanks to the
    /// inverted index, but the N×N matrix and the page grow with the square of N.
    pub max_sources: usize,
    /// Most bytes (UTF-8) in one source. A pasted article is rarely above 100 KB; 8 MB leaves room
    /// for whole pasted pages and keeps the browser's memory in check.
    pub max_source_bytes: usize,
    /// Most bytes over all sources together.
    pub max_total_bytes: usize,
    /// Most sentences of article text over all sources, counted once the boilerplate is removed
    /// and before any comparison. Memory grows with the sentences, not the bytes: each sentence
    /// is prepared for comparison (about a kilobyte natively), and a paste of one-word sentences
    /// ("A1. A2. …") holds one per four bytes, so 3.2 MB of them took 1.35 GB. 100,000 is about
    /// twice a thousand articles of 800 words (47 thousand sentences, 160 MB of WebAssembly
    /// memory in Chromium).
    pub max_sentences: usize,
    /// Milliseconds one analysis may take before it stops with an error instead of a report;
    /// `0` means no limit. 20 s is far above what the limits above need natively (about a second
    /// for a few MB) and keeps a stuck page from waiting forever. The clock comes from the caller
    /// (see `analyze_with_clock`), because WebAssembly has none of its own.
    pub time_budget_ms: u32,

    /// Whether to remove boilerplate at all. When false every block is kept as body.
    pub strip_boilerplate: bool,
    /// A line with at least this many words and sentence punctuation is treated as prose and is
    /// never removed for being short or link-like (it may still match a known phrase exactly).
    pub prose_min_words: usize,
    /// A line with at most this many words is "short": a candidate for a menu, a button, a byline
    /// or a caption, depending on its neighbours and its content.
    pub short_max_words: usize,
    /// A title is at most this many words.
    pub title_max_words: usize,
    /// Least share of function words (stopwords, short lowercase words) for a punctuated line to
    /// count as prose: running text is about one word in three; menus and headlines near none.
    pub prose_min_function_share: f64,
    /// Most share of words starting with a capital or digit for a line to count as prose:
    /// running text stays well below, headlines and "Headline Teaser text…" lines do not.
    pub prose_max_capitalized_share: f64,
    /// A punctuated line shorter than prose but with at least this many words is weak prose: it
    /// counts for the article with `weak_weight` of its words.
    pub weak_min_words: usize,
    /// Weight of a weak-prose word against a prose word (unitless, 0–1) in the article score.
    pub weak_weight: f64,
    /// Prefix phrases ("Read more …", "Photo: …") only apply to lines of at most this many words;
    /// a long sentence that happens to start the same way is text.
    pub prefix_max_words: usize,
    /// With markup: a line whose text is at least this share inside links is a link list.
    pub max_link_share: f64,
    /// Without markup: a line is a link list when it has at least one URL, handle, hashtag or
    /// separator per this many words (prose has far fewer).
    pub words_per_link_min: usize,
    /// What one chrome line costs the article score, in prose words: a few chrome lines (an ad
    /// marker, a share bar) inside an article do not cut it in two, a long menu does.
    pub chrome_penalty: f64,
    /// Weight (unitless, 0–1) of a paragraph whose neighbours on both sides are not text (a
    /// teaser between a headline and a date) against one that has text next to it.
    pub isolated_prose_weight: f64,
    /// Weight (unitless, 0–1) of such a lone paragraph when its neighbour is a date or a time:
    /// a teaser stamped with its date ("Headline / Author / Tuesday November 19 / summary") in a
    /// list of other stories. An article's paragraphs have paragraphs next to them.
    pub stamped_prose_weight: f64,
    /// Weight (unitless, 0–1) of a paragraph cut off with an ellipsis ("…", "...", "[…]") in a
    /// run of at least `truncated_run_min` such paragraphs: the summaries of a list of other
    /// stories, shortened to a fixed length. An article's paragraphs end their sentences.
    pub truncated_prose_weight: f64,
    /// Paragraphs cut off with an ellipsis, one after another (headlines and dates between them
    /// allowed), that make a list of teasers (see `truncated_prose_weight`); fewer may be an
    /// article's own paragraphs that trail off ("Maybe next year…").
    pub truncated_run_min: usize,
    /// Share (0–1) of a page's text, in words of prose and weak prose, that runs of cut-off
    /// paragraphs must reach for the page to be a feed (a press portal, a blog's index page)
    /// whose summaries are its content: they then count as usual. Two thirds: a news page with
    /// ten teasers above a six-paragraph article has half its text in them.
    pub truncated_feed_share: f64,
    /// What an end-of-article marker ("Leave a Reply", "Related articles") costs, in prose words.
    pub end_penalty: f64,
    /// What a short unpunctuated line costs, in prose words (a subheading costs little, a menu of
    /// twenty items a lot).
    pub short_penalty: f64,
    /// The article ends at an end-of-article marker ("Leave a Reply", "Related articles") once at
    /// least this much of its text (in prose words) came before the marker; an earlier marker is
    /// read as part of a share bar or menu above the article.
    pub end_min_prose_words: f64,
    /// When the stretch of highest score lies after an end-of-article marker, the best stretch
    /// before the marker is the article instead if it scores at least this share (0–1) of it:
    /// comments, related stories and a footer's disclaimers follow the article, but a cookie
    /// banner above a menu with "Comments" in it is far shorter than the article after it.
    pub end_before_min_share: f64,
    /// With markup: prose inside `<article>`/`<main>`/"entry-content" counts this many times its
    /// words, and short lines there cost nothing.
    pub article_markup_weight: f64,
    /// Inside the article, a run of at least this many short unpunctuated lines is a menu.
    pub menu_run: usize,
    /// When the article's last line ends with a colon ("The tour dates:"), at most this many
    /// short or unpunctuated lines after it are the list it announces and stay with the article.
    pub announced_list_max_lines: usize,
    /// A table or list ends the article without a colon to announce it (tour dates, results)
    /// when at least this many lines right after its last paragraph, under at most one short
    /// heading (of at most `announcer_max_words` words), each hold a field separator and a digit,
    /// or two separators, and share their first two separators ("June 9 – Tampa, FL @ Arena"): a
    /// menu's items share no such shape.
    pub table_min_rows: usize,
    /// Inside the article, a line of at most this many words that ends with a colon and is
    /// directly followed by chrome other than links ("Download the route as a map:" over a
    /// sign-up button, "Release date:" over a time stamp) announces that chrome and is removed with it as
    /// `navigation`. Such announcements are a few words; a longer line ending with a colon is a
    /// sentence that introduces a quotation or a list. The same length bounds the one heading a
    /// table may have over its rows (`table_min_rows`): a heading is as short as an announcement.
    pub announcer_max_words: usize,
    /// A paragraph whose four-word sequences appeared earlier in the same paste at least at this
    /// share (unitless, 0–1) is the text printed again — the article repeated whole in one block,
    /// a truncated teaser of its first paragraph, a pull quote — and is removed as `repeated`.
    /// Rewording or quoting a sentence inside new text stays well below it.
    pub repeated_text_min_share: f64,
    /// A paragraph of at most this many words that holds `prompt_min_words` words of sign-up
    /// prompts ("newsletter", "inbox", "unsubscribe"; the `prompts` groups of
    /// `data/boilerplate/<lang>.txt`) is a prompt, not article text. Prompts are one to three
    /// sentences; a longer paragraph that mentions a newsletter twice is about one.
    pub prompt_max_words: usize,
    /// Least number of prompt words (repeats count) that make a short paragraph a prompt: one
    /// "newsletter" or "subscribe" also occurs in news, two in forty words rarely do.
    pub prompt_min_words: usize,
    /// A line of at most this many words without final punctuation that starts like "About …",
    /// "Über …" (the `about` groups) is the heading of a box about the author or the publisher.
    pub about_max_words: usize,
    /// A note about the author is looked for in the article's last this many paragraphs: one
    /// that names the byline's author near its start ("Jane Roe is a senior writer…") is removed
    /// with the paragraphs after it. Notes are one or two paragraphs; three leaves room for a
    /// prompt or a tip line between.
    pub author_note_max_paragraphs: usize,
    /// With markup: a line the markup calls the author's (class "author…", "byline",
    /// `itemprop="author"`) with sentence punctuation and at least this many words is a note about
    /// the author, not a byline ("By Jane Roe, Staff Writer" has fewer).
    pub author_box_min_words: usize,
    /// Metadata (title, byline, date, captions) is looked for at most this many lines before the
    /// article's first paragraph.
    pub header_max_lines: usize,
    /// An unpunctuated line after the title with at least this many words is a caption.
    pub caption_min_words: usize,
    /// With markup: a line inside the article that the markup calls a caption (`<figcaption>`,
    /// class "caption") is one when it has at most this many words; so is a line whose first words
    /// name it a caption ("In this … file photo", "Image caption"). Captions are a sentence or
    /// two; a longer block under such a class, or with such words, is more likely a wrapper
    /// around text or a paragraph about a photo.
    pub caption_markup_max_words: usize,

    /// Lowest word-bigram overlap (Dice over bigrams of the folded words) for two sentences that
    /// state the same thing to count as near-verbatim copies rather than paraphrases.
    pub near_verbatim_min: f64,
    /// Lowest probability from the paraphrase head (`paraphrase_model`) for two sentences to count
    /// as the same statement. The default is the threshold with the best accuracy on MSRP train.
    pub paraphrase_min: f64,
    /// Two sentences below `paraphrase_min` still count as a paraphrase (a rewrite) when each is
    /// the other's nearest sentence in its source and their similarity is at least this: 0.4 is
    /// grade 2 of the STS scale ("not equivalent, but share some details"). Rewrites by another
    /// outlet keep the statement and change most words, which a sentence-pair model trained on
    /// close pairs (MSRP) scores low; being each other's best match in the whole text is the
    /// extra evidence.
    pub rewrite_similarity_min: f64,
    /// … and their paraphrase probability is at least this. Similar sentences that share only a
    /// person and a topic ("… said Ukrainian President Volodymyr Zelensky" and "… meet Zelensky
    /// … to discuss ending the war") get a similarity near 0.45 but a paraphrase probability near
    /// 0.07; rewrites of one statement score 0.2 to 0.5.
    pub rewrite_paraphrase_min: f64,
    /// A match whose two sentences share fewer than this many content words that are not names
    /// (words written with a capital inside sentences) is trivial: strings of names and titles
    /// ("US President Donald Trump and Russian President Vladimir Putin") match too easily. It is
    /// shown but not counted as shared.
    pub min_shared_words: usize,
    /// Terms found in more than this share of all sentences are left out of the candidate index:
    /// they would pair nearly every sentence with every other and carry little evidence.
    pub index_max_df_share: f64,
    /// Each sentence probes the index from its rarest term up and stops before the term whose
    /// postings would take the total past this many: small inputs probe every term, large ones
    /// their rare terms, which carry the evidence, so the cost stays linear in the number of
    /// sentences however many sources share a word.
    pub index_budget: usize,
    /// For each sentence and each other source, how many candidates (best by a cheap cosine over
    /// the indexed terms) are compared in full. Three leaves room for a near-tie and a split.
    pub candidates_per_source: usize,
    /// Candidates with at least this cheap cosine are near copies and are always compared in full.
    pub strong_candidate_score: f64,
    /// Of the weaker candidates, at most this many per sentence over all other sources (the best
    /// by the cheap cosine) are compared in full: the bound that keeps a thousand sources from
    /// comparing every sentence with a thousand others. Sixteen covers the three best in each of
    /// five sources.
    pub max_weak_candidates: usize,
    /// Candidates whose cheap cosine is below this are not compared in full.
    pub candidate_min_score: f64,
    /// A sentence is tried against two adjacent sentences of another source taken together only
    /// when it has at least this many times the words of the longer of the two.
    pub split_min_length_ratio: f64,
    /// … and only around its nearest sentence there, when that one has at least this similarity
    /// to it: each half of a split sentence carries a good part of the whole.
    pub split_min_piece_similarity: f64,
    /// The pair of adjacent sentences replaces the best single match only when its paraphrase
    /// probability is higher by at least this much.
    pub split_min_gain: f64,
    /// A sentence belongs to the consensus when at least this share of the other sources carry a
    /// counterpart of it (and at least one does).
    pub consensus_min_share: f64,
    /// Weight of vocabulary (Jensen–Shannon) divergence in the pairwise divergence; the rest is
    /// weight of sentences not covered by alignment.
    pub vocabulary_weight: f64,

    /// A quotation with no speaker found and fewer words than this is taken for scare quotes or a
    /// title ("the so-called “deal”"), not for speech, and is left out.
    pub quote_min_words: usize,
    /// Lowest share of the shorter quotation's words found in order in the longer one for two
    /// quotations to count as the same utterance (then their word-level differences are shown).
    pub quote_match_min: f64,
    /// Quotations are compared word by word up to this many words (about six sentences, longer
    /// than nearly any quotation in news); beyond it the rest is cut off so the word diff,
    /// quadratic in the words, stays small. Also bounds the word diff of two sentences for names.
    pub quote_max_words: usize,
    /// Most utterances a quotation is compared with (those sharing the most rare words), and most
    /// quotations of a related sentence checked for a rewording: the same words quoted by many
    /// sources are grouped before this applies, so it only bounds pathological pastes.
    pub quote_max_candidates: usize,
    /// Bytes of text on each side of a quotation searched for its speaker (inside its sentence).
    /// About 70 words: attributions sit next to the quotation, and the bound keeps a quotation in
    /// an endless unpunctuated paste as cheap as any other.
    pub quote_context_bytes: usize,
    /// Neighbours of an aligned sentence pair (the sentences just before, or just after, both)
    /// count as reporting the same thing when neither has a counterpart in the other source and
    /// their content words overlap at least this much (Dice). Used by the quote and fact checks.
    pub link_neighbour_min: f64,
    /// How many sentences before and after an aligned pair are searched for such neighbours. A
    /// few: enough to step over a sentence that one source split in two, few enough that
    /// unrelated sentences of the same story are not paired.
    pub link_neighbour_window: usize,

    /// Strength α0 of the Dirichlet prior of the framing scores, in pseudo-counts spread over the
    /// terms in proportion to their frequency in all sources. Larger values shrink rare terms more
    /// towards "not distinctive". Monroe, Colaresi and Quinn (2008) use 500 on speeches; a few
    /// news articles hold a few thousand terms, for which 500 keeps words used once or twice
    /// visible without letting them outrank words used five times. The prior never weighs more
    /// than the data: with fewer terms in all sources than this, their number is used instead.
    pub framing_prior: f64,
    /// Lowest z-score (log-odds over its standard deviation) for a term to count as distinctive
    /// of a source. 1.0 is a weak bar on purpose: the list is sorted by z, and in a handful of
    /// articles a word one source alone uses twice reaches only about 1.5.
    pub framing_min_z: f64,
    /// Most distinctive terms reported per source (the most distinctive first).
    pub framing_max_terms: usize,
    /// Most places reported per distinctive term.
    pub framing_max_spans: usize,
    /// Words per shingle for containment (see `shingles`). Three, as in the METER and
    /// Clough–Stevenson reuse studies: two-word runs are common by chance, four-word runs miss
    /// light edits.
    pub shingle_words: usize,
    /// A shingle found in more sources than this is stock wording and is not counted; also keeps
    /// the pairwise count near-linear when hundreds of sources share a phrase.
    pub shingle_max_sources: usize,
    /// An aligned pair whose shared content words are at least this share inside quotations in
    /// both is quoted speech, and is not evidence that one text derives from the other.
    pub quoted_link_max: f64,
    /// A pair of sources is derived (one from the other) when the derived side has at least this
    /// share of its three-word shingles (outside quotations) in the other: one in ten. Independent
    /// reports of one story share about 2–3% (the seeds), independent answers to one question in
    /// Clough–Stevenson at most 9%.
    pub derived_containment_min: f64,
    /// … or when at least this share of its words are in sentences aligned with the other …
    pub derived_coverage_min: f64,
    /// … with at least this many of those sentences in the same order in both texts. A heavy
    /// rewrite keeps the statements and their order; independent texts share a few statements in
    /// any order.
    pub derived_min_sentences: usize,
    /// A derived pair is wholly derived when the derived side has at least this share of its words
    /// in sentences aligned with the other, partially derived below.
    pub wholly_derived_min: f64,
    /// The report lists every pair of sources up to this many sources; beyond, only the pairs that
    /// share an aligned sentence or derive one from the other, since a thousand sources make half
    /// a million pairs (the divergence matrix still holds every pair).
    pub all_pairs_max_sources: usize,
    /// A derived text is a verbatim copy when at least this share of its word shingles (outside
    /// quotations) is found in the other text.
    pub verbatim_rewrite_min: f64,
    /// … a light rewrite at this share, a heavy one below.
    pub light_rewrite_min: f64,
    /// The likely original of a derived pair is named only when the derived side's shingle
    /// containment is at least this many times the other side's.
    pub direction_min_ratio: f64,

    /// Paraphrase head of sentence comparison: logistic regression over the sentence features
    /// (`parallax::FEATURES`), giving the probability that two sentences state the same thing.
    /// Fitted on the MSRP train split by `parallax eval paraphrase FILE --fit`.
    pub paraphrase_model: LinearModel,
    /// Similarity head of sentence comparison: least squares over the same features, predicting
    /// the STS 0–5 grade (divided by 5 and clamped into [0, 1] for the report). Fitted on the STS
    /// Benchmark train split, news genre, by `parallax eval sts FILE --fit`.
    pub similarity_model: LinearModel,

    /// Words on each side of a value that make its context (the thing it is about). Four
    /// reaches the subject of "the Dow Jones industrial average was down 39.94"; tuned on MSRP
    /// train (3: recall 0.790, 4: 0.801, 5: 0.810 with more false conflicts).
    pub facts_window: usize,
    /// Context words two values in sentences that are not aligned must share to count as being
    /// about the same thing ("Ukraine enters its third year" / "Ukraine enters its fourth year").
    /// Aligned sentences need one shared word, or none when theirs is the only pair of values.
    pub facts_context_min: usize,
    /// A figure with "about", "more than", "some"… before it agrees with figures within this
    /// relative difference ("some $65 billion" / "$64.7 billion"), or within 1 % when it gives
    /// four significant digits (0.1 % for five…): "about $5,247" is not "$4,794".
    pub facts_hedge_max: f64,
    /// Words two related sentences of different sources must have in common around the one
    /// word (or pair) they swap for the swap to count as naming one thing two ways ("Russia's
    /// annexation of Crimea was condemned" / "Russia's seizure of Crimea was condemned"): fewer,
    /// and two short sentences that merely share a frame would count.
    pub naming_min_shared: usize,
    /// Minutes within which an approximate time of day agrees with another ("about 3 p.m." /
    /// "3:22 p.m."): half an hour either side of the time given.
    pub facts_clock_hedge_minutes: u32,
    /// Two figures where the more precise rounds to the less precise agree when they differ by at
    /// most this much, relatively ("$1.83 billion" / "$1.8 billion", "4.4 percent" / "4
    /// percent"); rounding "296" to one digit gives "300", but "1.4" is not "1" rounded.
    pub facts_rounding_max: f64,
    /// Figures closer than this, relatively, are taken for the same reading at another moment
    /// (a share price of $31.29 and $31.20) rather than a contradiction. Off by default: on MSRP
    /// train, 0.01 lowers false conflicts on paraphrases from 0.059 to 0.056 but misses real
    /// differences too (recall 0.806 to 0.778). Whole counts below 100 that differ always differ
    /// by more than 0.01.
    pub facts_min_difference: f64,
    /// A context word shared by more than this many values is no evidence that two of them are
    /// about the same thing ("said", "year"), and pairs through it are not compared.
    pub facts_max_postings: usize,
}

/// Ready-made settings for how loosely sentences count as shared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Preset {
    /// Only close copies count as shared.
    Strict,
    /// The default.
    Balanced,
    /// Looser paraphrases count as shared too.
    Lenient,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            max_sources: 1000,
            max_source_bytes: 8_000_000,
            max_total_bytes: 64_000_000,
            max_sentences: 100_000,
            time_budget_ms: 20_000,
            strip_boilerplate: true,
            prose_min_words: 10,
            short_max_words: 6,
            title_max_words: 25,
            prose_min_function_share: 0.15,
            prose_max_capitalized_share: 0.6,
            weak_min_words: 4,
            weak_weight: 0.5,
            prefix_max_words: 15,
            max_link_share: 0.5,
            words_per_link_min: 4,
            chrome_penalty: 6.0,
            isolated_prose_weight: 0.3,
            stamped_prose_weight: 0.1,
            truncated_prose_weight: 0.0,
            truncated_run_min: 3,
            truncated_feed_share: 2.0 / 3.0,
            end_penalty: 25.0,
            short_penalty: 2.0,
            end_min_prose_words: 30.0,
            end_before_min_share: 0.5,
            article_markup_weight: 2.0,
            menu_run: 3,
            announced_list_max_lines: 60,
            table_min_rows: 5,
            announcer_max_words: 6,
            repeated_text_min_share: 0.8,
            prompt_max_words: 40,
            prompt_min_words: 2,
            about_max_words: 6,
            author_note_max_paragraphs: 3,
            author_box_min_words: 10,
            header_max_lines: 12,
            caption_min_words: 4,
            caption_markup_max_words: 60,
            near_verbatim_min: 0.6,
            paraphrase_min: 0.51,
            rewrite_similarity_min: 0.4,
            rewrite_paraphrase_min: 0.15,
            min_shared_words: 2,
            index_max_df_share: 0.25,
            index_budget: 1000,
            candidates_per_source: 3,
            strong_candidate_score: 0.5,
            max_weak_candidates: 16,
            candidate_min_score: 0.08,
            split_min_length_ratio: 1.3,
            split_min_gain: 0.1,
            split_min_piece_similarity: 0.2,
            consensus_min_share: 0.5,
            vocabulary_weight: 0.5,
            quote_min_words: 4,
            quote_match_min: 0.6,
            quote_max_words: 120,
            quote_max_candidates: 32,
            quote_context_bytes: 400,
            link_neighbour_min: 0.15,
            link_neighbour_window: 2,
            framing_prior: 500.0,
            framing_min_z: 1.0,
            framing_max_terms: 100,
            framing_max_spans: 20,
            shingle_words: 3,
            shingle_max_sources: 200,
            quoted_link_max: 0.5,
            derived_containment_min: 0.1,
            derived_coverage_min: 0.3,
            derived_min_sentences: 4,
            wholly_derived_min: 0.6,
            all_pairs_max_sources: 100,
            verbatim_rewrite_min: 0.7,
            light_rewrite_min: 0.5,
            direction_min_ratio: 1.5,
            paraphrase_model: LinearModel {
                bias: -5.0271,
                weights: [
                    -4.0908, -6.3001, 0.1923, -2.4847, 3.1637, 3.9541, 2.4345, -0.7201, 2.7659, 3.6321, -0.3104,
                    0.1843, -0.6160, 0.0971, -0.6730, -3.2153, 1.5900, 5.7578, -1.6406, 5.6433,
                ],
            },
            similarity_model: LinearModel {
                bias: -0.8606,
                weights: [
                    1.6104, -3.8382, -1.0508, 0.1197, 0.2557, 3.8017, 3.5487, 0.1813, 0.6120, -0.0690, -0.3313, 0.0000,
                    0.3317, -0.0276, -0.3221, -0.8170, -0.0622, 3.7624, -2.6285, 0.2239,
                ],
            },
            facts_window: 4,
            facts_context_min: 2,
            facts_hedge_max: 0.1,
            facts_clock_hedge_minutes: 30,
            naming_min_shared: 5,
            facts_rounding_max: 0.1,
            facts_min_difference: 0.0,
            facts_max_postings: 64,
        }
    }
}

impl Config {
    /// The settings of a preset.
    pub fn preset(p: Preset) -> Config {
        let base = Config::default();
        match p {
            Preset::Balanced => base,
            Preset::Strict => Config { near_verbatim_min: 0.75, paraphrase_min: 0.7, ..base },
            Preset::Lenient => Config { near_verbatim_min: 0.5, paraphrase_min: 0.35, ..base },
        }
    }

    /// Checks that every setting is in its range.
    pub fn validate(&self) -> Result<(), Error> {
        let unit = [
            ("near_verbatim_min", self.near_verbatim_min),
            ("paraphrase_min", self.paraphrase_min),
            ("index_max_df_share", self.index_max_df_share),
            ("consensus_min_share", self.consensus_min_share),
            ("vocabulary_weight", self.vocabulary_weight),
            ("quote_match_min", self.quote_match_min),
            ("link_neighbour_min", self.link_neighbour_min),
            ("candidate_min_score", self.candidate_min_score),
            ("strong_candidate_score", self.strong_candidate_score),
            ("rewrite_similarity_min", self.rewrite_similarity_min),
            ("rewrite_paraphrase_min", self.rewrite_paraphrase_min),
            ("split_min_gain", self.split_min_gain),
            ("split_min_piece_similarity", self.split_min_piece_similarity),
            ("quoted_link_max", self.quoted_link_max),
            ("derived_containment_min", self.derived_containment_min),
            ("derived_coverage_min", self.derived_coverage_min),
            ("wholly_derived_min", self.wholly_derived_min),
            ("verbatim_rewrite_min", self.verbatim_rewrite_min),
            ("light_rewrite_min", self.light_rewrite_min),
            ("facts_hedge_max", self.facts_hedge_max),
            ("facts_rounding_max", self.facts_rounding_max),
            ("facts_min_difference", self.facts_min_difference),
            ("repeated_text_min_share", self.repeated_text_min_share),
            ("isolated_prose_weight", self.isolated_prose_weight),
            ("stamped_prose_weight", self.stamped_prose_weight),
            ("truncated_prose_weight", self.truncated_prose_weight),
            ("truncated_feed_share", self.truncated_feed_share),
            ("end_before_min_share", self.end_before_min_share),
        ];
        for (name, v) in unit {
            // The value is not repeated: printing a float would bring core's float formatting
            // (13 KB) into the WebAssembly for this one message.
            if !(0.0..=1.0).contains(&v) {
                return Err(Error::new(ErrorKind::BadConfig(format!("{name} must be between 0 and 1"))));
            }
        }
        if self.shingle_words == 0 {
            return Err(Error::new(ErrorKind::BadConfig("shingle_words must be at least 1".into())));
        }
        if self.max_sources == 0 {
            return Err(Error::new(ErrorKind::BadConfig("max_sources must be at least 1".into())));
        }
        if self.max_sentences == 0 {
            return Err(Error::new(ErrorKind::BadConfig("max_sentences must be at least 1".into())));
        }
        Ok(())
    }
}

/// Where one setting lives in [`Config`], by its type: the JavaScript boundary (`src/wasm.rs`)
/// reads and writes settings by name through [`SETTINGS`] rather than through serde. serde's
/// derived code is unrolled per field and per value type (about 20 KB of WebAssembly for reading a
/// partial `Config` and writing a preset); one loop over a table is a tenth of that.
#[cfg(any(target_arch = "wasm32", test))]
#[derive(Clone, Copy)]
pub(crate) enum Setting {
    Usize(fn(&mut Config) -> &mut usize),
    U32(fn(&mut Config) -> &mut u32),
    F64(fn(&mut Config) -> &mut f64),
    Bool(fn(&mut Config) -> &mut bool),
    Model(fn(&mut Config) -> &mut LinearModel),
}

#[cfg(any(target_arch = "wasm32", test))]
macro_rules! settings {
    ($($kind:ident $field:ident,)*) => {
        &[$((stringify!($field), Setting::$kind(|c| &mut c.$field)),)*]
    };
}

/// Every field of [`Config`] by its serde name. A test checks it against
/// serde's own list, so a new setting cannot be forgotten here.
#[cfg(any(target_arch = "wasm32", test))]
pub(crate) const SETTINGS: &[(&str, Setting)] = settings![
    Usize max_sources,
    Usize max_source_bytes,
    Usize max_total_bytes,
    Usize max_sentences,
    U32 time_budget_ms,
    Bool strip_boilerplate,
    Usize prose_min_words,
    Usize short_max_words,
    Usize title_max_words,
    F64 prose_min_function_share,
    F64 prose_max_capitalized_share,
    Usize weak_min_words,
    F64 weak_weight,
    Usize prefix_max_words,
    F64 max_link_share,
    Usize words_per_link_min,
    F64 chrome_penalty,
    F64 isolated_prose_weight,
    F64 stamped_prose_weight,
    F64 truncated_prose_weight,
    Usize truncated_run_min,
    F64 truncated_feed_share,
    F64 end_penalty,
    F64 short_penalty,
    F64 end_min_prose_words,
    F64 end_before_min_share,
    F64 article_markup_weight,
    Usize menu_run,
    Usize announced_list_max_lines,
    Usize table_min_rows,
    Usize announcer_max_words,
    F64 repeated_text_min_share,
    Usize prompt_max_words,
    Usize prompt_min_words,
    Usize about_max_words,
    Usize author_note_max_paragraphs,
    Usize author_box_min_words,
    Usize header_max_lines,
    Usize caption_min_words,
    Usize caption_markup_max_words,
    F64 near_verbatim_min,
    F64 paraphrase_min,
    F64 rewrite_similarity_min,
    F64 rewrite_paraphrase_min,
    Usize min_shared_words,
    F64 index_max_df_share,
    Usize index_budget,
    Usize candidates_per_source,
    F64 strong_candidate_score,
    Usize max_weak_candidates,
    F64 candidate_min_score,
    F64 split_min_length_ratio,
    F64 split_min_piece_similarity,
    F64 split_min_gain,
    F64 consensus_min_share,
    F64 vocabulary_weight,
    Usize quote_min_words,
    F64 quote_match_min,
    Usize quote_max_words,
    Usize quote_max_candidates,
    Usize quote_context_bytes,
    F64 link_neighbour_min,
    Usize link_neighbour_window,
    F64 framing_prior,
    F64 framing_min_z,
    Usize framing_max_terms,
    Usize framing_max_spans,
    Usize shingle_words,
    Usize shingle_max_sources,
    F64 quoted_link_max,
    F64 derived_containment_min,
    F64 derived_coverage_min,
    Usize derived_min_sentences,
    F64 wholly_derived_min,
    Usize all_pairs_max_sources,
    F64 verbatim_rewrite_min,
    F64 light_rewrite_min,
    F64 direction_min_ratio,
    Model paraphrase_model,
    Model similarity_model,
    Usize facts_window,
    Usize facts_context_min,
    F64 facts_hedge_max,
    Usize naming_min_shared,
    U32 facts_clock_hedge_minutes,
    F64 facts_rounding_max,
    F64 facts_min_difference,
    Usize facts_max_postings,
];

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// Every serde field of `Config` is in `SETTINGS` under the same name, and each
    /// entry reaches the field of that name (a distinct value set through the table comes
    /// back from serde under that name).
    #[test]
    fn issue_8_settings_table_matches_serde() {
        let serde_names: Vec<String> = match serde_json::to_value(Config::default()) {
            Ok(serde_json::Value::Object(map)) => map.keys().cloned().collect(),
            other => panic!("Config serializes to an object, not {other:?}"),
        };
        let mut table_names: Vec<String> = SETTINGS.iter().map(|(n, _)| n.to_string()).collect();
        table_names.sort();
        let mut sorted = serde_names.clone();
        sorted.sort();
        assert_eq!(table_names, sorted);
        for (i, (name, setting)) in SETTINGS.iter().enumerate() {
            let mut c = Config::default();
            let marker = 7001.0 + i as f64;
            match *setting {
                Setting::Usize(f) => *f(&mut c) = marker as usize,
                Setting::U32(f) => *f(&mut c) = marker as u32,
                Setting::F64(f) => *f(&mut c) = marker,
                Setting::Bool(f) => *f(&mut c) = !*f(&mut c),
                Setting::Model(f) => f(&mut c).bias = marker,
            }
            let v = serde_json::to_value(&c).unwrap();
            let d = serde_json::to_value(Config::default()).unwrap();
            let changed: Vec<&String> =
                v.as_object().unwrap().iter().filter(|(k, x)| d.get(k.as_str()) != Some(*x)).map(|(k, _)| k).collect();
            assert_eq!(changed, [name], "the entry for {name} changes {changed:?}");
        }
    }
}
