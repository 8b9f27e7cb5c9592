//! `alibabacloud-emulator`: runs the emulator until Ctrl-C.
//!
//! ```text
//! alibabacloud-emulator [--specs DIR]... [--port N] [--access-key ID:SECRET]...
//!                       [--sts ID:SECRET:TOKEN]... [--max-recorded N]
//!                       [--max-recorded-bytes N]
//! ```
//!
//! Without `--specs`, `./specs` is served if it exists. Without `--access-key` (and
//! `--sts`), the demo pair `EmulatorDemoKeyId` / `EmulatorDemoKeySecret` is accepted and
//! printed; secrets given on the command line are never printed.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use alibabacloud_emulator::{DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET, Emulator};

const USAGE: &str = "\
usage: alibabacloud-emulator [--specs DIR]... [--port N] [--access-key ID:SECRET]...
                             [--sts ID:SECRET:TOKEN]... [--max-recorded N]
                             [--max-recorded-bytes N]

  --specs DIR              serve the specs under DIR (<product>/<version>/api-docs.json);
                           repeatable; default: ./specs if it exists
  --spec-file FILE         serve one api-docs.json file; repeatable
  --port N                 listen on 127.0.0.1:N (default 0: any free port)
  --access-key ID:SECRET   accept this AccessKey pair; repeatable
  --sts ID:SECRET:TOKEN    accept this STS credential; repeatable
  --max-recorded N         keep at most the last N requests in memory (default 10000;
                           0: record nothing); bodies are cut to their first 64 KiB
  --max-recorded-bytes N   keep at most N bytes of recorded requests (default 67108864,
                           64 MiB), dropping the oldest first
  -h, --help               print this help

Without --access-key or --sts, the demo pair EmulatorDemoKeyId / EmulatorDemoKeySecret
is accepted.";

/// The parsed command line.
#[derive(Debug, Default)]
struct Args {
    spec_dirs: Vec<PathBuf>,
    spec_files: Vec<PathBuf>,
    port: u16,
    access_keys: Vec<(String, String)>,
    sts: Vec<(String, String, String)>,
    max_recorded: Option<usize>,
    max_recorded_bytes: Option<usize>,
    help: bool,
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Args, String> {
    let mut parsed = Args::default();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_owned(), Some(value.to_owned()))
            }
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match flag.as_str() {
            "-h" | "--help" => parsed.help = true,
            "--specs" => parsed.spec_dirs.push(PathBuf::from(value("--specs")?)),
            "--spec-file" => parsed.spec_files.push(PathBuf::from(value("--spec-file")?)),
            "--port" => {
                let text = value("--port")?;
                parsed.port = text
                    .parse()
                    .map_err(|_| format!("--port: \"{text}\" is not a port number"))?;
            }
            "--max-recorded" => {
                let text = value("--max-recorded")?;
                parsed.max_recorded = Some(text.parse().map_err(|_| {
                    format!("--max-recorded: \"{text}\" is not a number of requests")
                })?);
            }
            "--max-recorded-bytes" => {
                let text = value("--max-recorded-bytes")?;
                parsed.max_recorded_bytes = Some(text.parse().map_err(|_| {
                    format!("--max-recorded-bytes: \"{text}\" is not a number of bytes")
                })?);
            }
            "--access-key" => {
                let text = value("--access-key")?;
                match text.split_once(':') {
                    Some((id, secret)) if !id.is_empty() && !secret.is_empty() => {
                        parsed.access_keys.push((id.to_owned(), secret.to_owned()));
                    }
                    _ => return Err("--access-key takes ID:SECRET".to_owned()),
                }
            }
            "--sts" => {
                let text = value("--sts")?;
                let mut parts = text.splitn(3, ':');
                match (parts.next(), parts.next(), parts.next()) {
                    (Some(id), Some(secret), Some(token))
                        if !id.is_empty() && !secret.is_empty() && !token.is_empty() =>
                    {
                        parsed
                            .sts
                            .push((id.to_owned(), secret.to_owned(), token.to_owned()));
                    }
                    _ => return Err("--sts takes ID:SECRET:TOKEN".to_owned()),
                }
            }
            other => return Err(format!("unknown argument \"{other}\"")),
        }
    }
    Ok(parsed)
}

fn out(line: &str) {
    let _ = writeln!(std::io::stdout(), "{line}");
}

fn err(line: &str) {
    let _ = writeln!(std::io::stderr(), "{line}");
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(message) => {
            err(&format!("error: {message}\n\n{USAGE}"));
            return ExitCode::from(2);
        }
    };
    if args.help {
        out(USAGE);
        return ExitCode::SUCCESS;
    }
    match run(args).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            err(&format!("error: {message}"));
            ExitCode::FAILURE
        }
    }
}

