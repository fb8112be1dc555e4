//! Ingest, extraction and classification over a whole corpus: work is cut
//! into units (a batch of text files, a block of JSONL lines), one thread
//! reads units and hands them to the pool, and results are delivered in
//! corpus order, so output never depends on the thread count, and memory
//! is bounded by the units in flight, not the corpus.

use std::collections::BTreeMap;
use std::io;
use std::sync::mpsc;

use crate::article::{self, Article, Format, Input, InputProblem, LineBlock, LineBlocks, Loaded};
use crate::classify::{Claim, Classifier};
use crate::extract::Scanner;

/// Text files per unit: enough work to amortize handing it out when the
/// files are small. Their sizes are not known before they are read (the
/// walk does not stat), so a unit is a count of files.
const UNIT_FILES: usize = 64;
/// Units per thread read ahead of delivery: enough to keep every thread
/// busy while a slow unit holds up the ones after it.
const UNITS_PER_THREAD: usize = 4;

thread_local! {
    /// Each thread reads its text files through one buffer, allocated once.
    static READ_BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

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
            Unit::Texts(inputs) => READ_BUFFER.with_borrow_mut(|buffer| {
                inputs
                    .iter()
                    .map(|input| article::load_text(input, buffer, &mut loaded))
                    .sum()
            }),
            Unit::Lines(block) => {
                let bytes = block.size();
                block.parse(&mut loaded);
                bytes
            }
        };
        let mut scanner = Scanner::new();
        let mut scratch = classifier.scratch();
        // One buffer for the mentions of every article of the unit.
        let mut mentions = Vec::new();
        let mut items = Vec::with_capacity(loaded.articles.len() + loaded.problems.len());
        for article in loaded.articles {
            mentions.clear();
            scanner.scan(&article.text, article.body.clone(), &mut mentions);
            let claims = classifier.classify(&article, &mentions, &mut scratch);
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
    let in_flight = pool.current_num_threads() * UNITS_PER_THREAD;
    std::thread::scope(|scope| {
        // A unit is read only with a token, and its token comes back when
        // the unit is delivered: at most `in_flight` units are held at once,
        // and the threads never wait for each other between units.
        let (tokens, token) = mpsc::sync_channel::<()>(in_flight);
        for _ in 0..in_flight {
            tokens.send(()).expect("the receiver is alive");
        }
        let (done, finished) = mpsc::channel::<(usize, u64, Vec<Item>)>();
        scope.spawn(move || {
            pool.in_place_scope_fifo(|jobs| {
                for (seq, unit) in units(inputs).enumerate() {
                    if token.recv().is_err() {
                        // the caller stopped on an error
                        return;
                    }
                    let done = done.clone();
                    jobs.spawn_fifo(move |_| {
                        let (bytes, items) = unit.process(classifier);
                        // a closed channel means the caller stopped
                        let _ = done.send((seq, bytes, items));
                    });
                }
            });
        });
        // Units finish out of order: each waits here for those before it.
        let mut waiting = BTreeMap::new();
        let mut next = 0;
        for (seq, bytes, items) in finished {
            waiting.insert(seq, (bytes, items));
            while let Some((bytes, items)) = waiting.remove(&next) {
                for item in items {
                    each(item)?;
                }
                progress(bytes);
                next += 1;
                // the reader may be gone once every unit is out
                let _ = tokens.send(());
            }
        }
        Ok(())
    })
}
