//! Helpers shared by the integration tests: a temporary corpus folder, a run
//! of the built `figcheck` binary inside it with a clean environment, and
//! the snapshot settings of each group. A run renders as one small text
//! (ruff style): success, exit code, stdout and stderr, so that one snapshot
//! pins everything a user sees.

#![allow(dead_code, unreachable_pub)]

use std::fmt;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A temporary folder holding a corpus, where `figcheck` runs.
pub struct Case {
    dir: tempfile::TempDir,
}

impl Case {
    pub fn new() -> Case {
        Case {
            dir: tempfile::tempdir().expect("create a temp dir"),
        }
    }

    /// The temp folder.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// Writes `contents` to `path` (relative to the temp folder), creating
    /// parent folders.
    pub fn write(&self, path: &str, contents: impl AsRef<[u8]>) -> &Case {
        let full = self.root().join(path);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent).expect("create parent folders");
        }
        std::fs::write(&full, contents).expect("write a test file");
        self
    }

    /// Creates an empty folder.
    pub fn mkdir(&self, path: &str) -> &Case {
        std::fs::create_dir_all(self.root().join(path)).expect("create a folder");
        self
    }

    /// Copies `from` (relative to the crate root; a file or folder) to `to`
    /// in the temp folder.
    pub fn copy(&self, from: &str, to: &str) -> &Case {
        let source = Path::new(env!("CARGO_MANIFEST_DIR")).join(from);
        copy_tree(&source, &self.root().join(to));
        self
    }

    /// Runs `figcheck COMMAND --no-config ARGS..` in the temp folder.
    pub fn run<const N: usize>(&self, args: [&str; N]) -> Run {
        self.run_in(".", &args, false)
    }

    /// Runs `figcheck ARGS` in `subdir` of the temp folder; config discovery
    /// stays on when `discover` is true, for the tests about `figcheck.toml`.
    pub fn run_in(&self, subdir: &str, args: &[&str], discover: bool) -> Run {
        let mut args: Vec<&str> = args.to_vec();
        // Right after the command: `rules` takes it before its own subcommand.
        if !discover && args.first().is_some_and(|a| !a.starts_with('-')) {
            args.insert(1, "--no-config");
        }
        let output = Command::new(env!("CARGO_BIN_EXE_figcheck"))
            .args(&args)
            .current_dir(self.root().join(subdir))
            // Nothing from the caller's environment (CI, TERM, COLUMNS,
            // FORCE_COLOR, hyperlink hints) may change the output.
            .env_clear()
            .env("NO_COLOR", "1")
            .output()
            .expect("run the figcheck binary");
        Run {
            code: output.status.code(),
            stdout: self.stable(&String::from_utf8_lossy(&output.stdout)),
            stderr: self.stable(&String::from_utf8_lossy(&output.stderr)),
        }
    }

    /// `text` with the temp folder shown as `[TMP]` and the crate version
    /// as `[VERSION]` (insta's `filters` feature is off in this crate).
    fn stable(&self, text: &str) -> String {
        let mut text = text.to_string();
        let root = self.root().display().to_string();
        if let Ok(canonical) = self.root().canonicalize() {
            text = text.replace(&canonical.display().to_string(), "[TMP]");
        }
        text.replace(&root, "[TMP]").replace(
            &format!("\"{}\"", env!("CARGO_PKG_VERSION")),
            "\"[VERSION]\"",
        )
    }
}

/// What one run of the binary produced.
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// The process exit code (-1 when killed by a signal).
    pub fn code(&self) -> i32 {
        self.code.unwrap_or(-1)
    }

    /// Stdout parsed as one JSON value (`check --format json|sarif`).
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).expect("stdout is one JSON document")
    }

    /// Stdout parsed as JSON Lines (`claims --format json`).
    pub fn json_lines(&self) -> Vec<serde_json::Value> {
        self.stdout
            .lines()
            .map(|line| serde_json::from_str(line).expect("each stdout line is JSON"))
            .collect()
    }
}

impl fmt::Display for Run {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "success: {}", self.code == Some(0))?;
        writeln!(f, "exit_code: {}", self.code())?;
        writeln!(f, "----- stdout -----")?;
        write!(f, "{}", self.stdout)?;
        if !self.stdout.is_empty() && !self.stdout.ends_with('\n') {
            writeln!(f)?;
        }
        writeln!(f, "----- stderr -----")?;
        write!(f, "{}", self.stderr)
    }
}

/// Binds the snapshot settings of `group`: snapshots live in
/// `snapshots/<group>/` under their bare names.
pub fn snapshots(group: &str) -> insta::internals::SettingsBindDropGuard {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("snapshots")
            .join(group),
    );
    settings.set_prepend_module_to_snapshot(false);
    settings.bind_to_scope()
}

fn copy_tree(from: &Path, to: &Path) {
    if from.is_dir() {
        std::fs::create_dir_all(to).expect("create a folder");
        let mut entries: Vec<_> = std::fs::read_dir(from)
            .expect("read a fixture folder")
            .map(|e| e.expect("a fixture entry").path())
            .collect();
        entries.sort();
        for entry in entries {
            copy_tree(&entry, &to.join(entry.file_name().expect("a file name")));
        }
    } else {
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent).expect("create parent folders");
        }
        std::fs::copy(from, to).expect("copy a fixture file");
    }
}
