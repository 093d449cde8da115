//! Quotations checked across texts: where one source quotes another, the words it puts in
//! quotation marks against the words of the text it quotes.
//!
//! [`compare`] finds the span of the quoted text that the quotation matches best, word by
//! word, and lists what differs: words of the quoted text left out ([`Difference::Dropped`]),
//! words the quotation has that the text does not ([`Difference::Added`]), and runs of words
//! put in place of others ([`Difference::Changed`]). Differences of typography are not
//! differences of wording ([`NORMALISATION`] says which); they are listed apart, as
//! [`Comparison::typographic`], and not counted. [`Quotation::claim`] makes the ledger row:
//! the quotation matches its source when no word differs.

use ledger::{Claim, Quantity, Source, Test, Verdict};
use std::fmt;
use std::ops::Range;

/// How two texts are compared, as the ledger states it.
pub const NORMALISATION: &str = "compared word by word, not counting letter case, punctuation (quotation marks, hyphens, dashes, ellipses, brackets) or footnote markers such as [4], and reading curly and straight apostrophes alike";

/// A span is the quoted passage, altered or not, when at most one in this many of the
/// quotation's words differ from it (half of them); past that, the quotation is not found in
/// the text.
pub const FOUND_AT_MOST_ONE_IN: usize = 2;

/// One word of a text: where it lies, and the form it is compared in.
#[derive(Clone, Debug, PartialEq)]
struct Word {
    at: Range<usize>,
    key: String,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ')
}

/// The words of `text`: runs of letters, digits and apostrophes, with the apostrophes at
/// either end (quotation marks) trimmed off, and footnote markers (`[4]`) skipped. A word's
/// key is its lower case, with every apostrophe written `'`.
fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c == '[' {
            let rest = &text[at + 1..];
            let digits = rest.chars().take_while(char::is_ascii_digit).count();
            if rest[digits..].starts_with(']') {
                // A footnote marker: its digits are no word (the brackets are punctuation).
                while chars.next_if(|&(_, d)| d.is_ascii_digit()).is_some() {}
                continue;
            }
        }
        if !(c.is_alphanumeric() || is_apostrophe(c)) {
            continue;
        }
        let mut end = at + c.len_utf8();
        while let Some((i, d)) = chars.next_if(|&(_, d)| d.is_alphanumeric() || is_apostrophe(d)) {
            end = i + d.len_utf8();
        }
        let raw = &text[at..end];
        let trimmed = raw.trim_matches(is_apostrophe);
        if trimmed.is_empty() {
            continue;
        }
        let start = at + (raw.len() - raw.trim_start_matches(is_apostrophe).len());
        let key = trimmed
            .chars()
            .map(|c| if is_apostrophe(c) { '\'' } else { c })
            .flat_map(char::to_lowercase)
            .collect();
        out.push(Word {
            at: start..start + trimmed.len(),
            key,
        });
    }
    out
}

/// What a quotation does differently from the text it quotes, at one place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Difference {
    /// Words of the quoted text that the quotation leaves out.
    Dropped(String),
    /// Words of the quotation that the quoted text does not have there.
    Added(String),
    /// Words of the quoted text (`source`) given as other words (`quotation`).
    Changed { source: String, quotation: String },
}

impl Difference {
    /// How many words differ here: those dropped or added, or for a change the longer side.
    pub fn words(&self) -> usize {
        let n = |s: &str| words(s).len();
        match self {
            Difference::Dropped(s) | Difference::Added(s) => n(s),
            Difference::Changed { source, quotation } => n(source).max(n(quotation)),
        }
    }
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Difference::Dropped(s) => write!(f, "drops “{s}”"),
            Difference::Added(s) => write!(f, "adds “{s}”"),
            Difference::Changed { source, quotation } => {
                write!(f, "has “{quotation}” for “{source}”")
            }
        }
    }
}

