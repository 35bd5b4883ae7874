//! Every string a person reads, by Fluent message id, in each [`Lang`].
//!
//! Built once per process: messages without variables are formatted up front into a table of
//! `&'static str`, so a page's many labels cost a hash lookup each and no allocation; only
//! messages with variables (names, counts with plural rules) are formatted per call.
//! A message missing in a language falls back to English; one missing everywhere renders as
//! `⟦id⟧` (and is logged), which the page walks in the tests look for.

use std::sync::{LazyLock, Mutex};

use fluent_bundle::{FluentArgs, FluentResource, FluentValue, concurrent::FluentBundle};
use fluent_syntax::ast;
use rustc_hash::FxHashMap;

use super::Lang;

const SOURCES: [&str; 3] = [
    include_str!(concat!(env!("OUT_DIR"), "/en.ftl")),
    include_str!(concat!(env!("OUT_DIR"), "/de.ftl")),
    include_str!(concat!(env!("OUT_DIR"), "/ja.ftl")),
];

struct Language {
    bundle: FluentBundle<FluentResource>,
    /// Messages without variables, formatted once.
    plain: FxHashMap<&'static str, &'static str>,
}

static CATALOG: LazyLock<[Language; 3]> = LazyLock::new(|| Lang::ALL.map(load));

fn load(lang: Lang) -> Language {
    let source = SOURCES[lang.index()];
    let resource = FluentResource::try_new(source.to_owned())
        .unwrap_or_else(|(_, errors)| panic!("locales/{}: {errors:?}", lang.code()));
    let ids: Vec<&'static str> = message_ids(source);
    let id: unic_langid::LanguageIdentifier = lang.code().parse().expect("a valid language tag");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Pages escape what they render; the isolation marks would only show up as stray characters.
    bundle.set_use_isolating(false);
    if let Err(errors) = bundle.add_resource(resource) {
        panic!("locales/{}: {errors:?}", lang.code());
    }
    let plain = ids
        .into_iter()
        .filter_map(|id| {
            let pattern = bundle.get_message(id)?.value()?;
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, None, &mut errors);
            errors.is_empty().then(|| (id, &*Box::leak(text.into_owned().into_boxed_str())))
        })
        .collect();
    Language { bundle, plain }
}

/// The ids of the messages (not terms) in a Fluent source.
fn message_ids(source: &'static str) -> Vec<&'static str> {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(resource) => resource,
        Err((resource, _)) => resource,
    };
    resource
        .body
        .into_iter()
        .filter_map(|entry| match entry {
            ast::Entry::Message(message) => Some(message.id.name),
            _ => None,
        })
        .collect()
}

/// A message without variables. Falls back to English, then to the missing marker.
pub fn tr(lang: Lang, id: &str) -> &'static str {
    let catalog = &*CATALOG;
    catalog[lang.index()]
        .plain
        .get(id)
        .or_else(|| catalog[Lang::En.index()].plain.get(id))
        .copied()
        .unwrap_or_else(|| missing_marker(id))
}

/// A value for a message's variable.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    Text(String),
    Number(f64),
}

impl From<&str> for Arg {
    fn from(value: &str) -> Self {
        Self::Text(value.to_owned())
    }
}
impl From<String> for Arg {
    fn from(value: String) -> Self {
        Self::Text(value)
    }
}
impl From<&String> for Arg {
    fn from(value: &String) -> Self {
        Self::Text(value.clone())
    }
}
macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless)]
            fn from(value: $t) -> Self {
                Self::Number(value as f64)
            }
        }
    )*};
}
number_arg!(i32, i64, u32, u64, usize);

/// A message with variables (plural rules choose by a number's value in the language).
pub fn tr_args(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    let catalog = &*CATALOG;
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        match value {
            Arg::Text(text) => fluent_args.set(*name, FluentValue::from(text.as_str())),
            Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
        }
    }
    for language in [&catalog[lang.index()], &catalog[Lang::En.index()]] {
        if let Some(pattern) = language.bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            let text = language.bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
            if !errors.is_empty() {
                tracing::error!(id, ?errors, "translation used with missing variables");
            }
            return text.into_owned();
        }
    }
    missing_marker(id).to_owned()
}

static MISSING: LazyLock<Mutex<std::collections::HashMap<String, &'static str>>> =
    LazyLock::new(Default::default);

/// `⟦id⟧`, logged once per id: a page asked for a message no language has.
pub fn missing_marker(id: &str) -> &'static str {
    let mut missing = MISSING.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(marker) = missing.get(id) {
        return marker;
    }
    tracing::error!(id, "missing translation");
    let marker: &'static str = Box::leak(format!("⟦{id}⟧").into_boxed_str());
    missing.insert(id.to_owned(), marker);
    marker
}

/// Every message id of a language, for the completeness test.
pub fn ids(lang: Lang) -> Vec<&'static str> {
    message_ids(SOURCES[lang.index()])
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    #[test]
    fn every_language_parses_and_has_every_english_message() {
        let english: BTreeSet<_> = ids(Lang::En).into_iter().collect();
        assert!(english.len() > 10, "the English catalog is loaded");
        for lang in Lang::ALL {
            let source = SOURCES[lang.index()];
            if let Err((_, errors)) = fluent_syntax::parser::parse(source) {
                panic!("locales/{} does not parse: {errors:?}", lang.code());
            }
            let own: BTreeSet<_> = ids(lang).into_iter().collect();
            let missing: Vec<_> = english.difference(&own).collect();
            assert!(missing.is_empty(), "locales/{} lacks {missing:?}", lang.code());
            let extra: Vec<_> = own.difference(&english).collect();
            assert!(extra.is_empty(), "locales/{} has ids English lacks: {extra:?}", lang.code());
            let all = ids(lang);
            assert_eq!(all.len(), own.len(), "locales/{} defines an id twice", lang.code());
        }
    }

    #[test]
    fn plain_messages_come_from_the_table_and_missing_ones_are_marked() {
        assert_eq!(tr(Lang::En, "nav-sign-in"), "Sign in");
        assert_eq!(tr(Lang::De, "nav-sign-in"), "Anmelden");
        assert_eq!(tr(Lang::Ja, "nav-sign-in"), "ログイン");
        assert_eq!(tr(Lang::De, "no-such-message"), "⟦no-such-message⟧");
    }

    #[test]
    fn plural_rules_follow_the_language() {
        let one = tr_args(Lang::En, "time-minutes-ago", &[("count", 1.into())]);
        let many = tr_args(Lang::En, "time-minutes-ago", &[("count", 5.into())]);
        assert_eq!((one.as_str(), many.as_str()), ("1 minute ago", "5 minutes ago"));
        assert_eq!(tr_args(Lang::De, "time-minutes-ago", &[("count", 1.into())]), "vor 1 Minute");
        assert_eq!(tr_args(Lang::De, "time-minutes-ago", &[("count", 5.into())]), "vor 5 Minuten");
        assert_eq!(tr_args(Lang::Ja, "time-minutes-ago", &[("count", 5.into())]), "5分前");
    }
}
