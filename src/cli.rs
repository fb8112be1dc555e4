//! The command line: argument definitions and the glue from arguments to
//! library calls. Kept thin: every command is a few calls into the modules.

use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use rayon::prelude::*;

use crate::article::{self, Article, InputProblem};
use crate::classify::{Claim, Classifier};
use crate::engine::{self, Corpus, Finding};
use crate::extract::Scanner;
use crate::output::claims::{ClaimsFormat, ClaimsWriter};
use crate::output::findings::{CheckFormat, Summary, write_findings};
use crate::output::report::{InputDiagnostic, Style};
use crate::output::rules as rules_output;
use crate::rules::{Pack, PackSource, Severity};

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
    /// Check a corpus: conflicts between sources and implausible figures.
    Check(CheckArgs),
    /// List the numeric claims of a corpus.
    Claims(ClaimsArgs),
    /// List the rules, explain one, or test rule packs.
    Rules(RulesArgs),
}

/// Where the rule packs come from.
#[derive(Args)]
struct PackArgs {
    /// A folder of rule files layered over the default pack (repeatable).
    #[arg(long = "rules", value_name = "DIR")]
    rules: Vec<PathBuf>,
    /// Do not look for figcheck.toml or .figcheck.toml in this folder and its parents.
    #[arg(long)]
    no_config: bool,
}

impl PackArgs {
    /// Loads the default pack, a discovered config file, then `--rules`
    /// folders; a broken pack is reported and nothing runs.
    fn load(&self, style: Style) -> Result<Pack, ExitStatus> {
        let mut sources = vec![PackSource::Default];
        if !self.no_config {
            if let Some(config) = discover_config() {
                sources.push(PackSource::Config(config));
            }
        }
        sources.extend(self.rules.iter().cloned().map(PackSource::Dir));
        crate::rules::load(&sources).map_err(|errors| {
            let _ = io::stderr().write_all(style.render(&errors).as_bytes());
            ExitStatus::Error
        })
    }
}

/// The nearest `figcheck.toml` or `.figcheck.toml` from the working folder up.
fn discover_config() -> Option<PathBuf> {
    let cwd = std::env::current_dir().ok()?;
    cwd.ancestors()
        .flat_map(|dir| ["figcheck.toml", ".figcheck.toml"].map(|name| dir.join(name)))
        .find(|path| path.is_file())
}

