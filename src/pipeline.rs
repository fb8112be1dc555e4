//! Ingest, extraction and classification over a whole corpus: work is cut
//! into units (a batch of text files, a block of JSONL lines), a window of
//! units runs in parallel, and results are delivered in corpus order, so
//! output never depends on the thread count and memory is bounded by the
//! window, not the corpus. The caller consumes one window while the next
//! is extracted.

use std::io;

use rayon::prelude::*;

use crate::article::{self, Article, Format, Input, InputProblem, LineBlock, LineBlocks, Loaded};
use crate::classify::{Claim, Classifier};
use crate::extract::Scanner;

/// Text files per unit: enough work to amortize handing it out when the
/// files are small. Their sizes are not known before they are read (the
/// walk does not stat), so a unit is a count of files.
const UNIT_FILES: usize = 64;
/// Units per thread in a window; two windows are in flight at once.
const UNITS_PER_THREAD: usize = 2;

/// What the pipeline delivers, in corpus order.
pub enum Item {
    Article(Article, Vec<Claim>),
    Problem(InputProblem),
}

enum Unit<'a> {
    Texts(&'a [Input]),
    Lines(LineBlock),
}

impl Unit<'_> {
    /// The unit's items in order, and the bytes it read.
    fn process(self, classifier: &Classifier<'_>) -> (u64, Vec<Item>) {
        let mut loaded = Loaded::default();
        let bytes = match self {
            Unit::Texts(inputs) => {
                let mut buffer = Vec::new();
                inputs
                    .iter()
                    .map(|input| article::load_text(input, &mut buffer, &mut loaded))
                    .sum()
            }
            Unit::Lines(block) => {
                let bytes = block.size();
                block.parse(&mut loaded);
                bytes
            }
        };
        let mut scanner = Scanner::new();
        let mut items = Vec::with_capacity(loaded.articles.len() + loaded.problems.len());
        for article in loaded.articles {
            let mut mentions = Vec::new();
            scanner.scan(&article.text, article.body.clone(), &mut mentions);
            let claims = classifier.classify(&article, mentions);
            items.push(Item::Article(article, claims));
        }
        items.extend(loaded.problems.into_iter().map(Item::Problem));
        (bytes, items)
    }
}

/// The units of a corpus, produced lazily: JSONL files are read block by
/// block as the window needs them.
fn units(inputs: &[Input]) -> impl Iterator<Item = Unit<'_>> {
    inputs
        .chunk_by(|a, b| a.format == Format::Text && b.format == Format::Text)
        .flat_map(|run| -> Box<dyn Iterator<Item = Unit<'_>>> {
            if run[0].format == Format::Text {
                Box::new(run.chunks(UNIT_FILES).map(Unit::Texts))
            } else {
                Box::new(run.iter().flat_map(LineBlocks::open).map(Unit::Lines))
            }
        })
}

/// Runs the pipeline over `inputs`, calling `each` for every article and
/// problem in corpus order, and `progress` with the bytes done so far.
pub fn run(
    inputs: &[Input],
    classifier: &Classifier<'_>,
    pool: &rayon::ThreadPool,
    mut progress: impl FnMut(u64),
    mut each: impl FnMut(Item) -> io::Result<()>,
) -> io::Result<()> {
    let window = pool.current_num_threads() * UNITS_PER_THREAD;
    std::thread::scope(|scope| {
        // A window is handed over only when the caller is ready for it, so
        // at most two are held: one consumed, one extracted.
        let (done, windows) = std::sync::mpsc::sync_channel::<Vec<(u64, Vec<Item>)>>(0);
        scope.spawn(move || {
            let mut units = units(inputs).peekable();
            while units.peek().is_some() {
                let batch: Vec<Unit<'_>> = units.by_ref().take(window).collect();
                let results = pool.install(|| {
                    batch
                        .into_par_iter()
                        .map(|u| u.process(classifier))
                        .collect()
                });
                if done.send(results).is_err() {
                    // the caller stopped on an error
                    return;
                }
            }
        });
        for results in windows {
            for (bytes, items) in results {
                for item in items {
                    each(item)?;
                }
                progress(bytes);
            }
        }
        Ok(())
    })
}