/// A quotation set against the text it quotes.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// The best-matching span of the quoted text, as bytes of it.
    pub span: Range<usize>,
    /// That span's text (empty when no word of it matches).
    pub matched: String,
    /// What differs, in the order of the text.
    pub differences: Vec<Difference>,
    /// Words alike once normalised but written differently, as (quoted text, quotation):
    /// not counted as differences.
    pub typographic: Vec<(String, String)>,
    /// What an ellipsis at the quotation's start or end leaves out of the sentence it
    /// stands for ([`compare_sentence`]): reported, not counted.
    pub elided: Vec<String>,
    /// How many words the quotation has.
    pub words: usize,
    /// The word-level edit distance between the quotation and the span.
    pub distance: usize,
}

impl Comparison {
    /// No word differs (typography aside).
    pub fn exact(&self) -> bool {
        self.distance == 0
    }

    /// The span is the quoted passage, altered or not: at most one in
    /// [`FOUND_AT_MOST_ONE_IN`] of the quotation's words differ from it.
    pub fn found(&self) -> bool {
        self.distance * FOUND_AT_MOST_ONE_IN <= self.words
    }

    /// The differences in words: "no word differs", or each one, with `;` between.
    pub fn describe(&self) -> String {
        if !self.found() {
            let best = if self.matched.is_empty() {
                format!("none of its {} words is there", self.words)
            } else {
                format!(
                    "the nearest span, “{}”, differs in {} of its {} words",
                    self.matched, self.distance, self.words
                )
            };
            return format!("not found, no span matching within half its words ({best})");
        }
        let mut text = if self.exact() {
            "no word differs".to_string()
        } else {
            self.differences
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; ")
        };
        if !self.typographic.is_empty() {
            let pairs = self
                .typographic
                .iter()
                .map(|(s, q)| format!("“{q}” for “{s}”"))
                .collect::<Vec<_>>()
                .join(", ");
            text.push_str(&format!(" (written differently, not counted: {pairs})"));
        }
        for cut in &self.elided {
            text.push_str(&format!("; its ellipsis leaves out “{cut}”"));
        }
        text
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Step {
    Match,
    Substitute,
    /// A word of the quotation with no counterpart in the text.
    Add,
    /// A word of the text with no counterpart in the quotation.
    Drop,
}

/// Finds the span of `source` that `quotation` matches best and what differs between them.
///
/// Every word of the quotation is accounted for; the span may start and end anywhere in
/// the source (an alignment that fits the quotation into the source). Each word dropped,
/// added or put in place of another costs one; of the spans with the fewest, the one that
/// ends first, and of its alignments, the one that starts latest, is reported.
pub fn compare(quotation: &str, source: &str) -> Comparison {
    align(quotation, source, true, true)
}

/// Compares `quotation` with the whole of `sentence`, the text it stands for: words of the
/// sentence before or after the matching span count as dropped, except where the quotation
/// marks the cut with an ellipsis ("…" or "...") at its start or end. What an ellipsis
/// leaves out is reported ([`Comparison::elided`]), not counted.
pub fn compare_sentence(quotation: &str, sentence: &str) -> Comparison {
    // Quotation marks and spaces around the quotation are neither words nor ellipses.
    let elided = |t: &str, at_start: bool| {
        let t = t.trim_matches(|c: char| !(c.is_alphanumeric() || c == '…' || c == '.'));
        if at_start {
            t.starts_with('…') || t.starts_with("...")
        } else {
            t.ends_with('…') || t.ends_with("...")
        }
    };
    let (free_start, free_end) = (elided(quotation, true), elided(quotation, false));
    let mut c = align(quotation, sentence, free_start, free_end);
    if !c.matched.is_empty() {
        let before = sentence[..c.span.start].trim();
        let after = sentence[c.span.end..].trim_matches(|c: char| c.is_whitespace() || c == '.');
        if free_start && !words(before).is_empty() {
            c.elided.push(before.to_string());
        }
        if free_end && !words(after).is_empty() {
            c.elided.push(after.to_string());
        }
    }
    c
}

fn align(quotation: &str, source: &str, free_start: bool, free_end: bool) -> Comparison {
    let q = words(quotation);
    let s = words(source);
    let (m, n) = (q.len(), s.len());
    let width = n + 1;
    // cost[i * width + j]: the fewest edits fitting q[..i] into a span of s ending at j.
    let mut cost = vec![0usize; (m + 1) * width];
    if !free_start {
        for (j, c) in cost.iter_mut().take(width).enumerate() {
            *c = j;
        }
    }
    for i in 1..=m {
        cost[i * width] = i;
        for j in 1..=n {
            let diagonal =
                cost[(i - 1) * width + j - 1] + usize::from(q[i - 1].key != s[j - 1].key);
            let add = cost[(i - 1) * width + j] + 1;
            let drop = cost[i * width + j - 1] + 1;
            cost[i * width + j] = diagonal.min(add).min(drop);
        }
    }
    let end = if free_end {
        (0..=n)
            .min_by_key(|&j| (cost[m * width + j], j))
            .expect("at least one end")
    } else {
        n
    };
    let distance = cost[m * width + end];
    let mut steps = Vec::new();
    let (mut i, mut j) = (m, end);
    while i > 0 {
        let here = cost[i * width + j];
        if j > 0 && q[i - 1].key == s[j - 1].key && here == cost[(i - 1) * width + j - 1] {
            steps.push(Step::Match);
            (i, j) = (i - 1, j - 1);
        } else if here == cost[(i - 1) * width + j] + 1 {
            steps.push(Step::Add);
            i -= 1;
        } else if here == cost[i * width + j - 1] + 1 {
            // Never at `j = 0`: there the first column makes an addition the way back.
            steps.push(Step::Drop);
            j -= 1;
        } else {
            steps.push(Step::Substitute);
            (i, j) = (i - 1, j - 1);
        }
    }
    if !free_start {
        steps.extend(std::iter::repeat_n(Step::Drop, j));
        j = 0;
    }
    steps.reverse();
    let start = j;
    let span = if start < end {
        s[start].at.start..s[end - 1].at.end
    } else {
        0..0
    };
    // Walk the alignment forward, gathering each run of edits between matched words.
    let slice = |text: &str, ws: &[&Word]| -> String {
        match (ws.first(), ws.last()) {
            (Some(a), Some(b)) => text[a.at.start..b.at.end].to_string(),
            _ => String::new(),
        }
    };
    let mut differences = Vec::new();
    let mut typographic = Vec::new();
    let (mut qi, mut sj) = (0, start);
    let mut run_q: Vec<&Word> = Vec::new();
    let mut run_s: Vec<&Word> = Vec::new();
    let mut flush = |run_q: &mut Vec<&Word>, run_s: &mut Vec<&Word>| {
        let (a, b) = (slice(quotation, run_q), slice(source, run_s));
        match (a.is_empty(), b.is_empty()) {
            (true, true) => {}
            (false, true) => differences.push(Difference::Added(a)),
            (true, false) => differences.push(Difference::Dropped(b)),
            (false, false) => differences.push(Difference::Changed {
                source: b,
                quotation: a,
            }),
        }
        run_q.clear();
        run_s.clear();
    };
    for step in steps {
        match step {
            Step::Match => {
                flush(&mut run_q, &mut run_s);
                let (a, b) = (&quotation[q[qi].at.clone()], &source[s[sj].at.clone()]);
                if a != b {
                    typographic.push((b.to_string(), a.to_string()));
                }
                (qi, sj) = (qi + 1, sj + 1);
            }
            Step::Substitute => {
                run_q.push(&q[qi]);
                run_s.push(&s[sj]);
                (qi, sj) = (qi + 1, sj + 1);
            }
            Step::Add => {
                run_q.push(&q[qi]);
                qi += 1;
            }
            Step::Drop => {
                run_s.push(&s[sj]);
                sj += 1;
            }
        }
    }
    flush(&mut run_q, &mut run_s);
    Comparison {
        elided: Vec::new(),
        matched: source[span.clone()].to_string(),
        span,
        differences,
        typographic,
        words: m,
        distance,
    }
}

/// `text` with its middle word put in another's place ("never", or "always" where the word
/// is "never"): a misquotation one word long. Returns the new text, the word replaced and
/// its replacement.
pub fn one_word_changed(text: &str) -> (String, String, &'static str) {
    let ws = words(text);
    let Some(middle) = ws.get(ws.len() / 2) else {
        return ("never".to_string(), String::new(), "never");
    };
    let with = if middle.key == "never" {
        "always"
    } else {
        "never"
    };
    let changed = format!(
        "{}{with}{}",
        &text[..middle.at.start],
        &text[middle.at.end..]
    );
    (changed, text[middle.at.clone()].to_string(), with)
}

/// One source quoting another: the quoting sentence, the words it puts in quotation marks
/// (the whole sentence, for a block quotation), and the words of the quoted text they stand
/// for (at most a sentence, verbatim from it, like every quote in the ledger).
#[derive(Clone, Debug, PartialEq)]
pub struct Quotation {
    pub quoting: Source,
    pub passage: &'static str,
    pub quoted: Source,
    /// A block quotation, standing for the whole of the quoted sentence.
    pub block: bool,
}

impl Quotation {
    /// A block quotation: the quoting sentence is itself the passage.
    pub fn block(quoting: Source, quoted: Source) -> Self {
        Quotation {
            passage: quoting.quote,
            quoting,
            quoted,
            block: true,
        }
    }

    /// Words in quotation marks inside the quoting sentence.
    pub fn inline(quoting: Source, passage: &'static str, quoted: Source) -> Self {
        Quotation {
            quoting,
            passage,
            quoted,
            block: false,
        }
    }

    /// The passage against the quoted words: a block quotation against the whole sentence
    /// it stands for ([`compare_sentence`]), words in quotation marks against their best
    /// span ([`compare`]).
    pub fn compare(&self) -> Comparison {
        self.against(self.passage)
    }

    fn against(&self, text: &str) -> Comparison {
        if self.block {
            compare_sentence(text, self.quoted.quote)
        } else {
            compare(text, self.quoted.quote)
        }
    }

    /// The ledger row: `stated` ("the essay's quotation matches Carlsmith's text") holds
    /// when no word of the passage differs from the quoted words ([`Quotation::compare`]).
    /// The value is the number of words that differ. The rival, judged by the same rule:
    /// for a faithful quotation, the passage with one word changed; for an altered one, the
    /// quoted text's own words (for words in quotation marks found in the quoted text, the
    /// span they match; else all of the quoted words).
    pub fn claim(&self, id: &'static str, stated: &'static str, expect: Verdict) -> Claim {
        let found = self.compare();
        let quoted = self.quoted.quote;
        let author = self.quoted.citation();
        let (rival, against) = if found.exact() {
            let (text, word, with) = one_word_changed(self.passage);
            (
                format!("the same words with one changed, “{with}” for “{word}”"),
                self.against(&text),
            )
        } else {
            // A found passage of any words matched some of them, so its span is not empty.
            let own = if !self.block && found.found() {
                found.matched.clone()
            } else {
                quoted.to_string()
            };
            (
                format!("the quoted text's own words, “{own}”"),
                self.against(&own),
            )
        };
        let against_what = if self.block {
            format!(
                "the sentence of {author} it stands for, “{quoted}” (words of the sentence left out count, unless an ellipsis marks the cut)"
            )
        } else {
            format!("the span that matches it best in {author}, “{quoted}”")
        };
        let criterion = format!(
            "holds if no word of the quotation, “{}”, differs from {against_what}; {NORMALISATION}; result: {}",
            self.passage,
            found.describe(),
        );
        Claim::statement(
            id,
            self.quoting.clone(),
            stated,
            Test::full(criterion).on_data(
                count(found.distance),
                &found,
                rival,
                count(against.distance),
                &against,
                Comparison::exact,
            ),
            expect,
        )
    }
}

fn count(n: usize) -> Quantity {
    Quantity::Integer(i128::try_from(n).expect("a word count fits"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ledger::Seed;

    #[test]
    fn words_trim_quotation_marks_skip_footnotes_and_read_apostrophes_alike() {
        let ws = words("“more” schemers won’t, ‘so’ do so.[4] ok");
        let keys: Vec<&str> = ws.iter().map(|w| w.key.as_str()).collect();
        assert_eq!(keys, ["more", "schemers", "won't", "so", "do", "so", "ok"]);
        let text = "“more” schemers";
        assert_eq!(&text[words(text)[0].at.clone()], "more");
        // A bracket that is not a footnote marker is punctuation; its words count.
        let keys: Vec<String> = words("full [separation] [12a]")
            .into_iter()
            .map(|w| w.key)
            .collect();
        assert_eq!(keys, ["full", "separation", "12a"]);
    }

    #[test]
    fn footnote_markers_are_digits_in_closed_brackets_and_spans_start_after_quotation_marks() {
        let keys = |t: &str| -> Vec<String> { words(t).into_iter().map(|w| w.key).collect() };
        assert_eq!(keys("see [12] note"), ["see", "note"]);
        assert_eq!(keys("see [] note"), ["see", "note"]);
        // An unclosed bracket is punctuation: its digits are a word.
        assert_eq!(keys("a [12 b"), ["a", "12", "b"]);
        let source = "they say ‘hello world’ twice";
        let c = compare("hello world", source);
        assert_eq!(&source[c.span.clone()], "hello world");
        assert_eq!(c.span.start, source.find("hello").unwrap());
    }

    #[test]
    fn a_quotation_is_found_while_at_most_half_its_words_differ() {
        let found = |distance, words| {
            Comparison {
                span: 0..0,
                matched: String::new(),
                differences: Vec::new(),
                typographic: Vec::new(),
                elided: Vec::new(),
                words,
                distance,
            }
            .found()
        };
        assert!(found(0, 1));
        assert!(found(5, 10));
        assert!(!found(6, 10));
        assert!(found(2, 5));
        assert!(!found(3, 5));
        assert!(!found(1, 1));
    }

    #[test]
    fn only_an_ellipsis_frees_the_ends_of_a_sentence() {
        let sentence = "Before this, the rest of it follows. After";
        // Without an ellipsis, the sentence's other words count as dropped and nothing is
        // reported as elided.
        let c = compare_sentence("“the rest of it follows”", sentence);
        assert_eq!(c.elided, Vec::<String>::new());
        assert_eq!(c.distance, 3);
        // A Unicode ellipsis inside quotation marks frees the start; three dots the end.
        let c = compare_sentence("“… the rest of it follows”", sentence);
        assert_eq!(c.elided, ["Before this,"]);
        assert_eq!(c.distance, 1);
        let c = compare_sentence("“the rest of it follows...”", sentence);
        assert_eq!(c.elided, ["After"]);
        assert_eq!(c.distance, 2);
        let c = compare_sentence("“… the rest of it follows …”", sentence);
        assert_eq!(c.elided, ["Before this,", "After"]);
        assert_eq!(c.distance, 0);
        // An ellipsis with nothing left out elides nothing.
        let c = compare_sentence("… Before this, the rest of it follows. After …", sentence);
        assert_eq!(c.elided, Vec::<String>::new());
        assert_eq!(c.distance, 0);
    }

    #[test]
    fn a_verbatim_quotation_matches_exactly_and_typography_is_listed_apart() {
        let source = "Call it X. So absent some strong additional story about why training won't select a schemer, it feels right.";
        let c = compare(
            "So absent some strong additional story about why training won’t select a schemer",
            source,
        );
        assert!(c.exact() && c.found(), "{c:?}");
        assert_eq!(c.differences, []);
        assert_eq!(c.typographic, [("won't".to_string(), "won’t".to_string())]);
        assert_eq!(
            c.matched,
            "So absent some strong additional story about why training won't select a schemer"
        );
        assert_eq!(&source[c.span.clone()], c.matched);
        assert!(
            c.describe()
                .starts_with("no word differs (written differently")
        );
    }

    #[test]
    fn a_dropped_word_an_added_phrase_and_a_change_are_each_reported() {
        let source =
            "So absent some strong additional story about why training won't select a schemer.";
        let c = compare(
            "So absent some additional story about why training won't select a schemer",
            source,
        );
        assert_eq!(c.differences, [Difference::Dropped("strong".into())]);
        assert_eq!((c.distance, c.words), (1, 12));
        assert!(!c.exact() && c.found());
        assert_eq!(c.describe(), "drops “strong”");

        let c = compare(
            "require fairly specific goals in order to get high reward.",
            "1. The non-schemer model classes, here, require fairly specific goals. Thus, for example",
        );
        assert_eq!(
            c.differences,
            [Difference::Added("in order to get high reward".into())]
        );
        assert_eq!(c.matched, "require fairly specific goals");
        assert_eq!(c.distance, 6);

        let c = compare(
            "there are “more” schemers that get high reward than there are non-schemers",
            "In this sense, there are \"more\" schemers that perform well in training than there are non-schemers that do so.[4]",
        );
        assert_eq!(
            c.differences,
            [Difference::Changed {
                source: "perform well in training".into(),
                quotation: "get high reward".into(),
            }]
        );
        assert_eq!(c.distance, 4);
        assert_eq!(c.differences[0].words(), 4);
        assert_eq!(
            c.describe(),
            "has “get high reward” for “perform well in training”"
        );
    }

    #[test]
    fn distance_is_the_sum_of_the_differences() {
        let source = "the quick brown fox jumps over the lazy dog near the river bank";
        for q in [
            "the quick fox jumps over a lazy dog",
            "quick brown cat leaps over the lazy dog",
            "the lazy dog near the sea",
            "brown fox",
        ] {
            let c = compare(q, source);
            let total: usize = c.differences.iter().map(Difference::words).sum();
            assert_eq!(total, c.distance, "{q}: {c:?}");
        }
    }

    #[test]
    fn words_found_nowhere_are_not_found() {
        let c = compare(
            "not especially principled",
            "To be clear: the \"hazy counting argument\" is unprincipled and informal.",
        );
        assert!(!c.found(), "{c:?}");
        assert_eq!(c.distance, 3);
        assert!(c.describe().starts_with("not found"), "{}", c.describe());
        // Half the words differing is still the passage, altered; more than half is not.
        assert!(compare("a b x y", "a b c d").found());
        assert!(!compare("a x y z", "a b c d").found());
    }

    #[test]
    fn the_best_span_is_found_among_many() {
        let source = "one two three. alpha beta gamma delta. one two four.";
        let c = compare("alpha beta gama delta", source);
        assert_eq!(c.matched, "alpha beta gamma delta");
        assert_eq!(
            c.differences,
            [Difference::Changed {
                source: "gamma".into(),
                quotation: "gama".into()
            }]
        );
    }

    #[test]
    fn one_word_changed_changes_the_middle_word() {
        let (text, word, with) = one_word_changed("So, other things equal, we should expect");
        assert_eq!((word.as_str(), with), ("equal", "never"));
        assert_eq!(text, "So, other things never, we should expect");
        let (_, word, with) = one_word_changed("it will never be so");
        assert_eq!((word.as_str(), with), ("never", "always"));
        assert_eq!(
            compare(&text, "So, other things equal, we should expect").distance,
            1
        );
    }

    #[test]
    fn a_quotation_claim_is_decided_against_a_rival_judged_differently() {
        let sentence = "So absent some strong additional story about why training won't select a schemer, it feels, to me, like the possibility should be getting substantive weight.";
        let faithful = Quotation::block(
            Seed::BelrosePope
                .quote("So, other things equal, we should expect SGD to select a schemer."),
            Seed::CarlsmithCounting
                .quote("So, other things equal, we should expect SGD to select a schemer."),
        );
        let claim = faithful.claim("q.faithful", "the quotation matches", Verdict::Reproduced);
        let a = claim.check().unwrap();
        let rival = a.rival.unwrap();
        assert_eq!(rival.verdict, Verdict::Contradicted);
        assert!(rival.what.contains("one changed"), "{}", rival.what);

        let altered = Quotation::block(
            Seed::BelrosePope.quote("So absent some additional story about why training won’t select a schemer, it feels, to me, like the possibility should be getting substantive weight."),
            Seed::CarlsmithCounting.quote(sentence),
        );
        let claim = altered.claim("q.altered", "the quotation matches", Verdict::Contradicted);
        let a = claim.check().unwrap();
        assert!(a.reason.contains("drops “strong”"), "{}", a.reason);
        assert_eq!(claim.computed_text(ledger::Style::Plain).unwrap(), "1");
        let rival = a.rival.unwrap();
        assert_eq!(rival.verdict, Verdict::Reproduced);
        assert_eq!(rival.text, "0");
        assert!(
            rival.what.contains("some strong additional"),
            "{}",
            rival.what
        );

        let paraphrase = Quotation::inline(
            Seed::BelrosePope.quote("Joe admits this argument is “not especially principled.”"),
            "not especially principled",
            Seed::CarlsmithCounting.quote("is unprincipled and informal"),
        );
        let claim = paraphrase.claim(
            "q.paraphrase",
            "the quotation matches",
            Verdict::Contradicted,
        );
        let a = claim.check().unwrap();
        assert!(a.reason.contains("not found"), "{}", a.reason);
        let rival = a.rival.unwrap();
        assert_eq!(rival.verdict, Verdict::Reproduced);
        assert!(
            rival.what.contains("“is unprincipled and informal”"),
            "{}",
            rival.what
        );
    }

    #[test]
    fn a_sentence_counts_what_the_quotation_leaves_out_unless_an_ellipsis_marks_it() {
        let sentence = "By contrast, the schemer model class is compatible with a very wide range of (beyond-episode) goals (at least if we assume that the rest works).";
        let c = compare_sentence(
            "By contrast, the schemer model class is compatible with a very wide range of (beyond episode) goals, while still getting high reward…",
            sentence,
        );
        assert_eq!(
            c.differences,
            [Difference::Added("while still getting high reward".into())]
        );
        assert_eq!(c.elided, ["(at least if we assume that the rest works)"]);
        assert!(
            c.describe()
                .ends_with("its ellipsis leaves out “(at least if we assume that the rest works)”"),
            "{}",
            c.describe()
        );
        // Without the ellipsis, the rest of the sentence is dropped, and counted.
        let c = compare_sentence("By contrast, the schemer model class", sentence);
        assert!(
            matches!(c.differences.last(), Some(Difference::Dropped(_))),
            "{c:?}"
        );
        assert_eq!(c.elided, Vec::<String>::new());
        let all = words(sentence).len();
        assert_eq!(c.distance, all - 6);
        // Words cut from the start count too, unless an ellipsis opens the quotation.
        let c = compare_sentence(
            "goals (at least if we assume that the rest works).",
            sentence,
        );
        assert!(
            matches!(c.differences.first(), Some(Difference::Dropped(_))),
            "{c:?}"
        );
        let c = compare_sentence(
            "…goals (at least if we assume that the rest works).",
            sentence,
        );
        assert!(c.exact(), "{c:?}");
        assert_eq!(c.elided.len(), 1);
        // The whole sentence, word for word, is exact.
        assert!(compare_sentence(sentence, sentence).exact());
    }

    #[test]
    fn a_block_quotation_with_an_ellipsis_has_the_whole_sentence_as_its_rival() {
        let q = Quotation::block(
            Seed::BelrosePope.quote("By contrast, the schemer model class is compatible with a very wide range of (beyond episode) goals, while still getting high reward…"),
            Seed::CarlsmithCounting.quote("By contrast, the schemer model class is compatible with a very wide range of (beyond-episode) goals (at least if we assume that the rest works)."),
        );
        let a = q
            .claim("q.block", "the quotation matches", Verdict::Contradicted)
            .check()
            .unwrap();
        let rival = a.rival.unwrap();
        assert_eq!(
            (rival.verdict, rival.text.as_str()),
            (Verdict::Reproduced, "0")
        );
        assert!(
            a.reason.contains("adds “while still getting high reward”"),
            "{}",
            a.reason
        );
    }
}
