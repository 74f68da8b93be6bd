//! Small, safe wrappers around the browser APIs the page uses (storage, location, clipboard,
//! downloads). Natively (server-side rendering in tests) they do nothing and return `None`.

#[cfg(target_arch = "wasm32")]
mod imp {
    use wasm_bindgen::JsCast;

    pub fn window() -> Option<web_sys::Window> {
        web_sys::window()
    }

    pub fn storage_get(key: &str) -> Option<String> {
        window()?.local_storage().ok()??.get_item(key).ok()?
    }

    pub fn storage_set(key: &str, value: &str) {
        if let Some(s) = window().and_then(|w| w.local_storage().ok().flatten()) {
            let _ = s.set_item(key, value);
        }
    }

    pub fn storage_remove(key: &str) {
        if let Some(s) = window().and_then(|w| w.local_storage().ok().flatten()) {
            let _ = s.remove_item(key);
        }
    }

    pub fn hash() -> String {
        window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
    }

    pub fn set_hash(hash: &str) {
        if let Some(w) = window() {
            let _ = w.location().set_hash(hash);
        }
    }

    /// The page's URL without its fragment, for building share links.
    pub fn base_url() -> String {
        let Some(w) = window() else { return String::new() };
        let href = w.location().href().unwrap_or_default();
        href.split('#').next().unwrap_or_default().to_string()
    }

    pub fn prefers_dark() -> bool {
        window()
            .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
            .is_some_and(|m| m.matches())
    }

    pub fn set_root_attr(name: &str, value: &str) {
        if let Some(root) = window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = root.set_attribute(name, value);
        }
    }

    pub fn copy_to_clipboard(text: &str) {
        if let Some(w) = window() {
            let _ = w.navigator().clipboard().write_text(text);
        }
    }

    /// Offers `text` as a file download named `name`.
    pub fn download(name: &str, mime: &str, text: &str) {
        let Some(doc) = window().and_then(|w| w.document()) else { return };
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
        let opts = web_sys::BlobPropertyBag::new();
        opts.set_type(mime);
        let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else { return };
        let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
        if let Ok(a) = doc.create_element("a")
            && let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>()
        {
            a.set_href(&url);
            a.set_download(name);
            a.click();
        }
        let _ = web_sys::Url::revoke_object_url(&url);
    }

    pub fn now_ms() -> f64 {
        js_sys::Date::now()
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub fn storage_get(_key: &str) -> Option<String> {
        None
    }
    pub fn storage_set(_key: &str, _value: &str) {}
    pub fn storage_remove(_key: &str) {}
    pub fn hash() -> String {
        String::new()
    }
    pub fn set_hash(_hash: &str) {}
    pub fn base_url() -> String {
        String::new()
    }
    pub fn prefers_dark() -> bool {
        false
    }
    pub fn set_root_attr(_name: &str, _value: &str) {}
    pub fn copy_to_clipboard(_text: &str) {}
    pub fn download(_name: &str, _mime: &str, _text: &str) {}
    pub fn now_ms() -> f64 {
        0.0
    }
}

pub use imp::*;
