//! The notice shown until the in-browser playground exists.

use yew::prelude::*;

/// The command that runs a Python file with the native interpreter today.
const CLI_EXAMPLE: &str = "cargo run --release -p interleave-cli -- run program.py";

/// Says, in English and in Chinese, that the playground is being built and the CLI works today.
#[component]
pub fn UnderConstruction() -> Html {
    html! {
        <section class="notice">
            <p lang="en">
                { "The playground is under construction. The command-line interpreter runs today:" }
            </p>
            <p lang="zh-CN">
                { "演练场正在建设中。命令行解释器现在就可以使用：" }
            </p>
            <pre><code>{ CLI_EXAMPLE }</code></pre>
        </section>
    }
}
