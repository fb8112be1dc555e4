//! Turning command-line paths into the list of article files, in a
//! deterministic order: paths in the order given, folders walked recursively
//! in file-name order, honouring `.gitignore` and `.ignore`.

use std::path::{Path, PathBuf};

use super::{Format, InputProblem};

/// An article file to read.
#[derive(Debug, Clone)]
pub struct Input {
    pub path: PathBuf,
    /// The path as walked, used to name the file in every output.
    pub name: String,
    pub format: Format,
    /// Bytes on disk, for progress.
    pub size: u64,
}

/// Finds every article file under `paths`. Files named explicitly must be
/// articles; files met while walking a folder are skipped silently unless
/// they have an article extension.
pub fn walk(paths: &[PathBuf]) -> (Vec<Input>, Vec<InputProblem>) {
    let mut inputs = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        let name = path.display().to_string();
        let meta = match std::fs::metadata(path) {
            Ok(meta) => meta,
            Err(err) => {
                problems.push(
                    InputProblem::new(&name, format!("cannot open path: {err}"))
                        .help("check the path on the command line"),
                );
                continue;
            }
        };
        if meta.is_dir() {
            let before = inputs.len();
            walk_dir(path, &mut inputs, &mut problems);
            if inputs.len() == before {
                problems.push(
                    InputProblem::new(&name, "no articles in this folder")
                        .help("figcheck reads .txt, .md and .jsonl files"),
                );
            }
        } else {
            match Format::of(path) {
                Some(format) => inputs.push(Input {
                    path: path.clone(),
                    name,
                    format,
                    size: meta.len(),
                }),
                None => problems.push(
                    InputProblem::new(&name, "not an article file, skipped")
                        .help("figcheck reads .txt, .md and .jsonl files"),
                ),
            }
        }
    }
    (inputs, problems)
}

fn walk_dir(dir: &Path, inputs: &mut Vec<Input>, problems: &mut Vec<InputProblem>) {
    let walker = ignore::WalkBuilder::new(dir)
        .require_git(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let path = entry.path();
                if !entry.file_type().is_some_and(|t| t.is_file()) {
                    continue;
                }
                if let Some(format) = Format::of(path) {
                    inputs.push(Input {
                        path: path.to_path_buf(),
                        name: path.display().to_string(),
                        format,
                        size: entry.metadata().map_or(0, |m| m.len()),
                    });
                }
            }
            Err(err) => problems.push(InputProblem::new(
                dir.display().to_string(),
                err.to_string(),
            )),
        }
    }
}
