//! Claims: a numeric mention with what it counts (metric), the date it
//! describes (`as_of`) and who reported it (attribution).
//!
//! A metric is chosen by the cues of the loaded packs: the `after` cues of
//! all metrics are compiled into one multi-pattern regex that reports every
//! pattern that matches, and so are the `before` cues, so each figure
//! costs one set match per list; the individual regexes run only
//! for the metrics that set matched, to rank them by closeness. `before`
//! cues anchored at the figure skip the set: one reverse DFA reads back
//! from the figure and gives their matches directly.

mod attribution;
mod backward;
mod date;
mod lowered;
mod sentence;

use std::ops::Range;
use std::sync::{Arc, LazyLock};

use rayon::prelude::*;
use regex_automata::PatternSet;

use backward::Backward;
pub use date::When;

use crate::article::Article;
use crate::extract::{Mention, Unit};
use crate::rules::{MetricDef, MetricKind, Pack};

/// The cue lists of a metric, in the order `Classifier` compiles them
/// (and prefers them, between matches as close to the figure).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum CueList {
    After,
    Before,
    Context,
    Veto,
    VetoAfter,
    VetoBefore,
}

impl CueList {
    pub fn of(self, metric: &MetricDef) -> &[crate::rules::Cue] {
        match self {
            CueList::After => &metric.after,
            CueList::Before => &metric.before,
            CueList::Context => &metric.context,
            CueList::Veto => &metric.veto,
            CueList::VetoAfter => &metric.veto_after,
            CueList::VetoBefore => &metric.veto_before,
        }
    }
}

/// A mention classified in the context of its article.
#[derive(Debug, Clone)]
pub struct Claim {
    pub mention: Mention,
    /// Index of the metric in the pack.
    pub metric: Option<usize>,
    pub as_of: Option<When>,
    /// Shared by the figures of a clause.
    pub attribution: Option<Arc<str>>,
    /// The cue that chose the metric: its list and index in that list.
    pub cue: Option<(CueList, usize)>,
}

/// What the mentions of one sentence share: its clauses, and each
/// clause's attribution once a classified figure needs it. Refilled
/// sentence by sentence: its vectors are allocated once.
#[derive(Default)]
struct SentenceState {
    index: Option<usize>,
    clauses: Vec<Range<usize>>,
    attributions: Vec<Option<Option<Arc<str>>>>,
}

/// How far the figure's context reaches on each side, in bytes: cues are
/// phrases next to the figure, and a bound keeps matching cheap.
const WINDOW: usize = 160;

/// The compiled cue sets of a pack, shared by all threads.
pub struct Classifier<'p> {
    pack: &'p Pack,
    /// The `after` and `before` cues of all metrics.
    cues: [CueSearch; 2],
    /// Per metric, its context and veto lists each joined into one regex,
    /// run only for the metrics a cue proposed (early exit on a match).
    gates: Vec<[Option<lowered::Regex>; 4]>,
    /// The pack's events and the dates, for `as_of`.
    dates: date::DateSearch,
}

/// Scratch space of `classify`, kept from article to article (one per
/// unit of work) so that its memory serves them all.
pub struct Scratch {
    /// The article's text, ASCII-lowercased.
    lowered: Vec<u8>,
    sentences: Vec<Range<usize>>,
    state: SentenceState,
    cues: CueScratch,
    /// The spans of events `DateSearch::resolve` found in a clause.
    event_spans: Vec<Range<usize>>,
}

/// Scratch space of `metric`.
struct CueScratch {
    /// The cues each list's set matched.
    matched: [PatternSet; 2],
    found: Vec<Found>,
    /// The text after a figure without the apposition that follows it
    /// (see `without_apposition`).
    joined: Vec<u8>,
    /// The same without the coordinate that follows it (see
    /// `without_coordinate`).
    coordinated: Vec<u8>,
}

/// A cue that matched next to a figure: the length of its match, its list,
/// its metric and its index in the metric's list. Ordered from the best:
/// the shorter the match, the closer its words sit to the figure.
type Found = (usize, CueList, usize, usize);

/// The length of a set match before `measure` runs the cue's own regex:
/// a lone cue needs no length to win.
const UNMEASURED: usize = usize::MAX;

