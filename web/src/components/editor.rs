//! The code editor: CodeMirror 6, bundled from npm (`web/editor/`) and reached through the
//! small `window.InterleaveEditor` API. The component is declarative: its props say what the
//! editor shows (text resets, diagnostics, thread lines, theme) and effects apply them.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::protocol::Diagnostic;

/// A line to highlight for a thread.
#[derive(Clone, Debug, PartialEq)]
pub struct ThreadLine {
    pub line: u32,
    pub color: String,
    pub label: String,
}

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The text; applied when `doc_version` changes (a reset or a loaded example), not on
    /// every keystroke.
    pub doc: AttrValue,
    pub doc_version: u32,
    pub dark: bool,
    pub label: AttrValue,
    pub diagnostics: Vec<Diagnostic>,
    pub thread_lines: Vec<ThreadLine>,
    pub on_change: Callback<String>,
    pub on_run: Callback<()>,
}

#[cfg(target_arch = "wasm32")]
mod js {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        pub type JsEditor;

        #[wasm_bindgen(js_namespace = InterleaveEditor, js_name = create, catch)]
        pub fn create(parent: &web_sys::Element, opts: &JsValue) -> Result<JsEditor, JsValue>;
        #[wasm_bindgen(method, js_name = setDoc)]
        pub fn set_doc(this: &JsEditor, text: &str);
        #[wasm_bindgen(method, js_name = setDark)]
        pub fn set_dark(this: &JsEditor, dark: bool);
        #[wasm_bindgen(method, js_name = setDiagnostics)]
        pub fn set_diagnostics(this: &JsEditor, list: &JsValue);
        #[wasm_bindgen(method, js_name = setThreadLines)]
        pub fn set_thread_lines(this: &JsEditor, list: &JsValue);
        #[wasm_bindgen(method)]
        pub fn destroy(this: &JsEditor);
    }
}

/// What the effects share: the JS editor and the closures it calls (kept alive with it).
#[derive(Default)]
struct Handle {
    #[cfg(target_arch = "wasm32")]
    editor: Option<js::JsEditor>,
    #[cfg(target_arch = "wasm32")]
    closures: Vec<wasm_bindgen::closure::Closure<dyn FnMut(wasm_bindgen::JsValue)>>,
    /// The latest callbacks (props change; the JS side keeps calling the same closures).
    on_change: Option<Callback<String>>,
    on_run: Option<Callback<()>>,
}

#[component]
pub fn Editor(props: &EditorProps) -> Html {
    let host = use_node_ref();
    let handle: Rc<RefCell<Handle>> = use_mut_ref(Handle::default);
    {
        let mut h = handle.borrow_mut();
        h.on_change = Some(props.on_change.clone());
        h.on_run = Some(props.on_run.clone());
    }

    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsValue;
        use wasm_bindgen::closure::Closure;

        // Create on mount, destroy on unmount.
        {
            let host = host.clone();
            let handle = handle.clone();
            let doc = props.doc.to_string();
            let dark = props.dark;
            let label = props.label.to_string();
            use_effect_with((), move |_| {
                if let Some(el) = host.cast::<web_sys::Element>() {
                    let opts = js_sys::Object::new();
                    let set = |k: &str, v: &JsValue| {
                        let _ = js_sys::Reflect::set(&opts, &JsValue::from_str(k), v);
                    };
                    set("doc", &JsValue::from_str(&doc));
                    set("dark", &JsValue::from_bool(dark));
                    set("ariaLabel", &JsValue::from_str(&label));
                    let weak = Rc::downgrade(&handle);
                    let on_change = Closure::<dyn FnMut(JsValue)>::new(move |text: JsValue| {
                        let cb = weak.upgrade().and_then(|h| h.borrow().on_change.clone());
                        if let (Some(cb), Some(text)) = (cb, text.as_string()) {
                            cb.emit(text);
                        }
                    });
                    let weak = Rc::downgrade(&handle);
                    let on_run = Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| {
                        let cb = weak.upgrade().and_then(|h| h.borrow().on_run.clone());
                        if let Some(cb) = cb {
                            cb.emit(());
                        }
                    });
                    set("onChange", on_change.as_ref());
                    set("onRun", on_run.as_ref());
                    match js::create(&el, &opts) {
                        Ok(editor) => {
                            let mut h = handle.borrow_mut();
                            h.editor = Some(editor);
                            h.closures = vec![on_change, on_run];
                        }
                        Err(_) => el.set_text_content(Some("The code editor failed to load.")),
                    }
                }
                move || {
                    let mut h = handle.borrow_mut();
                    if let Some(editor) = h.editor.take() {
                        editor.destroy();
                    }
                    h.closures.clear();
                }
            });
        }
        {
            let handle = handle.clone();
            use_effect_with((props.doc_version, props.doc.clone()), move |(version, doc)| {
                if *version > 0
                    && let Some(e) = &handle.borrow().editor
                {
                    e.set_doc(doc);
                }
            });
        }
        {
            let handle = handle.clone();
            use_effect_with(props.dark, move |dark| {
                if let Some(e) = &handle.borrow().editor {
                    e.set_dark(*dark);
                }
            });
        }
        {
            let handle = handle.clone();
            use_effect_with(props.diagnostics.clone(), move |list| {
                if let Some(e) = &handle.borrow().editor {
                    let arr = js_sys::Array::new();
                    for d in list {
                        let o = js_sys::Object::new();
                        let _ = js_sys::Reflect::set(&o, &"line".into(), &JsValue::from(d.line));
                        if d.col > 0 {
                            let _ = js_sys::Reflect::set(&o, &"col".into(), &JsValue::from(d.col));
                        }
                        let _ = js_sys::Reflect::set(&o, &"message".into(), &JsValue::from_str(&d.message));
                        let _ = js_sys::Reflect::set(&o, &"severity".into(), &"error".into());
                        arr.push(&o);
                    }
                    e.set_diagnostics(&arr);
                }
            });
        }
        {
            let handle = handle.clone();
            use_effect_with(props.thread_lines.clone(), move |list| {
                if let Some(e) = &handle.borrow().editor {
                    let arr = js_sys::Array::new();
                    for l in list {
                        let o = js_sys::Object::new();
                        let _ = js_sys::Reflect::set(&o, &"line".into(), &JsValue::from(l.line));
                        let _ = js_sys::Reflect::set(&o, &"color".into(), &JsValue::from_str(&l.color));
                        let _ = js_sys::Reflect::set(&o, &"label".into(), &JsValue::from_str(&l.label));
                        arr.push(&o);
                    }
                    e.set_thread_lines(&arr);
                }
            });
        }
    }

    html! {
        <div class="editor-host" ref={host}>
            // Shown until the editor mounts (and in server-side rendering).
            <noscript><pre class="code-fallback">{ props.doc.clone() }</pre></noscript>
        </div>
    }
}
