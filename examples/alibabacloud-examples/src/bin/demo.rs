//! The SDK in one command: `QueryTicketInfo` (Quick BI) and `QueryCashCoupons` (BSS
//! OpenAPI) through the generated clients, printed readably.
//!
//! ```text
//! cargo run --bin demo -- --emulator     # no account needed
//! cargo run --bin demo -- --region cn-hangzhou --ticket <ticket>
//! ```
//!
//! With `--emulator` it starts the local emulator in this process (the specs are compiled
//! in, so it runs from any directory) and signs with the emulator's demo key pair.
//! Without it, it calls the real service with the default configuration: credentials
//! from the default chain (`ALIBABA_CLOUD_ACCESS_KEY_ID`/`ALIBABA_CLOUD_ACCESS_KEY_SECRET`,
//! the aliyun CLI profile, ...), the region from `--region` or `ALIBABA_CLOUD_REGION_ID`,
//! and `--endpoint` to override the endpoint. Errors print their code, message and request
//! id (or the error chain) on stderr, and the exit status is 1.

// A command-line program: printing is its job (stdout goes through `say`, which survives a
// closed pipe; errors go to stderr with `eprintln!`).
#![allow(clippy::print_stderr)]

use std::error::Error as StdError;
use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;

use alibabacloud_bssopenapi20171214 as bss;
use alibabacloud_emulator::{DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET, Emulator};
use alibabacloud_quickbi_public20220101 as quickbi;
use bss::operation::query_cash_coupons::{CashCoupon, QueryCashCouponsResponse};
use bss::{Config, Credentials, Error, ErrorCode, SignatureVersion};
use quickbi::operation::query_ticket_info::QueryTicketInfoResponse;

const USAGE: &str = "\
demo: call QueryTicketInfo (Quick BI) and QueryCashCoupons (BSS OpenAPI) with the generated clients

USAGE:
    demo --emulator [OPTIONS]     against a local emulator started in this process
    demo [OPTIONS]                against Alibaba Cloud, with the default configuration

OPTIONS:
    --emulator                    start the local emulator and call it (no account needed)
    --region REGION               region id, e.g. cn-hangzhou (default: ALIBABA_CLOUD_REGION_ID)
    --endpoint URL                endpoint override for both services, e.g. https://host or http://127.0.0.1:8080
    --ticket TICKET               the Quick BI ticket to look up (with --emulator: the documented example;
                                  without: QueryTicketInfo is skipped when not given)
    --signature-version v3|v1     ACS3-HMAC-SHA256 (v3, the default) or the legacy HMAC-SHA1 (v1)
    -h, --help                    print this help

Credentials (without --emulator) come from the default chain: ALIBABA_CLOUD_ACCESS_KEY_ID and
ALIBABA_CLOUD_ACCESS_KEY_SECRET (+ ALIBABA_CLOUD_SECURITY_TOKEN), the aliyun CLI profile,
~/.alibabacloud/credentials, the ECS RAM role, ...

EXIT STATUS: 0 on success, 1 when a call fails, 2 on a usage error.
";

/// The ticket of the Quick BI documentation's example, used with `--emulator`.
const EXAMPLE_TICKET: &str = "a27a9aec-****-****-bd40-1a21ea41d7c5";

/// The specs the in-process emulator serves, compiled in.
const QUICKBI_SPEC: &str =
    include_str!("../../../../specs/quickbi-public/2022-01-01/api-docs.json");
const BSS_SPEC: &str = include_str!("../../../../specs/bssopenapi/2017-12-14/api-docs.json");

