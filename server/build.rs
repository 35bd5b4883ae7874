//! Joins each language's Fluent files (`locales/<lang>/*.ftl`, in name order) into one file
//! that `server::i18n::catalog` embeds, so a new file needs no list kept by hand.

use std::{env, fs, path::Path};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales");
    println!("cargo:rerun-if-changed={}", root.display());
    let out = env::var("OUT_DIR").expect("OUT_DIR");
    for lang in ["en", "de", "ja"] {
        let dir = root.join(lang);
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut files: Vec<_> = fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "ftl"))
            .collect();
        files.sort();
        let mut joined = String::new();
        for file in files {
            println!("cargo:rerun-if-changed={}", file.display());
            joined.push_str(&fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display())));
            joined.push('\n');
        }
        fs::write(Path::new(&out).join(format!("{lang}.ftl")), joined).expect("write joined ftl");
    }
}
