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
}

/// Finds every article file under `paths`. Files named explicitly must be
/// articles; files met while walking a folder are skipped silently unless
/// they have an article extension. Walked files are not statted: on a
/// folder of small articles that alone would cost a third of the run.
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
    let (first, first_problem) = (inputs.len(), problems.len());
    let walker = ignore::WalkBuilder::new(dir).require_git(false).build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                if !entry.file_type().is_some_and(|t| t.is_file()) {
                    continue;
                }
                if let Some(format) = Format::of(entry.path()) {
                    let path = entry.into_path();
                    inputs.push(Input {
                        name: path.to_string_lossy().into_owned(),
                        path,
                        format,
                    });
                }
            }
            Err(err) => problems.push(InputProblem::new(
                dir.display().to_string(),
                err.to_string(),
            )),
        }
    }
    // The order of a walk that visits each folder's entries by name, as
    // paths compare component by component. Sorting inside the walker, or
    // by `Path::cmp`, would split paths into components at each comparison.
    inputs[first..].sort_by_cached_key(|input| walk_order(&input.path));
    // the walk's own errors name the path they met, and sort by it
    problems[first_problem..].sort_by(|a, b| a.message.cmp(&b.message));
}

/// A key whose bytes order paths of one walk as their components do: a
/// separator sorts below every byte of a name, so a folder's name sorts
/// before the longer names it starts (`a/z` < `a b`), as `a` < `a b`.
fn walk_order(path: &Path) -> Vec<u8> {
    path.as_os_str()
        .as_encoded_bytes()
        .iter()
        .map(|&b| {
            if std::path::is_separator(b.into()) {
                0
            } else {
                b
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    // Each folder's entries are visited by name, files and folders alike,
    // as the bytes of the names compare: `a` < `a b` < `a.txt` < `b.md`.
    #[test]
    fn folders_are_walked_in_name_order() {
        let dir = tempfile::tempdir().expect("temp dir");
        for file in [
            "b.md",
            "a.txt",
            "a/z.txt",
            "a/y/x.txt",
            "a b/c.jsonl",
            "skip.csv",
            "ignored/n.txt",
        ] {
            let path = dir.path().join(file);
            std::fs::create_dir_all(path.parent().expect("in dir")).expect("folder");
            std::fs::write(path, "Text.").expect("file");
        }
        std::fs::write(dir.path().join(".ignore"), "ignored/\n").expect("ignore file");
        let (inputs, problems) = walk(&[dir.path().to_path_buf()]);
        assert!(problems.is_empty());
        let walked: Vec<String> = inputs
            .iter()
            .map(|i| {
                let path = i.path.strip_prefix(dir.path()).expect("under dir");
                path.to_string_lossy().replace('\\', "/")
            })
            .collect();
        assert_eq!(
            walked,
            ["a/y/x.txt", "a/z.txt", "a b/c.jsonl", "a.txt", "b.md"]
        );
    }

    #[test]
    fn walk_order_is_the_order_of_path_components() {
        let paths = [
            "d/a", "d/a b", "d/a/b", "d/a.txt", "d/a-b/c", "d/a/b/c", "d/ab", "d/é", "d/z", "d/Z",
        ];
        for a in paths {
            for b in paths {
                let (a, b) = (Path::new(a), Path::new(b));
                assert_eq!(
                    walk_order(a).cmp(&walk_order(b)),
                    a.cmp(b),
                    "{a:?} vs {b:?}"
                );
            }
        }
    }
}