/// The cues of one list (`after` or `before`) of all metrics.
struct CueSearch {
    list: CueList,
    /// The cues matched as one set (every pattern that matches, as a
    /// `RegexSet` would): their own regexes run only for the cues the set
    /// matched, to find the length of the match.
    set: regex_automata::meta::Regex,
    /// For each pattern of `set`: its metric and index in the metric's list.
    owners: Vec<(usize, usize)>,
    /// The `before` cues anchored at the figure, matched backwards from it
    /// instead, with their metric and index per pattern.
    backward: Option<(Backward, Vec<(usize, usize)>)>,
}

impl CueSearch {
    fn new(pack: &Pack, list: CueList) -> CueSearch {
        let mut cues: Vec<(&str, (usize, usize))> = Vec::new();
        for (m, metric) in pack.metrics.iter().enumerate() {
            for (i, cue) in list.of(metric).iter().enumerate() {
                cues.push((cue.pattern.as_str(), (m, i)));
            }
        }
        let mut backward = None;
        if list == CueList::Before {
            let (ends, owners): (Vec<&str>, Vec<(usize, usize)>) = cues
                .iter()
                .filter(|(pattern, _)| backward::anchored_at_end(pattern))
                .copied()
                .unzip();
            // a lazy DFA cannot run `(?u:\b)`: such cues stay in the set
            if !ends.is_empty()
                && let Some(dfa) = Backward::new(&ends)
            {
                cues.retain(|(_, owner)| !owners.contains(owner));
                backward = Some((dfa, owners));
            }
        }
        let (patterns, owners): (Vec<&str>, Vec<(usize, usize)>) = cues.into_iter().unzip();
        let set = regex_automata::meta::Regex::builder()
            .syntax(crate::rules::cue_syntax())
            .configure(
                regex_automata::meta::Regex::config()
                    .match_kind(regex_automata::MatchKind::All)
                    .utf8_empty(false)
                    .which_captures(regex_automata::nfa::thompson::WhichCaptures::None),
            )
            .build_many(&patterns)
            .expect("every cue compiled alone when the pack was loaded");
        CueSearch {
            list,
            set,
            owners,
            backward,
        }
    }

    /// Adds to `found` every cue of the list that matches `window`, with
    /// `UNMEASURED` for the length of a match of the set (see `measure`);
    /// `matched` is scratch space sized for `set`.
    fn find(&self, window: &[u8], matched: &mut PatternSet, found: &mut Vec<Found>) {
        matched.clear();
        // the default pack anchors every `before` cue: its set is empty
        if self.set.pattern_len() > 0 {
            self.set
                .which_overlapping_matches(&regex_automata::Input::new(window), matched);
        }
        if !matched.is_empty() {
            found.extend(matched.iter().map(|pattern| {
                let (m, i) = self.owners[pattern.as_usize()];
                (UNMEASURED, self.list, m, i)
            }));
        }
        self.find_anchored(window, found);
    }

    /// Adds every cue anchored at the figure that matches at the end of
    /// `window`, with the length of its match.
    fn find_anchored(&self, window: &[u8], found: &mut Vec<Found>) {
        if let Some((backward, owners)) = &self.backward {
            let first = found.len();
            backward.matches(window, |pattern, len| {
                let (m, i) = owners[pattern];
                match found[first..].iter_mut().find(|f| (f.2, f.3) == (m, i)) {
                    Some(seen) => seen.0 = len,
                    None => found.push((len, self.list, m, i)),
                }
            });
        }
    }

    /// Adds the cues anchored at the figure that end where its number
    /// starts, after a hedge (`the toll has surpassed 29,000`): the hedge
    /// belongs to the mention, yet it is often the verb such a cue ends
    /// with. A cue that also ends at the mention counts once, by its
    /// shorter match.
    fn find_through_hedge(&self, window: &[u8], found: &mut Vec<Found>) {
        let seen = found.len();
        self.find_anchored(window, found);
        let mut j = seen;
        while j < found.len() {
            let (len, list, m, i) = found[j];
            match found[..seen]
                .iter()
                .position(|f| (f.1, f.2, f.3) == (list, m, i))
            {
                Some(k) => {
                    found[k].0 = found[k].0.min(len);
                    found.swap_remove(j);
                }
                None => j += 1,
            }
        }
    }
}