/// What the command line asks for.
#[derive(Debug, Default)]
struct Args {
    emulator: bool,
    region: Option<String>,
    endpoint: Option<String>,
    ticket: Option<String>,
    signature: SignatureVersion,
    help: bool,
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Args, String> {
    let mut parsed = Args::default();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        // `--name value` and `--name=value` are both accepted.
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) if name.starts_with("--") => {
                (name.to_owned(), Some(value.to_owned()))
            }
            _ => (arg.clone(), None),
        };
        let mut value = |what: &str| -> Result<String, String> {
            inline
                .clone()
                .or_else(|| args.next())
                .filter(|v| !v.is_empty())
                .ok_or_else(|| format!("{name} needs a value ({what})"))
        };
        match name.as_str() {
            "--emulator" => parsed.emulator = true,
            "-h" | "--help" => parsed.help = true,
            "--region" => parsed.region = Some(value("a region id, e.g. cn-hangzhou")?),
            "--endpoint" => parsed.endpoint = Some(value("a URL or host")?),
            "--ticket" => parsed.ticket = Some(value("a Quick BI ticket")?),
            "--signature-version" => {
                parsed.signature = match value("v3 or v1")?.as_str() {
                    "v3" | "V3" | "acs3" => SignatureVersion::Acs3HmacSha256,
                    "v1" | "V1" | "hmac-sha1" => SignatureVersion::HmacSha1,
                    other => {
                        return Err(format!(
                            "--signature-version: expected v3 or v1, got `{other}`"
                        ));
                    }
                }
            }
            other => return Err(format!("unknown argument `{other}`")),
        }
        if matches!(name.as_str(), "--emulator" | "-h" | "--help") && inline.is_some() {
            return Err(format!("{name} takes no value"));
        }
    }
    if parsed.emulator && parsed.endpoint.is_some() {
        return Err(
            "--endpoint cannot be used with --emulator (the emulator is the endpoint)".into(),
        );
    }
    Ok(parsed)
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("error: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if args.help {
        say(USAGE);
        return ExitCode::SUCCESS;
    }
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("error: cannot start the async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(report) => {
            eprintln!("{report}");
            ExitCode::FAILURE
        }
    }
}

/// Runs the demo; the error is the text to print on stderr.
async fn run(args: Args) -> Result<(), String> {
    // Keep the emulator alive until the end: dropping its handle stops it.
    let (config, _emulator) = if args.emulator {
        let emulator = Emulator::new()
            .access_key(DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET)
            .spec_str(
                QUICKBI_SPEC,
                "specs/quickbi-public/2022-01-01/api-docs.json",
            )
            .and_then(|e| e.spec_str(BSS_SPEC, "specs/bssopenapi/2017-12-14/api-docs.json"))
            .map_err(|e| chain("error: the emulator's specs do not load", &e))?
            .start()
            .await
            .map_err(|e| chain("error: the emulator did not start", &e))?;
        let config = Config::builder()
            .region(args.region.as_deref().unwrap_or("cn-hangzhou"))
            .endpoint(emulator.endpoint())
            .credentials_provider(
                Credentials::new(DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET)
                    .map_err(|e| chain("error: invalid credentials", &e))?,
            )
            .signature_version(args.signature)
            .build()
            .map_err(|e| chain("error: invalid configuration", &e))?;
        say(format!(
            "Local emulator at {} (AccessKeyId {DEMO_ACCESS_KEY_ID}), signature {}\n",
            emulator.endpoint(),
            signature_name(args.signature)
        ));
        (config, Some(emulator))
    } else {
        let mut builder = Config::load_from_env()
            .await
            .map_err(|e| chain("error: invalid configuration in the environment", &e))?
            .to_builder()
            .signature_version(args.signature);
        if let Some(region) = &args.region {
            builder = builder.region(region);
        }
        if let Some(endpoint) = &args.endpoint {
            builder = builder.endpoint(endpoint);
        }
        let config = builder
            .build()
            .map_err(|e| chain("error: invalid configuration", &e))?;
        say(format!(
            "Alibaba Cloud, region {}{}, signature {}\n",
            config.region().unwrap_or("(none)"),
            config
                .endpoint()
                .map(|e| format!(", endpoint {e}"))
                .unwrap_or_default(),
            signature_name(args.signature)
        ));
        (config, None)
    };

    let ticket = match (&args.ticket, args.emulator) {
        (Some(ticket), _) => Some(ticket.clone()),
        (None, true) => Some(EXAMPLE_TICKET.to_owned()),
        (None, false) => None,
    };
    say("\n");
    match ticket {
        Some(ticket) => {
            let client = quickbi::Client::new(config.clone());
            let response = client
                .query_ticket_info()
                .ticket(ticket.as_str())
                .send()
                .await
                .map_err(|e| service_failure("QueryTicketInfo", &e))?;
            say(ticket_report(&ticket, &response));
        }
        None => say("QueryTicketInfo skipped: give a Quick BI ticket with --ticket.\n"),
    }

    say("\n");
    let client = bss::Client::new(config);
    let response = client
        .query_cash_coupons()
        .send()
        .await
        .map_err(|e| service_failure("QueryCashCoupons", &e))?;
    say(coupons_report(&response));
    Ok(())
}