#[derive(Args)]
struct CheckArgs {
    #[command(flatten)]
    corpus: CorpusArgs,
    #[command(flatten)]
    pack: PackArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: CheckFormat,
    /// Fail on findings of this severity too (errors always fail).
    #[arg(long, value_enum, value_name = "LEVEL")]
    deny: Option<Deny>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Deny {
    Warnings,
    Info,
}

#[derive(Args)]
struct RulesArgs {
    #[command(subcommand)]
    command: Option<RulesCommand>,
    #[command(flatten)]
    pack: PackArgs,
}

#[derive(Subcommand)]
enum RulesCommand {
    /// List the metrics and checks of the loaded packs.
    List,
    /// Print what a check (or metric) finds, and why.
    Explain {
        /// A check id (`conflict`) or metric id (`deaths.gaza`).
        id: String,
    },
    /// Load and validate rule packs: every error, with its span.
    Test {
        /// Pack folders to test, layered over the default pack.
        dirs: Vec<PathBuf>,
    },
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
    #[command(flatten)]
    pack: PackArgs,
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
        Command::Check(args) => check(&args),
        Command::Claims(args) => claims(&args),
        Command::Rules(args) => rules(&args),
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

/// Reads and classifies every input, in parallel chunks, handing each
/// input's articles to `each` in input order, so that results do not depend
/// on the number of threads. Returns every input problem.
fn extract_corpus(
    corpus: &CorpusArgs,
    classifier: &Classifier<'_>,
    mut each: impl FnMut(&Article, &[Claim]) -> io::Result<()>,
) -> io::Result<Vec<InputProblem>> {
    let (inputs, mut problems) = article::walk(&corpus.paths);
    let pool = thread_pool(corpus.jobs);
    for chunk in inputs.chunks(64) {
        let extracted: Vec<Extracted> = pool.install(|| {
            chunk
                .par_iter()
                .map(|input| extract_input(input, classifier))
                .collect()
        });
        for input in extracted {
            for (article, claims) in &input.articles {
                each(article, claims)?;
            }
            problems.extend(input.problems);
        }
    }
    Ok(problems)
}

fn claims(args: &ClaimsArgs) -> io::Result<ExitStatus> {
    let style = args.corpus.color.style();
    let pack = match args.pack.load(style) {
        Ok(pack) => pack,
        Err(status) => return Ok(status),
    };
    let classifier = Classifier::new(&pack);
    let stdout = io::stdout().lock();
    let mut writer = ClaimsWriter::new(io::BufWriter::new(stdout), args.format, args.explain);
    let problems = extract_corpus(&args.corpus, &classifier, |article, claims| {
        writer.article(article, claims, &pack, args.all)
    })?;
    writer.finish()?;
    report_problems(&problems, style)?;
    Ok(if problems.is_empty() {
        ExitStatus::Success
    } else {
        ExitStatus::Failure
    })
}

fn check(args: &CheckArgs) -> io::Result<ExitStatus> {
    let style = args.corpus.color.style();
    let pack = match args.pack.load(style) {
        Ok(pack) => pack,
        Err(status) => return Ok(status),
    };
    let classifier = Classifier::new(&pack);
    let mut corpus = Corpus::default();
    let mut files = std::collections::BTreeSet::new();
    // Only claims are kept; each article's text is dropped once classified.
    let problems = extract_corpus(&args.corpus, &classifier, |article, claims| {
        files.insert(article::file_of(&article.name).to_string());
        corpus.add(article, claims);
        Ok(())
    })?;
    let mut findings = engine::run(&pack, &corpus);
    findings.extend(problems.iter().map(Finding::input));
    let summary = Summary {
        files: files.len(),
        articles: corpus.sources.len(),
        mentions: corpus.mentions,
        claims: corpus.facts.len(),
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    write_findings(&mut out, args.format, &findings, &summary, &pack, style)?;
    out.flush()?;
    let fail_at = match args.deny {
        None => Severity::Error,
        Some(Deny::Warnings) => Severity::Warning,
        Some(Deny::Info) => Severity::Info,
    };
    let fails = findings.iter().any(|f| f.severity >= fail_at);
    Ok(if fails {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}

fn rules(args: &RulesArgs) -> io::Result<ExitStatus> {
    let style = Color::Auto.style();
    let mut out = io::BufWriter::new(io::stdout().lock());
    let status = match &args.command {
        None | Some(RulesCommand::List) => match args.pack.load(style) {
            Ok(pack) => {
                rules_output::list(&mut out, &pack)?;
                ExitStatus::Success
            }
            Err(status) => status,
        },
        Some(RulesCommand::Explain { id }) => match args.pack.load(style) {
            Ok(pack) => {
                if rules_output::explain(&mut out, &pack, id)? {
                    ExitStatus::Success
                } else {
                    let names = pack
                        .checks
                        .iter()
                        .map(|c| c.id.as_str())
                        .chain(pack.metrics.iter().map(|m| m.id.as_str()));
                    let hint = crate::rules::did_you_mean(id, names)
                        .map_or(String::new(), |n| format!("; did you mean `{n}`?"));
                    writeln!(io::stderr(), "figcheck: no check or metric `{id}`{hint}")?;
                    ExitStatus::Error
                }
            }
            Err(status) => status,
        },
        Some(RulesCommand::Test { dirs }) => {
            let pack_args = PackArgs {
                rules: args.pack.rules.iter().chain(dirs).cloned().collect(),
                no_config: args.pack.no_config,
            };
            match pack_args.load(style) {
                Ok(pack) => {
                    rules_output::tested(&mut out, &pack)?;
                    ExitStatus::Success
                }
                Err(status) => status,
            }
        }
    };
    out.flush()?;
    Ok(status)
}