impl<'p> Classifier<'p> {
    /// Compiles the pack's cues, on the threads of the current pool: with
    /// the pack's checks, this is all of the start-up of a run.
    pub fn new(pack: &'p Pack) -> Classifier<'p> {
        let gates = || {
            pack.metrics
                .par_iter()
                .map(|metric| {
                    [
                        CueList::Context,
                        CueList::Veto,
                        CueList::VetoAfter,
                        CueList::VetoBefore,
                    ]
                    .map(|list| {
                        let cues = list.of(metric);
                        (!cues.is_empty()).then(|| {
                            let joined: Vec<String> =
                                cues.iter().map(|c| format!("(?:{})", c.pattern)).collect();
                            lowered::Regex::new(&joined.join("|"))
                                .expect("every cue compiled alone when the pack was loaded")
                        })
                    })
                })
                .collect()
        };
        let ((after, before), (gates, dates)) = rayon::join(
            || {
                rayon::join(
                    || CueSearch::new(pack, CueList::After),
                    || CueSearch::new(pack, CueList::Before),
                )
            },
            || rayon::join(gates, || date::DateSearch::new(&pack.events)),
        );
        Classifier {
            pack,
            cues: [after, before],
            gates,
            dates,
        }
    }

    /// Scratch space for `classify`, to pass to it article after article.
    pub fn scratch(&self) -> Scratch {
        Scratch {
            lowered: Vec::new(),
            sentences: Vec::new(),
            state: SentenceState::default(),
            cues: CueScratch {
                matched: self
                    .cues
                    .each_ref()
                    .map(|cues| PatternSet::new(cues.set.pattern_len())),
                found: Vec::new(),
                joined: Vec::new(),
                coordinated: Vec::new(),
            },
            event_spans: Vec::new(),
        }
    }

    /// Classifies every mention of one article. Mentions come in text
    /// order, so the sentence (its clauses and their attributions) is worked
    /// out once and reused by the mentions it holds. A source names the
    /// figures of its own clause: in `A killed 1,200, while B killed 57,500,
    /// according to X`, X gave only the 57,500.
    pub fn classify(
        &self,
        article: &Article,
        mentions: &[Mention],
        scratch: &mut Scratch,
    ) -> Vec<Claim> {
        let text = article.text.as_str();
        let Scratch {
            lowered,
            sentences,
            state,
            cues,
            event_spans,
        } = scratch;
        sentence::sentences(text, article.body.clone(), sentences);
        state.index = None;
        lowered.clear();
        lowered.extend_from_slice(text.as_bytes());
        lowered.make_ascii_lowercase();
        let cased = lowered::Text {
            original: text,
            lowered: lowered.as_slice(),
        };
        let mut claims = Vec::with_capacity(mentions.len());
        for (k, &mention) in mentions.iter().enumerate() {
            let s = sentences.partition_point(|r| r.end <= mention.start);
            let sentence = sentences.get(s).cloned().unwrap_or(article.body.clone());
            if state.index != Some(s) {
                state.index = Some(s);
                sentence::clauses(text, sentence.clone(), &mut state.clauses);
                state.attributions.clear();
                state.attributions.resize(state.clauses.len(), None);
            }
            let c = state
                .clauses
                .iter()
                .position(|c| c.start <= mention.start && mention.start < c.end);
            let clause = c.map_or_else(|| sentence.clone(), |c| state.clauses[c].clone());
            let conjunct = conjunct(text, &clause, mentions, k);
            let within = Within {
                // (a figure outside every sentence has the body for one)
                before: if s < sentences.len() {
                    &sentences[..s]
                } else {
                    &[]
                },
                sentence,
                clause,
                conjunct,
            };
            // the figure before it in its clause whose words it left out,
            // or the figures before it that it is the running total of,
            // nearest first (`killed 69 in the past 24 hours, bringing the
            // total to 31,341` totals the 69, not the 24)
            let cue_source = || {
                let figure = &mentions[k];
                let before = mentions[..k]
                    .iter()
                    .rev()
                    .take_while(|p| p.start >= within.clause.start);
                let gap = before
                    .clone()
                    .next()
                    .filter(|previous| gapped(text, &within, previous, figure));
                let totals = gap.is_none().then(move || {
                    before
                        .take(TOTALLED)
                        .filter(|previous| totalled(text, previous, figure))
                        .map(CueSource::Total)
                });
                gap.map(CueSource::Gapped)
                    .into_iter()
                    .chain(totals.into_iter().flatten())
            };
            let next = mentions.get(k + 1);
            let chosen = self.metric(&cased, &mention, next, cue_source, &within, cues);
            let clause = within.clause;
            let (as_of, attribution) = match chosen {
                Some(_) => (
                    self.dates.resolve(
                        &text.as_bytes()[clause.clone()],
                        mention.start - clause.start..mention.end - clause.start,
                        article.meta.date,
                        event_spans,
                    ),
                    c.and_then(|c| {
                        state.attributions[c]
                            .get_or_insert_with(|| {
                                attribution::attribution(&text[clause.clone()]).map(Arc::from)
                            })
                            .clone()
                    }),
                ),
                None => (None, None),
            };
            claims.push(Claim {
                metric: chosen.map(|(m, _)| m),
                cue: chosen.map(|(_, cue)| cue),
                as_of,
                attribution,
                mention,
            });
        }
        claims
    }

    /// The metric whose cue sits closest to the figure, if any metric
    /// matches and none of its vetoes does. A figure with no cue of its own
    /// shares the cue of the first figure `cue_source` gives that has one.
    fn metric<'m, I: Iterator<Item = CueSource<'m>>>(
        &self,
        text: &lowered::Text<'_>,
        mention: &Mention,
        next: Option<&Mention>,
        cue_source: impl FnOnce() -> I,
        within: &Within,
        scratch: &mut CueScratch,
    ) -> Option<(usize, (CueList, usize))> {
        if mention.unit != Unit::Count {
            return None;
        }
        let (after, before) = cue_windows(mention, &within.clause);
        let CueScratch {
            matched,
            found,
            joined,
            coordinated,
        } = scratch;
        found.clear();
        let bytes = text.original.as_bytes();
        let mut windows = self.find_cues(bytes, mention, [&after, &before], matched, found);
        if found.is_empty()
            && let Some(joined) = without_apposition(windows[0], joined)
        {
            // `1,200 people, mostly civilians, were killed`
            self.cues[0].find(joined, &mut matched[0], found);
            windows[0] = joined;
        }
        if found.is_empty()
            && let Some(next) = next
            && let Some(joined) =
                without_coordinate(text.original, mention, next, within, coordinated)
        {
            // `50 hostages and 150 prisoners were freed`
            self.cues[0].find(joined, &mut matched[0], found);
            windows[0] = joined;
        }
        if found.is_empty() {
            for source in cue_source() {
                let (CueSource::Gapped(from) | CueSource::Total(from)) = source;
                let (after, before) = cue_windows(from, &within.clause);
                windows = self.find_cues(bytes, from, [&after, &before], matched, found);
                if let CueSource::Total(_) = source {
                    found.retain(|f| {
                        let kind = self.pack.metrics[f.2].kind;
                        kind == MetricKind::Cumulative || kind == MetricKind::Count
                    });
                }
                if !found.is_empty() {
                    break;
                }
            }
        }
        if found.len() > 1 {
            self.measure(found, windows);
        }
        // the closest cue whose metric is allowed; ties go to the first list,
        // metric and cue, as the packs order them
        found.sort_unstable();
        let windows = [&after, &before];
        // each metric's gates run once: the first open one wins, and those
        // that lack only their context are kept for the sentences before
        let mut open = None;
        found.retain(|&f| {
            open.is_none()
                && match self.gates(f.2, text, within, windows) {
                    Gate::Open => {
                        open = Some(f);
                        false
                    }
                    Gate::NoContext => true,
                    Gate::Vetoed => false,
                }
        });
        open.or_else(|| {
            // no metric has its context in the sentence: the context may be
            // what the sentences before it are about (`The ministry put the
            // number of wounded at 68,146.`)
            let earlier = earlier(within.before);
            found.iter().copied().find(|f| {
                self.vetoes_pass(f.2, text, within, windows, true)
                    && self.context_before(f.2, text, earlier)
            })
        })
        .map(|(_, list, m, i)| (m, (list, i)))
    }

    /// Adds to `found` the cues of both lists that match next to `mention`,
    /// whose `after` and `before` windows are given; returns those windows.
    fn find_cues<'t>(
        &self,
        bytes: &'t [u8],
        mention: &Mention,
        [after, before]: [&Range<usize>; 2],
        matched: &mut [PatternSet; 2],
        found: &mut Vec<Found>,
    ) -> [&'t [u8]; 2] {
        let windows = [&bytes[after.clone()], &bytes[before.clone()]];
        for ((cues, window), matched) in self.cues.iter().zip(windows).zip(matched) {
            cues.find(window, matched, found);
        }
        if mention.number > mention.start {
            self.cues[1].find_through_hedge(&bytes[before.start..mention.number], found);
        }
        windows
    }

