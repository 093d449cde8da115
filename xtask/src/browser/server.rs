//! A static file server for `book/` on 127.0.0.1, in-process.
//!
//! Why: the browser must load the book over HTTP (as a reader's host would serve it) so
//! that every request it makes shows up as a URL we can sort into "ours" and "outside".
//! The book is a folder of static files and the only client is the local Chromium, so a
//! thread per connection and `Connection: close` on std::net are all it takes.

use anyhow::{Context, Result};
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};

/// A server running on a background thread until the process ends.
pub struct Server {
    addr: SocketAddr,
}

impl Server {
    /// Serves `root` on an unused port of 127.0.0.1.
    pub fn start(root: &Path) -> Result<Server> {
        let listener =
            TcpListener::bind("127.0.0.1:0").context("binding a local port for the book")?;
        let addr = listener.local_addr()?;
        let root = root.to_path_buf();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let root = root.clone();
                std::thread::spawn(move || {
                    // A request the browser abandons (a closed tab) is no failure of the book.
                    let _ = respond(&root, stream);
                });
            }
        });
        Ok(Server { addr })
    }

    /// `http://127.0.0.1:PORT/`.
    pub fn base_url(&self) -> String {
        format!("http://{}/", self.addr)
    }
}

fn respond(root: &Path, stream: TcpStream) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Drain the headers; nothing in them changes what a static file server sends.
    let mut line = String::new();
    while reader.read_line(&mut line)? > 2 {
        line.clear();
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    let file = resolve(root, target);
    let mut out = stream;
    match file.and_then(|f| std::fs::read(&f).ok().map(|body| (f, body))) {
        Some((path, body)) => {
            write!(
                out,
                "HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                content_type(&path),
                body.len()
            )?;
            if method != "HEAD" {
                out.write_all(&body)?;
            }
        }
        None => {
            let body = b"not found";
            write!(
                out,
                "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            )?;
            out.write_all(body)?;
        }
    }
    out.flush()
}

/// The file a request path names under `root`, or `None` when it leaves `root` or is absent.
/// A folder means its `index.html`, as on any static host.
pub fn resolve(root: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("");
    let decoded = percent_decode(path)?;
    let relative = Path::new(decoded.trim_start_matches('/'));
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let mut file = root.join(relative);
    if file.is_dir() {
        file = file.join("index.html");
    }
    file.is_file().then_some(file)
}

/// `%20`-style escapes decoded; `None` for a malformed escape or non-UTF-8 result.
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "ico" => "image/x-icon",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "txt" | "md" => "text/plain; charset=utf-8",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_parent_folders() {
        assert_eq!(percent_decode("a%20b").as_deref(), Some("a b"));
        assert_eq!(percent_decode("a%2"), None);
        // Read at run time: cargo test sets it to the package being tested.
        let root =
            PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("run by cargo test"));
        let root = root.as_path();
        assert!(resolve(root, "/Cargo.toml?x=1#top").is_some());
        assert!(resolve(root, "/../Cargo.toml").is_none());
        assert!(resolve(root, "/no-such-file").is_none());
    }
}
