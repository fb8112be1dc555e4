//! `cargo bench`: the hot paths of a check on text written for the
//! benchmark: scanning numbers, classifying them, and the engine over many
//! claims. End-to-end figures against ripgrep come from `bench/run.sh`.

use std::sync::Arc;

use divan::Bencher;
use figcheck::article::{Article, Metadata};
use figcheck::classify::Classifier;
use figcheck::engine::{self, Corpus};
use figcheck::extract::Scanner;
use figcheck::rules::Pack;

fn main() {
    divan::main();
}

const SENTENCES: [&str; 6] = [
    "Health officials in Gaza said 20,057 people had been killed since the war began.",
    "Israel says nearly 130 hostages are still being held in Gaza.",
    "On Wednesday, 165 trucks of aid crossed into the Strip, according to the UN.",
    "The envoy met two officials for three hours on October 7, 2023 at 17:00.",
    "About 1.9 million people have fled their homes, aid agencies said.",
    "Prices in the market rose by 40% in 2024, traders said.",
];

/// An article of about `bytes` bytes, dated `day` days after 2023-10-15.
fn article(bytes: usize, day: i64, outlet: &str) -> Article {
    let mut text = String::new();
    for sentence in SENTENCES.iter().cycle() {
        if text.len() >= bytes {
            break;
        }
        text.push_str(sentence);
        text.push(' ');
    }
    let date = jiff::civil::date(2023, 10, 15)
        .checked_add(jiff::Span::new().days(day))
        .ok();
    Article {
        file: Arc::from(format!("a{day}.txt")),
        line: None,
        body: 0..text.len(),
        text,
        meta: Metadata {
            date,
            outlet: Some(outlet.to_string()),
            ..Metadata::default()
        },
    }
}

#[divan::bench(args = [1_000, 100_000])]
fn scan(bencher: Bencher, bytes: usize) {
    let article = article(bytes, 0, "Wire");
    let mut scanner = Scanner::new();
    let mut mentions = Vec::new();
    bencher
        .counter(divan::counter::BytesCount::new(bytes))
        .bench_local(|| {
            mentions.clear();
            scanner.scan(&article.text, article.body.clone(), &mut mentions);
            mentions.len()
        });
}

#[divan::bench(args = [1_000, 100_000])]
fn scan_and_classify(bencher: Bencher, bytes: usize) {
    let pack = Pack::default_pack();
    let classifier = Classifier::new(&pack);
    let article = article(bytes, 0, "Wire");
    let mut scanner = Scanner::new();
    let mut scratch = classifier.scratch();
    let mut mentions = Vec::new();
    bencher
        .counter(divan::counter::BytesCount::new(bytes))
        .bench_local(|| {
            mentions.clear();
            scanner.scan(&article.text, article.body.clone(), &mut mentions);
            classifier.classify(&article, &mentions, &mut scratch).len()
        });
}

/// The engine over `articles` articles spread across 600 days and four
/// outlets: grows as n log n.
#[divan::bench(args = [1_000, 10_000, 100_000])]
fn engine(bencher: Bencher, articles: usize) {
    let pack = Pack::default_pack();
    let classifier = Classifier::new(&pack);
    let mut corpus = Corpus::default();
    let mut scanner = Scanner::new();
    let mut scratch = classifier.scratch();
    let mut mentions = Vec::new();
    for i in 0..articles {
        let article = article(500, (i % 600) as i64, ["A", "B", "C", "D"][i % 4]);
        mentions.clear();
        scanner.scan(&article.text, article.body.clone(), &mut mentions);
        let claims = classifier.classify(&article, &mentions, &mut scratch);
        corpus.add(&article, &claims);
    }
    bencher
        .counter(divan::counter::ItemsCount::new(corpus.facts.len()))
        .bench_local(|| engine::run(&pack, &corpus).len());
}