/// Writes to stdout, ignoring a closed pipe (`demo ... | head`), where `print!` would panic.
fn say(text: impl AsRef<str>) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_ref().as_bytes());
    let _ = stdout.flush();
}

fn signature_name(version: SignatureVersion) -> &'static str {
    match version {
        SignatureVersion::HmacSha1 => "HMAC-SHA1 (v1)",
        _ => "ACS3-HMAC-SHA256 (v3)",
    }
}

/// The first four characters of a secret, then `…`.
fn redact(secret: &str) -> String {
    let shown: String = secret.chars().take(4).collect();
    format!("{shown}…")
}

fn or_dash(value: Option<&str>) -> &str {
    value.filter(|v| !v.is_empty()).unwrap_or("-")
}

fn ticket_report(ticket: &str, response: &QueryTicketInfoResponse) -> String {
    let result = &response.result;
    let uses = match (result.used_ticket_num, result.max_ticket_num) {
        (Some(used), Some(max)) => format!("{used} of {max}"),
        (Some(used), None) => format!("{used}"),
        _ => "-".to_owned(),
    };
    let rows = [
        ("user", or_dash(result.user_id.as_deref()).to_owned()),
        (
            "report (works id)",
            or_dash(result.works_id.as_deref()).to_owned(),
        ),
        ("component", or_dash(result.cmpt_id.as_deref()).to_owned()),
        (
            "organization",
            or_dash(result.organization_id.as_deref()).to_owned(),
        ),
        ("uses", uses),
        (
            "registered",
            or_dash(result.register_time.as_deref()).to_owned(),
        ),
        (
            "invalid after",
            or_dash(result.invalid_time.as_deref()).to_owned(),
        ),
        (
            "watermark",
            or_dash(result.watermark_param.as_deref()).to_owned(),
        ),
        (
            "access ticket",
            result
                .access_ticket
                .as_deref()
                .map(redact)
                .unwrap_or_else(|| "-".to_owned()),
        ),
        (
            "global filters",
            or_dash(result.global_param.as_deref().map(str::trim)).to_owned(),
        ),
        (
            "request id",
            or_dash(response.request_id.as_deref()).to_owned(),
        ),
    ];
    let mut out = format!("QueryTicketInfo: ticket {}\n", redact(ticket));
    for (name, value) in rows {
        let _ = writeln!(out, "  {name:<18} {value}");
    }
    out
}