async fn run(args: Args) -> Result<(), String> {
    let mut emulator = Emulator::new().port(args.port);
    if let Some(n) = args.max_recorded {
        emulator = emulator.max_recorded(n);
    }
    if let Some(bytes) = args.max_recorded_bytes {
        emulator = emulator.max_recorded_bytes(bytes);
    }
    let mut spec_dirs = args.spec_dirs;
    if spec_dirs.is_empty() && args.spec_files.is_empty() && Path::new("specs").is_dir() {
        spec_dirs.push(PathBuf::from("specs"));
    }
    for dir in &spec_dirs {
        emulator = emulator.spec_dir(dir).map_err(|e| e.to_string())?;
    }
    for file in &args.spec_files {
        emulator = emulator.spec_file(file).map_err(|e| e.to_string())?;
    }
    let demo = args.access_keys.is_empty() && args.sts.is_empty();
    if demo {
        emulator = emulator.access_key(DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET);
    }
    for (id, secret) in &args.access_keys {
        emulator = emulator.access_key(id.clone(), secret.clone());
    }
    for (id, secret, token) in &args.sts {
        emulator = emulator.sts_credential(id.clone(), secret.clone(), token.clone());
    }

    let handle = emulator.start().await.map_err(|e| e.to_string())?;
    out(&format!(
        "alibabacloud-emulator listening on {}",
        handle.endpoint()
    ));
    if spec_dirs.is_empty() && args.spec_files.is_empty() {
        out("no specs loaded: every correctly signed action answers {\"Success\": true}");
    }
    for dir in &spec_dirs {
        out(&format!("serving specs under {}", dir.display()));
    }
    for file in &args.spec_files {
        out(&format!("serving spec {}", file.display()));
    }
    if demo {
        out(&format!(
            "demo credentials: AccessKeyId {DEMO_ACCESS_KEY_ID}, AccessKeySecret {DEMO_ACCESS_KEY_SECRET}"
        ));
    }
    for id in handle.credentials().ids() {
        out(&format!("accepting AccessKeyId {id}"));
    }
    out("press Ctrl-C to stop");

    tokio::signal::ctrl_c()
        .await
        .map_err(|e| format!("cannot wait for Ctrl-C: {e}"))?;
    handle.shutdown().await;
    out("stopped");
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn parse(args: &[&str]) -> Result<Args, String> {
        parse_args(args.iter().map(|s| (*s).to_owned()))
    }

    #[test]
    fn parses_every_flag() {
        let args = parse(&[
            "--specs",
            "a",
            "--specs=b",
            "--port",
            "8080",
            "--access-key",
            "id:se:cret",
            "--sts=STS.x:s:t:o",
            "--spec-file",
            "f.json",
            "--max-recorded",
            "0",
            "--max-recorded-bytes",
            "1048576",
        ])
        .unwrap();
        assert_eq!(args.max_recorded, Some(0));
        assert_eq!(args.max_recorded_bytes, Some(1_048_576));
        assert_eq!(
            parse(&["--max-recorded=25"]).unwrap().max_recorded,
            Some(25)
        );
        assert_eq!(parse(&[]).unwrap().max_recorded, None);
        assert_eq!(args.spec_dirs, [PathBuf::from("a"), PathBuf::from("b")]);
        assert_eq!(args.spec_files, [PathBuf::from("f.json")]);
        assert_eq!(args.port, 8080);
        assert_eq!(args.access_keys, [("id".to_owned(), "se:cret".to_owned())]);
        assert_eq!(
            args.sts,
            [("STS.x".to_owned(), "s".to_owned(), "t:o".to_owned())]
        );
    }

    #[test]
    fn refuses_bad_arguments() {
        assert!(parse(&["--port"]).is_err());
        assert!(parse(&["--port", "x"]).is_err());
        assert!(parse(&["--port", "70000"]).is_err());
        assert!(parse(&["--access-key", "nocolon"]).is_err());
        assert!(parse(&["--sts", "a:b"]).is_err());
        assert!(parse(&["--what"]).is_err());
        assert!(parse(&["--max-recorded"]).is_err());
        assert!(parse(&["--max-recorded", "-1"]).is_err());
        assert!(parse(&["--max-recorded", "lots"]).is_err());
        assert!(parse(&["--max-recorded-bytes", "1MiB"]).is_err());
        assert!(parse(&["-h"]).unwrap().help);
    }
}
