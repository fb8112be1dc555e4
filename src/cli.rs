//! The command line: argument definitions and the glue from arguments to
//! library calls. Kept thin: every command is a few calls into the modules.

use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use rayon::prelude::*;

use crate::article::{self, Article, InputProblem};
use crate::classify::{Claim, Classifier};
use crate::extract::Scanner;
use crate::output::claims::{ClaimsFormat, ClaimsWriter};
use crate::output::report::{InputDiagnostic, Style};
use crate::rules::Pack;

/// The process exit status, mapped to 0, 1 and 2 by the binary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// Nothing at or above the failing severity; every input read.
    Success,
    /// Findings that fail, or inputs that could not be read.
    Failure,
    /// Usage or configuration error: nothing was checked.
    Error,
}

impl ExitStatus {
    pub fn code(self) -> u8 {
        match self {
            ExitStatus::Success => 0,
            ExitStatus::Failure => 1,
            ExitStatus::Error => 2,
        }
    }
}

#[derive(Parser)]
#[command(
    name = "figcheck",
    version,
    about = "Claim and figure consistency checker for news text"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List the numeric claims of a corpus.
    Claims(ClaimsArgs),
}

#[derive(Args)]
struct CorpusArgs {
    /// Article files and folders (folders are walked recursively).
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Worker threads for reading and extraction (default: all cores).
    #[arg(long, short = 'j')]
    jobs: Option<usize>,
    /// When to draw diagnostics as graphics: auto (on a terminal unless NO_COLOR is set), always, never.
    #[arg(long, value_enum, default_value = "auto")]
    color: Color,
}

#[derive(Args)]
struct ClaimsArgs {
    #[command(flatten)]
    corpus: CorpusArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: ClaimsFormat,
    /// Include mentions that no metric matched.
    #[arg(long)]
    all: bool,
    /// Say which cue chose each metric.
    #[arg(long)]
    explain: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

impl Color {
    /// `always` draws coloured graphics, `never` plain graphics at 80
    /// columns (stable for snapshots), `auto` graphics on a terminal and
    /// narrated text elsewhere or when NO_COLOR is set.
    fn style(self) -> Style {
        match self {
            Color::Always => Style::Graphical {
                color: true,
                width: 100,
            },
            Color::Never => Style::Graphical {
                color: false,
                width: 80,
            },
            Color::Auto => {
                let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
                if io::stderr().is_terminal() && !no_color {
                    Style::Graphical {
                        color: true,
                        width: 100,
                    }
                } else {
                    Style::Narrated
                }
            }
        }
    }
}

/// Runs figcheck with these arguments.
pub fn run(args: impl IntoIterator<Item = impl Into<OsString> + Clone>) -> ExitStatus {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return if err.use_stderr() {
                ExitStatus::Error
            } else {
                ExitStatus::Success
            };
        }
    };
    let result = match cli.command {
        Command::Claims(args) => claims(&args),
    };
    match result {
        Ok(status) => status,
        // A closed pipe (`figcheck claims | head`) is not an error.
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => ExitStatus::Success,
        Err(err) => {
            let _ = writeln!(io::stderr(), "figcheck: {err}");
            ExitStatus::Error
        }
    }
}

fn thread_pool(jobs: Option<usize>) -> rayon::ThreadPool {
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(jobs) = jobs {
        builder = builder.num_threads(jobs.max(1));
    }
    builder.build().unwrap_or_else(|_| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .expect("a one-thread pool")
    })
}

/// The articles of one input with their claims, or its problems.
struct Extracted {
    articles: Vec<(Article, Vec<Claim>)>,
    problems: Vec<InputProblem>,
}

fn extract_input(input: &article::Input, classifier: &Classifier<'_>) -> Extracted {
    let loaded = article::load(input);
    let mut scanner = Scanner::new();
    let mut mentions = Vec::new();
    let articles = loaded
        .articles
        .into_iter()
        .map(|article| {
            mentions.clear();
            scanner.scan(&article.text, article.body.clone(), &mut mentions);
            let claims = classifier.classify(&article, std::mem::take(&mut mentions));
            (article, claims)
        })
        .collect();
    Extracted {
        articles,
        problems: loaded.problems,
    }
}

fn report_problems(problems: &[InputProblem], style: Style) -> io::Result<()> {
    let mut err = io::stderr().lock();
    for problem in problems {
        err.write_all(style.render(&InputDiagnostic::from(problem)).as_bytes())?;
    }
    Ok(())
}

fn claims(args: &ClaimsArgs) -> io::Result<ExitStatus> {
    let style = args.corpus.color.style();
    let pack = Pack::default_pack();
    let classifier = Classifier::new(&pack);
    let (inputs, mut problems) = article::walk(&args.corpus.paths);
    let pool = thread_pool(args.corpus.jobs);
    let stdout = io::stdout().lock();
    let mut writer = ClaimsWriter::new(io::BufWriter::new(stdout), args.format, args.explain);
    // Inputs are extracted in parallel in chunks and written in order, so
    // the output does not depend on the number of threads.
    for chunk in inputs.chunks(256) {
        let extracted: Vec<Extracted> = pool.install(|| {
            chunk
                .par_iter()
                .map(|input| extract_input(input, &classifier))
                .collect()
        });
        for input in extracted {
            for (article, claims) in &input.articles {
                writer.article(article, claims, &pack, args.all)?;
            }
            problems.extend(input.problems);
        }
    }
    writer.finish()?;
    report_problems(&problems, style)?;
    Ok(if problems.is_empty() {
        ExitStatus::Success
    } else {
        ExitStatus::Failure
    })
}
