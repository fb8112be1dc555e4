//! The command line: argument definitions and the glue from arguments to
//! library calls. Kept thin: every command is a few calls into the modules.

use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::article::{self, Article, Input, InputProblem};
use crate::classify::{Claim, Classifier};
use crate::engine::{self, Corpus, Finding};
use crate::output::claims::{ClaimsFormat, ClaimsWriter};
use crate::output::findings::{CheckFormat, Summary, write_findings};
use crate::output::report::{InputDiagnostic, Style};
use crate::output::rules as rules_output;
use crate::pipeline::{self, Item};
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
    #[arg(long = "rules", value_name = "DIR", global = true)]
    rules: Vec<PathBuf>,
    /// Do not look for figcheck.toml or .figcheck.toml in this folder and its parents.
    #[arg(long, global = true)]
    no_config: bool,
}

impl PackArgs {
    /// Loads the default pack, a discovered config file, then `--rules`
    /// folders; a broken pack is reported and nothing runs.
    fn load(&self, style: Style) -> Result<Pack, ExitStatus> {
        let mut sources = vec![PackSource::Default];
        if !self.no_config
            && let Some(config) = discover_config()
        {
            sources.push(PackSource::Config(config));
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
    /// Run only these checks (repeatable; by id, e.g. `--select conflict`).
    #[arg(long, value_name = "ID")]
    select: Vec<String>,
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

fn report_problems(problems: &[InputProblem], style: Style) -> io::Result<()> {
    let mut err = io::stderr().lock();
    for problem in problems {
        err.write_all(style.render(&InputDiagnostic::from(problem)).as_bytes())?;
    }
    Ok(())
}

/// The walk of the corpus paths, on its own thread from the start of a
/// command so that it overlaps loading the rule pack: on a folder of many
/// small articles it is a tenth of the run.
struct Walking(std::thread::JoinHandle<(Vec<Input>, Vec<InputProblem>)>);

impl Walking {
    fn start(corpus: &CorpusArgs) -> Walking {
        let paths = corpus.paths.clone();
        Walking(std::thread::spawn(move || article::walk(&paths)))
    }

    fn finish(self) -> (Vec<Input>, Vec<InputProblem>) {
        self.0
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    }
}

/// Reads and classifies the corpus, handing each article with its claims
/// to `each` in corpus order; returns every input problem. A progress bar
/// is drawn on stderr when `progress` and stderr is a terminal.
fn extract_corpus(
    walking: Walking,
    pool: &rayon::ThreadPool,
    classifier: &Classifier<'_>,
    progress: bool,
    mut each: impl FnMut(&Article, &[Claim]) -> io::Result<()>,
) -> io::Result<Vec<InputProblem>> {
    let (inputs, mut problems) = walking.finish();
    let bar = (progress && io::stderr().is_terminal()).then(|| {
        // Only a drawn bar needs the corpus size: the walk does not stat.
        let total = inputs
            .iter()
            .filter_map(|input| std::fs::metadata(&input.path).ok())
            .map(|meta| meta.len())
            .sum();
        let bar = indicatif::ProgressBar::new(total);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} {bytes}/{total_bytes} {bar:30} {eta} left",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        // Short runs finish before the bar would draw and never show it.
        bar.enable_steady_tick(std::time::Duration::from_millis(200));
        bar
    });
    pipeline::run(
        &inputs,
        classifier,
        pool,
        |bytes| {
            if let Some(bar) = &bar {
                bar.inc(bytes);
            }
        },
        |item| match item {
            Item::Article(article, claims) => each(&article, &claims),
            Item::Problem(problem) => {
                problems.push(problem);
                Ok(())
            }
        },
    )?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    Ok(problems)
}

fn claims(args: &ClaimsArgs) -> io::Result<ExitStatus> {
    let walking = Walking::start(&args.corpus);
    let style = args.corpus.color.style();
    let pack = match args.pack.load(style) {
        Ok(pack) => pack,
        Err(status) => return Ok(status),
    };
    let pool = thread_pool(args.corpus.jobs);
    let classifier = pool.install(|| Classifier::new(&pack));
    let stdout = io::stdout().lock();
    let mut writer = ClaimsWriter::new(io::BufWriter::new(stdout), args.format, args.explain);
    let interactive = args.format == ClaimsFormat::Table;
    let problems = extract_corpus(
        walking,
        &pool,
        &classifier,
        interactive,
        |article, claims| writer.article(article, claims, &pack, args.all),
    )?;
    writer.finish()?;
    report_problems(&problems, style)?;
    Ok(if problems.is_empty() {
        ExitStatus::Success
    } else {
        ExitStatus::Failure
    })
}

fn check(args: &CheckArgs) -> io::Result<ExitStatus> {
    let walking = Walking::start(&args.corpus);
    let style = args.corpus.color.style();
    let pack = match args.pack.load(style) {
        Ok(pack) => pack,
        Err(status) => return Ok(status),
    };
    let pack = match select(pack, &args.select) {
        Ok(pack) => pack,
        Err(unknown) => {
            writeln!(io::stderr(), "figcheck: {unknown}")?;
            return Ok(ExitStatus::Error);
        }
    };
    let pool = thread_pool(args.corpus.jobs);
    let classifier = pool.install(|| Classifier::new(&pack));
    let mut corpus = Corpus::default();
    // Only claims are kept; each article's text is dropped once classified.
    let interactive = args.format == CheckFormat::Human;
    let problems = extract_corpus(
        walking,
        &pool,
        &classifier,
        interactive,
        |article, claims| {
            corpus.add(article, claims);
            Ok(())
        },
    )?;
    // The checks run on the threads that extracted, reusing their memory.
    let mut findings = pool.install(|| engine::run(&pack, &corpus));
    for problem in &problems {
        findings.push(Finding::input(problem));
    }
    let summary = Summary {
        files: corpus.files.len(),
        articles: corpus.sources.len(),
        mentions: corpus.mentions,
        claims: corpus.facts.len(),
    };
    // written from a pool thread: an unlocked handle, buffered
    let mut out = io::BufWriter::new(io::stdout());
    pool.install(|| write_findings(&mut out, args.format, &findings, &summary, &pack, style))?;
    out.flush()?;
    let fail_at = match args.deny {
        None => Severity::Error,
        Some(Deny::Warnings) => Severity::Warning,
        Some(Deny::Info) => Severity::Info,
    };
    let fails = findings.severities().any(|s| s >= fail_at);
    Ok(if fails {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}

/// The pack with only the selected checks, or the first unknown id.
fn select(mut pack: Pack, ids: &[String]) -> Result<Pack, String> {
    if ids.is_empty() {
        return Ok(pack);
    }
    for id in ids {
        if pack.check(id).is_none() {
            let hint = crate::rules::did_you_mean(id, pack.checks.iter().map(|c| c.id.as_str()))
                .map_or(String::new(), |n| format!("; did you mean `{n}`?"));
            return Err(format!("no check `{id}` to select{hint}"));
        }
    }
    pack.checks.retain(|c| ids.contains(&c.id));
    Ok(pack)
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