    /// Gives each cue the set matched the length of its own regex's match:
    /// a set only says which patterns match.
    fn measure(&self, found: &mut [Found], [after, before]: [&[u8]; 2]) {
        for (len, list, m, i) in found.iter_mut().filter(|f| f.0 == UNMEASURED) {
            let window = if *list == CueList::After {
                after
            } else {
                before
            };
            let cue = &list.of(&self.pack.metrics[*m])[*i];
            // the set and the cue's regex are the same pattern, so it matches
            *len = cue.regex().find(window).map_or(UNMEASURED, |hit| hit.len());
        }
    }

    /// Whether the metric may count the figure: it has its context (if it
    /// needs one) in the sentence and no veto (see `vetoes_pass`). A veto
    /// elsewhere in the clause counts too, unless the figure's conjunct
    /// names the metric's context itself: in `1,200 in Israel and 14,800
    /// in Gaza` each figure has its own place, while in `400 killed in the
    /// West Bank and 4,000 wounded` the place is shared.
    fn gates(
        &self,
        metric: usize,
        text: &lowered::Text<'_>,
        at: &Within,
        windows: [&Range<usize>; 2],
    ) -> Gate {
        let [context, veto, ..] = &self.gates[metric];
        if context
            .as_ref()
            .is_some_and(|r| !r.is_match(text, at.sentence.clone()))
        {
            return Gate::NoContext;
        }
        let open = self.vetoes_pass(metric, text, at, windows, false)
            && (at.conjunct == at.clause
                || !veto
                    .as_ref()
                    .is_some_and(|r| r.is_match(text, at.clause.clone()))
                || context
                    .as_ref()
                    .is_some_and(|r| r.is_match(text, at.conjunct.clone())));
        if open { Gate::Open } else { Gate::Vetoed }
    }

