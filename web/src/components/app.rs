//! The root component of the playground page.

use yew::prelude::*;

use super::under_construction::UnderConstruction;

/// The whole page: a header with the project's name and the placeholder notice.
#[component]
pub fn App() -> Html {
    html! {
        <main class="page">
            <header>
                <h1>{ "Interleave" }</h1>
                <p class="tagline">{ "A Python concurrency playground" }</p>
            </header>
            <UnderConstruction />
        </main>
    }
}
