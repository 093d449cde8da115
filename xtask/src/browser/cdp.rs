//! Headless Chromium driven over the Chrome DevTools Protocol (CDP).
//!
//! Why our own client: the checks need about a dozen commands and a handful of events. A
//! synchronous client over one WebSocket (`tungstenite`, no TLS, no async runtime) is a
//! page of code and adds little to a build on two shared cores, where the CDP crates bring
//! an async runtime and bindings generated for the whole protocol.
//!
//! One WebSocket to the browser carries every tab: each tab is a flattened session, and
//! events are queued per session until a check asks for them. Every wait is for a CDP
//! message, bounded by a timeout; nothing sleeps.

use anyhow::{Context, Result, anyhow, bail};
use serde_json::{Value, json};
use std::collections::VecDeque;
use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};
use tungstenite::protocol::WebSocketConfig;
use tungstenite::{Message, WebSocket};

/// How long a single command, page load or launch may take before the run fails.
pub const TIMEOUT: Duration = Duration::from_secs(30);

/// Where Debian's `chromium` package puts the browser; `$CHROMIUM` overrides it.
pub fn chromium_path() -> PathBuf {
    std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"))
}

/// A CDP event: its method, the session (tab) it came from, and its parameters.
pub struct Event {
    pub method: String,
    pub session: Option<String>,
    pub params: Value,
}

/// A running headless Chromium and the WebSocket to it. Dropping it ends the browser.
pub struct Browser {
    child: Child,
    ws: WebSocket<TcpStream>,
    next_id: u64,
    events: VecDeque<Event>,
    profile: PathBuf,
}

impl Browser {
    /// Starts Chromium with a throwaway profile under `scratch` and connects to it.
    pub fn launch(scratch: &Path) -> Result<Browser> {
        let exe = chromium_path();
        if !exe.is_file() {
            bail!(
                "Chromium is missing: no {} (run `cargo xtask tools` to install Debian's \
                 chromium package, or set $CHROMIUM to a Chromium binary)",
                exe.display()
            );
        }
        let profile = scratch.join(format!("chromium-profile-{}", std::process::id()));
        std::fs::create_dir_all(&profile)?;
        let mut child = Command::new(&exe)
            .args([
                "--headless",
                // The pages are the book's own, served from this process; containers and CI
                // runners often lack the user namespaces Chromium's sandbox needs (or run as root).
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-default-apps",
                "--disable-extensions",
                "--disable-sync",
                "--no-first-run",
                "--no-default-browser-check",
                "--hide-scrollbars",
                "--mute-audio",
                "--remote-debugging-port=0",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .with_context(|| format!("could not start {}", exe.display()))?;
        let url = match devtools_url(&mut child) {
            Ok(url) => url,
            Err(e) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(e);
            }
        };
        let ws = connect(&url).with_context(|| format!("connecting to Chromium at {url}"))?;
        Ok(Browser {
            child,
            ws,
            next_id: 0,
            events: VecDeque::new(),
            profile,
        })
    }

    /// Opens a new tab and returns it attached, with page, runtime, log and network events on.
    pub fn new_tab(&mut self) -> Result<Tab<'_>> {
        let target = self.call(None, "Target.createTarget", json!({"url": "about:blank"}))?;
        let target_id = target["targetId"]
            .as_str()
            .context("no targetId")?
            .to_string();
        let attached = self.call(
            None,
            "Target.attachToTarget",
            json!({"targetId": target_id, "flatten": true}),
        )?;
        let session = attached["sessionId"]
            .as_str()
            .context("no sessionId")?
            .to_string();
        let mut tab = Tab {
            browser: self,
            session,
        };
        for domain in ["Page", "Runtime", "Log", "Network"] {
            tab.call(&format!("{domain}.enable"), json!({}))?;
        }
        Ok(tab)
    }