    /// No veto of the metric matches in the figure's conjunct (in its
    /// whole clause too, if `in_clause`), or right after or before it.
    fn vetoes_pass(
        &self,
        metric: usize,
        text: &lowered::Text<'_>,
        at: &Within,
        [after, before]: [&Range<usize>; 2],
        in_clause: bool,
    ) -> bool {
        let [_, veto, veto_after, veto_before] = &self.gates[metric];
        let vetoed = |gate: &Option<lowered::Regex>, haystack: &Range<usize>| {
            gate.as_ref()
                .is_some_and(|r| r.is_match(text, haystack.clone()))
        };
        let part = if in_clause { &at.clause } else { &at.conjunct };
        !(vetoed(veto, part) || vetoed(veto_after, after) || vetoed(veto_before, before))
    }

    /// The sentences before the figure's give the metric its context: the
    /// nearest of them that names the context or a veto names no veto
    /// (`Gaza's health ministry said … . The ministry put the number of
    /// wounded at 68,146.`, but not when a sentence about Lebanon comes
    /// between).
    fn context_before(
        &self,
        metric: usize,
        text: &lowered::Text<'_>,
        earlier: &[Range<usize>],
    ) -> bool {
        let [context, veto, ..] = &self.gates[metric];
        let matches = |gate: &Option<lowered::Regex>, sentence: &Range<usize>| {
            gate.as_ref()
                .is_some_and(|r| r.is_match(text, sentence.clone()))
        };
        earlier
            .iter()
            .rev()
            .find_map(|sentence| {
                if matches(veto, sentence) {
                    Some(false)
                } else {
                    matches(context, sentence).then_some(true)
                }
            })
            .unwrap_or(false)
    }
}

