//! `before` cues end at the figure (`…\s+$`), so only the last bytes of
//! the window before it can decide whether one matches. A forward set search
//! reads the whole window; a reverse DFA anchored at the figure reads back
//! only as far as some cue could still match.

use regex_automata::hybrid::dfa::{Cache, DFA, OverlappingState};
use regex_automata::nfa::thompson;
use regex_automata::util::pool::Pool;
use regex_automata::{Anchored, Input, MatchKind};

/// Makes a thread's lazy DFA cache, the first time that thread searches.
type NewCache = Box<dyn Fn() -> Cache + Send + Sync>;

/// Cues searched backwards from the end of their window, all at once.
pub(super) struct Backward {
    dfa: DFA,
    caches: Pool<Cache, NewCache>,
}

impl Backward {
    /// Compiles `patterns` (each one anchored at the end, see
    /// `anchored_at_end`) into one reverse DFA. None only for what a lazy
    /// DFA cannot run: a Unicode word boundary asked for with `(?u:\b)`.
    pub(super) fn new(patterns: &[&str]) -> Option<Backward> {
        let dfa = DFA::builder()
            .syntax(crate::rules::cue_syntax())
            .thompson(thompson::Config::new().reverse(true).utf8(false))
            // every match, so that each pattern's first start is seen
            .configure(DFA::config().match_kind(MatchKind::All))
            .build_many(patterns)
            .ok()?;
        let for_caches = dfa.clone();
        let caches = Pool::new(Box::new(move || for_caches.create_cache()) as NewCache);
        Some(Backward { dfa, caches })
    }

    /// Calls `each(pattern, length)` for the patterns that match `window`,
    /// with the length of the match `Regex::find` would give: every match
    /// of such a pattern ends at the window's end, so that is the one that
    /// starts first. A pattern may be reported more than once, each time
    /// longer; its last length is its match.
    pub(super) fn matches(&self, window: &[u8], mut each: impl FnMut(usize, usize)) {
        let mut cache = self.caches.get();
        let input = Input::new(window).anchored(Anchored::Yes);
        let mut state = OverlappingState::start();
        loop {
            // no quit bytes and a cache that never gives up: cannot fail
            self.dfa
                .try_search_overlapping_rev(&mut cache, &input, &mut state)
                .expect("a lazy DFA without quit bytes does not fail");
            let Some(found) = state.get_match() else {
                return;
            };
            each(found.pattern().as_usize(), window.len() - found.offset());
        }
    }
}

/// Every match of `pattern` ends at the end of the haystack, as `before`
/// cues should (`…$`, not `(?m)$` or `a$|b`).
pub(super) fn anchored_at_end(pattern: &str) -> bool {
    crate::rules::parse_cue(pattern).is_ok_and(|hir| {
        hir.properties()
            .look_set_suffix()
            .contains(regex_syntax::hir::Look::End)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_cues_ending_every_match_at_the_end_are_anchored() {
        assert!(anchored_at_end(r"\bkilled\s+$"));
        assert!(anchored_at_end(r"(?:toll|tally)\s+(?:of\s+)?$"));
        assert!(!anchored_at_end(r"\bkilled\b"));
        assert!(!anchored_at_end(r"killed\s+$|toll"));
        assert!(!anchored_at_end(r"(?m)killed\s+$"));
    }

    #[test]
    fn unicode_word_boundaries_are_left_to_the_set() {
        assert!(Backward::new(&[r"(?u:\b)killed\s+$"]).is_none());
    }

    #[test]
    fn lengths_are_those_of_find() {
        let patterns = [
            r"\b(?:killed|killing)\s+(?:(?:at\s+least|more\s+than)\s+)?$",
            r"\btoll\s+(?:[\w'-]+\s+){0,6}?(?:to|at|of)\s+$",
            r"\s+$",
            r"(?:a|ab)?b\s*$",
        ];
        let backward = Backward::new(&patterns).unwrap();
        let windows = [
            "Strikes killed at least ",
            "The toll in Gaza rose to ",
            "The toll has risen to more than ",
            "killing ",
            "ab b ",
            "no cue here",
            "",
            "\u{e9}t\u{e9} killed ",
        ];
        for window in windows {
            let mut found = vec![None; patterns.len()];
            backward.matches(window.as_bytes(), |pattern, len| found[pattern] = Some(len));
            for (pattern, len) in patterns.iter().zip(found) {
                let regex = crate::rules::cue_regex(pattern).unwrap();
                let expected = regex.find(window.as_bytes()).map(|m| m.len());
                assert_eq!(len, expected, "{pattern} on {window:?}");
            }
        }
    }
}