fn coupons_report(response: &QueryCashCouponsResponse) -> String {
    let coupons = &response.data.cash_coupon;
    let mut out = format!(
        "QueryCashCoupons: {} voucher{}\n",
        coupons.len(),
        if coupons.len() == 1 { "" } else { "s" }
    );
    if !coupons.is_empty() {
        let header = ["ID", "NUMBER", "STATUS", "BALANCE / NOMINAL", "EXPIRES"];
        let rows: Vec<[String; 5]> = coupons.iter().map(coupon_row).collect();
        let mut widths = header.map(|h| h.chars().count());
        for row in &rows {
            for (width, cell) in widths.iter_mut().zip(row) {
                *width = (*width).max(cell.chars().count());
            }
        }
        let line = |cells: [&str; 5]| {
            let mut line = String::from(" ");
            for (cell, width) in cells.iter().zip(widths) {
                let pad = width - cell.chars().count();
                let _ = write!(line, " {cell}{:pad$} ", "");
            }
            line.trim_end().to_owned()
        };
        let _ = writeln!(out, "{}", line(header));
        for row in &rows {
            let _ = writeln!(out, "{}", line(row.each_ref().map(String::as_str)));
        }
    }
    let _ = writeln!(
        out,
        "  request id: {}",
        or_dash(response.request_id.as_deref())
    );
    out
}

fn coupon_row(coupon: &CashCoupon) -> [String; 5] {
    [
        coupon
            .cash_coupon_id
            .map(|id| id.to_string())
            .unwrap_or_else(|| "-".to_owned()),
        or_dash(coupon.cash_coupon_no.as_deref()).to_owned(),
        coupon
            .status
            .as_ref()
            .map(|s| s.as_str().to_owned())
            .unwrap_or_else(|| "-".to_owned()),
        format!(
            "{} / {}",
            or_dash(coupon.balance.as_deref()),
            or_dash(coupon.nominal_value.as_deref())
        ),
        or_dash(coupon.expiry_time.as_deref()).to_owned(),
    ]
}

/// The text of a failed call: code, message and request id of a service error; the error
/// and its causes otherwise.
fn service_failure<C: ErrorCode>(action: &str, error: &Error<C>) -> String {
    match error.as_service_error() {
        Some(service) => {
            let mut out = format!(
                "error: {action} failed: the service answered HTTP {}\n",
                service.status()
            );
            let _ = writeln!(out, "  code:       {}", service.code_str());
            let _ = writeln!(out, "  message:    {}", service.message().unwrap_or("-"));
            let _ = write!(out, "  request id: {}", service.request_id().unwrap_or("-"));
            if let Some(recommend) = service.recommend() {
                let _ = write!(out, "\n  see:        {recommend}");
            }
            out
        }
        None => {
            let mut out = chain(&format!("error: {action} failed"), error);
            if let Some(id) = error.request_id() {
                let _ = write!(out, "\n  request id: {id}");
            }
            out
        }
    }
}

/// `context: error`, then each cause on its own line.
fn chain(context: &str, error: &(dyn StdError + 'static)) -> String {
    let mut out = format!("{context}: {error}");
    let mut shown = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let text = cause.to_string();
        // Skip causes whose text the previous message already includes.
        if !shown.contains(&text) {
            let _ = write!(out, "\n  caused by: {text}");
            shown = text;
        }
        source = cause.source();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Result<Args, String> {
        parse_args(list.iter().map(|s| (*s).to_owned()))
    }

    #[test]
    fn parses_flags_and_values() {
        let parsed = args(&[
            "--emulator",
            "--region=cn-beijing",
            "--signature-version",
            "v1",
        ])
        .unwrap_or_default();
        assert!(parsed.emulator);
        assert_eq!(parsed.region.as_deref(), Some("cn-beijing"));
        assert_eq!(parsed.signature, SignatureVersion::HmacSha1);
        assert!(args(&["--region"]).is_err());
        assert!(args(&["--bogus"]).is_err());
        assert!(args(&["--signature-version", "v2"]).is_err());
        assert!(args(&["--emulator", "--endpoint", "http://x"]).is_err());
        assert!(args(&["--emulator=yes"]).is_err());
    }

    #[test]
    fn redacts_to_four_characters() {
        assert_eq!(redact("a27a9aec-secret"), "a27a…");
        assert_eq!(redact("办公用品家具"), "办公用品…");
        assert_eq!(redact("ab"), "ab…");
    }
}