/// What a metric's gates say of a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gate {
    Open,
    Vetoed,
    /// Nothing rules the metric out, but its context is not in the
    /// sentence.
    NoContext,
}

/// The parts of the text a figure lies in, where its gates look (see
/// `Classifier::gates`).
struct Within<'s> {
    /// The sentences of the article before the figure's (see `earlier`).
    before: &'s [Range<usize>],
    sentence: Range<usize>,
    clause: Range<usize>,
    conjunct: Range<usize>,
}

/// How many sentences before a figure's may give it its context: a
/// sentence that names no place refers to the one or two before it, in
/// its paragraph or the ones before (wire copy runs one sentence to a
/// paragraph).
const EARLIER: usize = 2;

/// The last `EARLIER` of `before`, the sentences before the figure's.
fn earlier(before: &[Range<usize>]) -> &[Range<usize>] {
    &before[before.len().saturating_sub(EARLIER)..]
}

/// The text after and before `mention` where its cues may match: within
/// its clause and `WINDOW` bytes.
fn cue_windows(mention: &Mention, clause: &Range<usize>) -> (Range<usize>, Range<usize>) {
    let after = mention.end..clause.end.min(mention.end + WINDOW).max(mention.end);
    let before_start = clause.start.max(mention.start.saturating_sub(WINDOW));
    (after, before_start.min(mention.start)..mention.start)
}

/// The part of `clause` that figure `k` of `mentions` belongs to: a clause
/// is cut again before an `and` that a figure directly follows (`1,200 in
/// Israel and over 14,800 in Gaza`).
fn conjunct(text: &str, clause: &Range<usize>, mentions: &[Mention], k: usize) -> Range<usize> {
    let cut = |m: &Mention| sentence::and_before(text, clause.start, m.start);
    let start = mentions[..=k]
        .iter()
        .rev()
        .take_while(|m| m.start >= clause.start)
        .find_map(cut)
        .unwrap_or(clause.start);
    let end = mentions[k + 1..]
        .iter()
        .take_while(|m| m.start < clause.end)
        .find_map(cut)
        .unwrap_or(clause.end);
    start..end
}

/// `figure` opens its conjunct (`previous`, the figure before it in its
/// clause, lies in an earlier one) and the conjunct goes on with nothing
/// but a short place, up to a comma (`and over 14,800 in Gaza`): the words
/// that say what `figure` counts were left out, as `previous` has them.
fn gapped(text: &str, within: &Within, previous: &Mention, figure: &Mention) -> bool {
    if previous.start >= within.conjunct.start {
        return false;
    }
    let rest = text[figure.end..within.conjunct.end]
        .split(',')
        .next()
        .unwrap_or("");
    let mut words = rest.split_ascii_whitespace();
    let preposition = words
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("in") || w.eq_ignore_ascii_case("inside"));
    // `in the Gaza Strip`, but not `in Gaza were taken hostage`
    preposition && (1..=3).contains(&words.count())
}

/// `after`, the text after a figure, without the apposition that may
/// follow the figure's noun between commas or dashes (`people, mostly
/// civilians, were killed`, `Gazans — about 85% of the population — are
/// displaced`), written into `out`: the cues after a figure read on past
/// it.
fn without_apposition<'b>(after: &[u8], out: &'b mut Vec<u8>) -> Option<&'b [u8]> {
    let head = &after[..after.len().min(40)];
    // 0xE2 leads either dash, and other marks too
    let (first, mark) = memchr::memchr2_iter(b',', 0xE2, head).find_map(|i| {
        let mark = if after[i] == b',' {
            b","
        } else {
            sentence::dash_at(after, i)?
        };
        Some((i, mark))
    })?;
    let rest = &after[first + mark.len()..];
    let second = memchr::memmem::find(&rest[..rest.len().min(60)], mark)?;
    if rest[..second].trim_ascii().is_empty() {
        return None;
    }
    out.clear();
    out.extend_from_slice(&after[..first]);
    out.extend_from_slice(&rest[second + mark.len()..]);
    Some(out)
}

