//! Share links: the program and every setting, compressed into the URL fragment
//! (`#/run/v1.<data>`), so opening the link anywhere reproduces the identical run. No server is
//! involved. A link is untrusted input: decoding checks every step and bounds the size, and
//! the page shows the text only as text.

use serde::{Deserialize, Serialize};

use crate::protocol::RunConfig;

/// The largest program a link may carry once decompressed.
pub const MAX_SHARED_BYTES: usize = 256 * 1024;

const PREFIX: &str = "v1.";

#[derive(Serialize, Deserialize)]
struct Payload {
    code: String,
    config: RunConfig,
}

/// The fragment payload for `code` run with `config`.
pub fn encode(code: &str, config: &RunConfig) -> String {
    let json = serde_json::to_vec(&Payload { code: code.to_owned(), config: config.clone() })
        .expect("a payload serialises");
    let packed = miniz_oxide::deflate::compress_to_vec(&json, 9);
    format!("{PREFIX}{}", base64url_encode(&packed))
}

/// The program and settings of a payload made by `encode`, or why it cannot be read.
pub fn decode(payload: &str) -> Result<(String, RunConfig), String> {
    let data = payload
        .strip_prefix(PREFIX)
        .ok_or("this link was not made by this version of Interleave (unknown format)")?;
    let packed = base64url_decode(data).ok_or("the link is damaged (it contains characters a share link never has)")?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_SHARED_BYTES)
        .map_err(|_| "the link is damaged or truncated (its data does not decompress)".to_string())?;
    let p: Payload = serde_json::from_slice(&json)
        .map_err(|_| "the link is damaged (its data is not a program and its settings)".to_string())?;
    p.config.settings().map_err(|e| format!("the link's settings are not valid: {e}"))?;
    Ok((p.code, p.config))
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes() {
        let v = ALPHABET.iter().position(|&a| a == c)? as u32;
        acc = acc << 6 | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_round_trips_code_and_settings() {
        let config = RunConfig { seed: 42, python: "3.9".into(), cores: 2, ..RunConfig::default() };
        let code = "import threading\nprint('你好', 1)\n";
        let link = encode(code, &config);
        assert!(link.starts_with("v1."));
        assert!(link.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)), "{link}");
        assert_eq!(decode(&link), Ok((code.to_string(), config)));
    }

    #[test]
    fn base64url_round_trips_every_length() {
        for n in 0..10 {
            let bytes: Vec<u8> = (0..n).map(|i| (i * 37 + 200) as u8).collect();
            assert_eq!(base64url_decode(&base64url_encode(&bytes)), Some(bytes));
        }
    }

    #[test]
    fn broken_links_say_what_is_wrong() {
        let link = encode("print(1)\n", &RunConfig::default());
        assert!(decode("v9.abc").unwrap_err().contains("unknown format"));
        assert!(decode("v1.<script>").unwrap_err().contains("damaged"));
        assert!(decode(&link[..link.len() / 2]).unwrap_err().contains("damaged"));
        let not_json = format!("v1.{}", base64url_encode(&miniz_oxide::deflate::compress_to_vec(b"hello", 6)));
        assert!(decode(&not_json).unwrap_err().contains("not a program"));
        let bad = RunConfig { python: "2.7".into(), ..RunConfig::default() };
        assert!(decode(&encode("x", &bad)).unwrap_err().contains("settings are not valid"));
    }

    #[test]
    fn a_bomb_is_refused() {
        let huge = "a".repeat(MAX_SHARED_BYTES * 4);
        let link = encode(&huge, &RunConfig::default());
        assert!(link.len() < 4000, "compresses well: {}", link.len());
        assert!(decode(&link).unwrap_err().contains("damaged or truncated"));
    }
}