    /// Sends one command and returns its result, queueing the events that arrive meanwhile.
    fn call(&mut self, session: Option<&str>, method: &str, params: Value) -> Result<Value> {
        self.next_id += 1;
        let id = self.next_id;
        let mut msg = json!({"id": id, "method": method, "params": params});
        if let Some(s) = session {
            msg["sessionId"] = json!(s);
        }
        self.ws
            .send(Message::text(msg.to_string()))
            .with_context(|| format!("sending {method} to Chromium"))?;
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let Some(reply) = self.read(deadline)? else {
                bail!("Chromium did not answer {method} within {TIMEOUT:?}");
            };
            if reply.get("id").and_then(Value::as_u64) == Some(id) {
                if let Some(err) = reply.get("error") {
                    bail!(
                        "{method} failed: {}",
                        err["message"].as_str().unwrap_or("?")
                    );
                }
                return Ok(reply["result"].clone());
            }
            self.queue(reply);
        }
    }

    /// The next event of `session` named `method`, waiting up to `timeout` for it.
    fn wait_event(&mut self, session: &str, method: &str, timeout: Duration) -> Result<Event> {
        let matches = |e: &Event| e.method == method && e.session.as_deref() == Some(session);
        if let Some(i) = self.events.iter().position(matches) {
            return Ok(self.events.remove(i).expect("index from position"));
        }
        let deadline = Instant::now() + timeout;
        loop {
            let Some(msg) = self.read(deadline)? else {
                bail!("no {method} within {timeout:?}");
            };
            self.queue(msg);
            if self.events.back().is_some_and(matches) {
                return Ok(self.events.pop_back().expect("just pushed"));
            }
        }
    }

    fn queue(&mut self, msg: Value) {
        if let Some(method) = msg.get("method").and_then(Value::as_str) {
            self.events.push_back(Event {
                method: method.to_string(),
                session: msg
                    .get("sessionId")
                    .and_then(Value::as_str)
                    .map(str::to_string),
                params: msg.get("params").cloned().unwrap_or(Value::Null),
            });
        }
    }

    /// One JSON message, or `None` when the deadline passes first.
    fn read(&mut self, deadline: Instant) -> Result<Option<Value>> {
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Ok(None);
            }
            self.ws.get_mut().set_read_timeout(Some(left))?;
            match self.ws.read() {
                Ok(Message::Text(text)) => {
                    return serde_json::from_str(&text)
                        .map(Some)
                        .context("Chromium sent a message that is not JSON");
                }
                Ok(_) => continue,
                Err(tungstenite::Error::Io(e))
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                    ) =>
                {
                    continue;
                }
                Err(e) => return Err(anyhow!(e).context("reading from Chromium")),
            }
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.ws.close(None);
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// Reads Chromium's stderr up to its "DevTools listening on ws://…" line; a thread keeps
/// draining the rest so the browser never blocks on a full pipe.
fn devtools_url(child: &mut Child) -> Result<String> {
    let stderr = child.stderr.take().context("Chromium's stderr")?;
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            // Once the address is found nobody listens: the send fails and the line is dropped.
            let _ = tx.send(line);
        }
    });
    let deadline = Instant::now() + TIMEOUT;
    let mut seen = Vec::new();
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(line) => {
                if let Some(url) = line.split("DevTools listening on ").nth(1) {
                    return Ok(url.trim().to_string());
                }
                seen.push(line);
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                bail!("Chromium printed no DevTools address within {TIMEOUT:?}")
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                bail!("Chromium exited before it was ready:\n{}", seen.join("\n"))
            }
        }
    }
}

fn connect(url: &str) -> Result<WebSocket<TcpStream>> {
    let host = url
        .strip_prefix("ws://")
        .and_then(|rest| rest.split('/').next())
        .with_context(|| format!("unexpected DevTools address {url}"))?;
    let stream = TcpStream::connect(host)?;
    stream.set_nodelay(true)?;
    // A PDF or a full-page screenshot arrives as one base64 message: allow it to be large.
    let config = WebSocketConfig::default()
        .max_message_size(Some(512 << 20))
        .max_frame_size(Some(512 << 20));
    let (ws, _) = tungstenite::client::client_with_config(url, stream, Some(config))
        .map_err(|e| anyhow!("WebSocket handshake: {e}"))?;
    Ok(ws)
}

/// One tab of the browser, as a flattened CDP session.
pub struct Tab<'a> {
    browser: &'a mut Browser,
    session: String,
}

impl Tab<'_> {
    /// Sends a command to this tab.
    pub fn call(&mut self, method: &str, params: Value) -> Result<Value> {
        self.browser.call(Some(&self.session), method, params)
    }

    /// Loads `url` and waits for its load event.
    pub fn navigate(&mut self, url: &str) -> Result<()> {
        self.forget("Page.loadEventFired");
        let result = self.call("Page.navigate", json!({"url": url}))?;
        if let Some(err) = result.get("errorText").and_then(Value::as_str) {
            bail!("loading {url}: {err}");
        }
        self.wait_load()
    }

    fn wait_load(&mut self) -> Result<()> {
        self.browser
            .wait_event(&self.session, "Page.loadEventFired", TIMEOUT)
            .map(|_| ())
    }

    /// Evaluates a JavaScript expression (awaiting it if it is a promise) and returns its
    /// value as JSON; a thrown exception is an error carrying its message.
    pub fn eval(&mut self, expression: &str) -> Result<Value> {
        let reply = self.call(
            "Runtime.evaluate",
            json!({"expression": expression, "returnByValue": true, "awaitPromise": true}),
        )?;
        if let Some(ex) = reply.get("exceptionDetails") {
            let text = ex["exception"]["description"]
                .as_str()
                .or(ex["text"].as_str())
                .unwrap_or("?");
            bail!("script failed: {text}");
        }
        Ok(reply["result"]["value"].clone())
    }

    /// Takes every event this tab has sent so far (after a round trip, so that what the page
    /// emitted before now is in).
    pub fn take_events(&mut self) -> Result<Vec<Event>> {
        self.eval("0")?;
        let session = self.session.clone();
        let (mine, rest): (Vec<Event>, Vec<Event>) = self
            .browser
            .events
            .drain(..)
            .partition(|e| e.session.as_deref() == Some(session.as_str()));
        self.browser.events = rest.into();
        Ok(mine)
    }

    /// Drops queued events of one kind, so a wait sees only the next one.
    fn forget(&mut self, method: &str) {
        let session = self.session.as_str();
        self.browser
            .events
            .retain(|e| !(e.method == method && e.session.as_deref() == Some(session)));
    }
}