/// The text after `mention` without the coordinate that `next` opens,
/// written into `out`: the figure's own words, then the verb both share
/// (`50 hostages and 150 prisoners were freed` reads `hostages were
/// freed`). The verb is where the first auxiliary stands after `next`.
fn without_coordinate<'b>(
    text: &str,
    mention: &Mention,
    next: &Mention,
    within: &Within,
    out: &'b mut Vec<u8>,
) -> Option<&'b [u8]> {
    const AUXILIARIES: [&[u8]; 10] = [
        b"were", b"are", b"was", b"is", b"have", b"has", b"had", b"will", b"would", b"remain",
    ];
    if next.start >= within.clause.end {
        return None;
    }
    let and = sentence::and_before(text, mention.end, next.start)?;
    let bytes = text.as_bytes();
    // the figure's own noun: a few words, with no break between
    let own = &bytes[mention.end..and];
    if own.len() > 40 || own.iter().any(|b| matches!(b, b',' | b';' | b'.')) {
        return None;
    }
    let rest = &bytes[next.end..within.clause.end.min(next.end + 60)];
    let verb = rest
        .split(|&b| is_ascii_space(b))
        .scan(0, |at, word| {
            let start = *at;
            *at += word.len() + 1;
            Some((start, word))
        })
        .take(6)
        .find(|(_, word)| AUXILIARIES.iter().any(|a| word.eq_ignore_ascii_case(a)))?
        .0;
    out.clear();
    out.extend_from_slice(own);
    out.push(b' ');
    out.extend_from_slice(&rest[verb..]);
    Some(out)
}

/// The figure before a figure with no cue of its own, whose cue it shares.
#[derive(Clone, Copy)]
enum CueSource<'m> {
    /// Its words were left out (see `gapped`).
    Gapped(&'m Mention),
    /// It is the total the figure before adds up to (see `totalled`):
    /// only a metric that adds up carries over (a toll, a count), not a
    /// rate or a level.
    Total(&'m Mention),
}

/// The words between a figure and the running total it adds to, that
/// make the total a count of the same thing.
static RUNNING_TOTAL: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
    regex::bytes::Regex::new(
        r"(?i-u)\b(?:bring|brings|bringing|brought|take|takes|taking|took|raise|raises|raising|raised|push|pushes|pushing|pushed)\s+(?:the|its|their)\s+(?:[\w-]+\s+)?(?:total|number|tally|count|toll)\b[^,;.]{0,60}?\bto\s+$",
    )
    .expect("a built-in pattern compiles")
});

/// How many figures back a running total may look for what it adds up.
const TOTALLED: usize = 3;

/// `figure` is the total that `previous`, a figure before it in its
/// clause, brings something to (`freed 39 prisoners on Friday, bringing the
/// total released to 150`): the total counts what `previous` counts.
fn totalled(text: &str, previous: &Mention, figure: &Mention) -> bool {
    RUNNING_TOTAL.is_match(&text.as_bytes()[previous.end..figure.start])
}

/// ASCII whitespace: the ASCII bytes `char::is_whitespace` takes, which
/// are also what `\s` matches in the cue syntax (ASCII only, with the
/// vertical tab).
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// A byte of `\w` in the cue syntax, which has no Unicode: what its `\b`
/// tells apart.
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Compiles `patterns` into one regex whose matches carry the id of the
/// pattern that matched, with the cues' syntax: which alternative of a search matched,
/// without capture groups, which cost a second search per match. No
/// prefilter: the attribution cues yield no literal worth one (`a\s+tally`),
/// and looking for them cost more than compiling the rest.
fn multi_pattern(patterns: &[&str]) -> regex_automata::meta::Regex {
    regex_automata::meta::Regex::builder()
        .syntax(crate::rules::cue_syntax())
        .configure(
            regex_automata::meta::Regex::config()
                .utf8_empty(false)
                .auto_prefilter(false),
        )
        .build_many(patterns)
        .expect("built-in patterns compile")
}

#[cfg(test)]
mod tests;
