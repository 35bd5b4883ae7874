//! The frame the console's list pages share: heading and navigation, a search form (a plain
//! GET), the rows in a table that scrolls sideways on its own, and "Next page".

use leptos::prelude::*;
use leptos_meta::Title;

use super::AdminNav;

/// The words and links around a list page's own fields and rows.
pub(super) struct Frame {
    pub title: &'static str,
    pub heading: &'static str,
    /// Where the search form sends its GET.
    pub action: &'static str,
    /// Said instead of the table when nothing matches.
    pub empty: &'static str,
    /// The table's accessible name: it scrolls, so it is a focusable region.
    pub label: &'static str,
    pub columns: Vec<&'static str>,
    /// "Next page", when there is one.
    pub next: Option<String>,
}

/// A console list: `notice` above the search form (`role="status"`), `fields` in it, and
/// `rows` in the table (`None`: nothing matched).
#[component]
pub(super) fn ListPage(
    frame: Frame,
    notice: Option<&'static str>,
    fields: AnyView,
    rows: Option<AnyView>,
) -> impl IntoView {
    let Frame { title, heading, action, empty, label, columns, next } = frame;
    view! {
        <Title text=title/>
        <section class="card admin">
            <h1>{heading}</h1>
            <AdminNav/>
            {notice.map(|m| view! { <p class="form-success" role="status">{m}</p> })}
            <form method="get" action=action class="form admin-search" role="search">
                {fields}
                <button type="submit">{tr!("admin-search")}</button>
            </form>
            {match rows {
                None => view! { <p>{empty}</p> }.into_any(),
                Some(rows) => view! {
                    <div class="table-scroll" tabindex="0" role="region" aria-label=label>
                        <table class="admin-table">
                            <thead>
                                <tr>{columns.into_iter().map(|c| view! { <th scope="col">{c}</th> }).collect_view()}</tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }.into_any(),
            }}
            {next.map(|href| view! { <p><a href=href rel="next">{tr!("admin-next-page")}</a></p> })}
        </section>
    }
}

/// A labelled search box of a list's form, showing what was searched.
#[component]
pub(super) fn SearchField(
    id: &'static str,
    name: &'static str,
    label: &'static str,
    value: String,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input id=id name=name type="search" value=value autocomplete="off"/>
        </div>
    }
}
