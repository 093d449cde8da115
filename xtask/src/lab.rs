//! `cargo xtask lab`: JupyterLab on `notebooks/`, with the evcxr kernel and the headless
//! run's kernel settings, everything installed into `.tools/`.
//!
//! A kernel starts in its notebook's folder, and the notebooks' `:dep` lines name the chapter
//! crates relative to `notebooks/`: a notebook runs where it lies in a checkout (tests/notebooks.rs
//! checks that every such path names a crate), and a copy taken elsewhere needs those paths
//! edited. `--check` starts the server, asks it for its kernels and its JupyterLab page, and
//! shuts it down: what CI runs.

use crate::project::root;
use crate::tools::{NotebookTools, install_lab_tools};
use anyhow::{Context, Result, bail};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

/// How long a fresh server may take to answer (it starts in about five seconds here).
const STARTUP: Duration = Duration::from_secs(90);

pub fn run(port: u16, check: bool) -> Result<()> {
    let tools = install_lab_tools()?;
    if check {
        return smoke_test(&tools);
    }
    let status = server(&tools, port, None)
        .status()
        .context("could not start JupyterLab")?;
    if !status.success() {
        bail!("JupyterLab exited with {status}");
    }
    Ok(())
}

/// `jupyter lab` on the notebooks folder, with the kernel registered in `.tools/jupyter`.
fn server(tools: &NotebookTools, port: u16, token: Option<&str>) -> Command {
    let mut cmd = Command::new(tools.python.with_file_name("jupyter-lab"));
    cmd.arg(format!(
        "--ServerApp.root_dir={}",
        root().join("notebooks").display()
    ))
    .arg(format!("--ServerApp.port={port}"))
    // Containers and CI run as root, where Jupyter refuses to start without it.
    .arg("--allow-root")
    .env("JUPYTER_PATH", &tools.jupyter_path)
    .env("JUPYTER_DATA_DIR", &tools.jupyter_path)
    .env("EVCXR_CONFIG_DIR", root().join("notebooks/evcxr"));
    if let Some(token) = token {
        cmd.args([
            "--no-browser",
            "--ServerApp.port_retries=0",
            &format!("--IdentityProvider.token={token}"),
        ]);
    }
    cmd
}

/// Starts a server on a free port and checks that it lists the Rust kernel and serves
/// JupyterLab's page; always shuts it down.
fn smoke_test(tools: &NotebookTools) -> Result<()> {
    let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
    let token = format!("counting-checked-{}", std::process::id());
    let child = server(tools, port, Some(&token))
        .spawn()
        .context("could not start JupyterLab")?;
    let mut server = Server { child, port, token };
    let result = server.check();
    server.shut_down();
    result?;
    println!("lab: JupyterLab answered on port {port} and lists the rust kernel");
    Ok(())
}

struct Server {
    child: Child,
    port: u16,
    token: String,
}

impl Server {
    fn check(&mut self) -> Result<()> {
        let deadline = Instant::now() + STARTUP;
        let specs = loop {
            if let Some(status) = self.child.try_wait()? {
                bail!("JupyterLab exited before it answered ({status})");
            }
            match self.request("GET", "/api/kernelspecs") {
                Ok((200, body)) => break body,
                Ok((code, body)) => bail!("/api/kernelspecs answered {code}: {body}"),
                Err(_) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(250));
                }
                Err(e) => return Err(e.context(format!("no answer within {STARTUP:?}"))),
            }
        };
        let specs: serde_json::Value =
            serde_json::from_str(&specs).context("/api/kernelspecs is not JSON")?;
        let kernel = &specs["kernelspecs"]["rust"]["spec"]["argv"][0];
        if !kernel
            .as_str()
            .is_some_and(|k| std::path::Path::new(k).is_file())
        {
            bail!(
                "the server lists no runnable evcxr kernel (`rust`): {}",
                specs["kernelspecs"]
            );
        }
        match self.request("GET", "/lab")? {
            (200, page) if page.contains("JupyterLab") => Ok(()),
            (code, _) => bail!("/lab answered {code}, not JupyterLab's page"),
        }
    }

    /// One HTTP/1.0 request (so that the reply is not chunked) with the server's token; the
    /// status code and the body.
    fn request(&self, method: &str, path: &str) -> Result<(u16, String)> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port))?;
        stream.set_read_timeout(Some(Duration::from_secs(30)))?;
        write!(
            stream,
            "{method} {path} HTTP/1.0\r\nHost: 127.0.0.1:{}\r\nAuthorization: token {}\r\n\
             Content-Length: 0\r\n\r\n",
            self.port, self.token
        )?;
        let mut reply = Vec::new();
        stream.read_to_end(&mut reply)?;
        let reply = String::from_utf8_lossy(&reply);
        let code = reply
            .split_whitespace()
            .nth(1)
            .and_then(|c| c.parse().ok())
            .with_context(|| format!("not an HTTP reply: {:.80}", reply))?;
        let body = reply.split_once("\r\n\r\n").map_or("", |(_, b)| b);
        Ok((code, body.to_string()))
    }

    /// Asks the server to stop (it then cleans up its runtime files), and kills it if it
    /// does not.
    fn shut_down(&mut self) {
        let asked = self.request("POST", "/api/shutdown").is_ok();
        let deadline = Instant::now() + Duration::from_secs(10);
        while asked && Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
