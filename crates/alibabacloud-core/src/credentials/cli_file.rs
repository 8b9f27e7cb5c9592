//! Reading a profile of the aliyun CLI's `config.json` again, and writing refreshed tokens back
//! into it as the official SDKs do (OAuth tokens, External credentials): under an exclusive
//! lock on the file, atomically (a new file renamed over the old one), and without touching
//! anything but the fields written (other profiles, unknown fields and their formatting are
//! kept as they were).

use std::fmt;
use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::marker::PhantomData;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;

/// How long a write-back waits for another process to release the file.
const LOCK_TIMEOUT: Duration = Duration::from_secs(5);
/// How often it tries the lock meanwhile.
const LOCK_RETRY: Duration = Duration::from_millis(20);

/// The profile named `name` of a CLI configuration file: the file, and the profile's name.
#[derive(Debug, Clone)]
pub(crate) struct ProfileLocation {
    pub(crate) path: PathBuf,
    pub(crate) name: String,
}

impl fmt::Display for ProfileLocation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "profile `{}` of `{}`", self.name, self.path.display())
    }
}

/// Why a profile could not be read or written back. Never holds a value of the file.
#[derive(Debug)]
pub(crate) enum FileError {
    Io(&'static str, io::Error),
    /// Not the JSON of a CLI configuration (line and column, or what is wrong).
    Malformed(String),
    NoProfile,
    LockTimeout(Duration),
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::Io(what, e) => write!(f, "cannot {what}: {e}"),
            FileError::Malformed(what) => write!(f, "the file is malformed: {what}"),
            FileError::NoProfile => f.write_str("the profile is no longer in the file"),
            FileError::LockTimeout(waited) => write!(
                f,
                "another process held the file locked for over {} ms",
                waited.as_millis()
            ),
        }
    }
}

impl std::error::Error for FileError {}

/// A JSON error's position only: its message may quote the file.
fn malformed(e: &serde_json::Error) -> FileError {
    FileError::Malformed(format!("line {}, column {}", e.line(), e.column()))
}

/// The fields of the profile, read anew from the file (blocking).
pub(crate) fn read_profile(
    location: &ProfileLocation,
) -> Result<serde_json::Map<String, serde_json::Value>, FileError> {
    #[derive(Deserialize)]
    struct Profiles {
        #[serde(default)]
        profiles: Vec<serde_json::Value>,
    }
    let text =
        std::fs::read_to_string(&location.path).map_err(|e| FileError::Io("read the file", e))?;
    let file: Profiles = serde_json::from_str(&text).map_err(|e| malformed(&e))?;
    file.profiles
        .into_iter()
        .filter_map(|p| match p {
            serde_json::Value::Object(map) => Some(map),
            _ => None,
        })
        .find(|p| p.get("name").and_then(serde_json::Value::as_str) == Some(&location.name))
        .ok_or(FileError::NoProfile)
}

/// [`read_profile`] off the async runtime's worker thread.
pub(crate) async fn read_profile_async(
    location: &ProfileLocation,
) -> Result<serde_json::Map<String, serde_json::Value>, FileError> {
    let owned = location.clone();
    blocking(move || read_profile(&owned)).await
}

/// Runs `work` on tokio's blocking pool (in place outside a runtime).
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, FileError> + Send + 'static,
) -> Result<T, FileError> {
    let Ok(runtime) = tokio::runtime::Handle::try_current() else {
        return work();
    };
    runtime.spawn_blocking(work).await.unwrap_or_else(|e| {
        Err(FileError::Io(
            "complete the file operation",
            io::Error::other(e.to_string()),
        ))
    })
}

/// A top-level value of the file: as written, or the profiles (rewritten).
#[derive(Serialize)]
#[serde(untagged)]
enum TopLevel {
    Raw(Box<RawValue>),
    Profiles(Vec<Profile>),
}

/// One profile: its fields as written, in their order.
type Profile = Members<Box<RawValue>>;

/// The members of a JSON object in the order they are written, a key written twice twice
/// (so that writing them back changes nothing else).
struct Members<V>(Vec<(String, V)>);

impl<V> Members<V> {
    /// Where the value of `key` is: its last occurrence, the one JSON readers keep.
    fn position(&self, key: &str) -> Option<usize> {
        self.0.iter().rposition(|(k, _)| k == key)
    }

    /// The value of `key` (its last occurrence).
    fn get(&self, key: &str) -> Option<&V> {
        self.position(key).map(|at| &self.0[at].1)
    }

    /// Sets `key`: in its place when it is there (its last occurrence), else at the end.
    fn set(&mut self, key: &str, value: V) {
        match self.position(key) {
            Some(at) => self.0[at].1 = value,
            None => self.0.push((key.to_owned(), value)),
        }
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Members<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct MembersVisitor<V>(PhantomData<V>);

        impl<'de, V: Deserialize<'de>> Visitor<'de> for MembersVisitor<V> {
            type Value = Members<V>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Members<V>, A::Error> {
                let mut members = Vec::new();
                while let Some(member) = map.next_entry()? {
                    members.push(member);
                }
                Ok(Members(members))
            }
        }

        d.deserialize_map(MembersVisitor(PhantomData))
    }
}

impl<V: Serialize> Serialize for Members<V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(key, value)| (key, value)))
    }
}

/// Sets `fields` of the profile in the file (blocking): under an exclusive lock on the file,
/// re-read under the lock (so that what other processes wrote meanwhile is kept), written to
/// a new file in the same directory with the old one's permissions, flushed to disk, and
/// renamed over the old one. Nothing but `fields` changes.
pub(crate) fn write_profile_fields(
    location: &ProfileLocation,
    fields: &[(&'static str, serde_json::Value)],
) -> Result<(), FileError> {
    write_profile_fields_within(location, fields, LOCK_TIMEOUT)
}

/// [`write_profile_fields`], waiting at most `lock_timeout` for the lock.
fn write_profile_fields_within(
    location: &ProfileLocation,
    fields: &[(&'static str, serde_json::Value)],
    lock_timeout: Duration,
) -> Result<(), FileError> {
    let locked = lock(&location.path, lock_timeout)?;
    let text =
        std::fs::read_to_string(&location.path).map_err(|e| FileError::Io("read the file", e))?;
    let updated = patched(&text, &location.name, fields)?;
    let result = replace(&location.path, &locked, updated.as_bytes());
    // The lock is held across the rename where the platform allows it (Windows does not
    // rename over a locked file).
    drop(locked);
    result
}

/// [`write_profile_fields`] off the async runtime's worker thread.
pub(crate) async fn write_profile_fields_async(
    location: &ProfileLocation,
    fields: Vec<(&'static str, serde_json::Value)>,
) -> Result<(), FileError> {
    let owned = location.clone();
    blocking(move || write_profile_fields(&owned, &fields)).await
}

/// The file's text with `fields` set in profile `name`.
fn patched(
    text: &str,
    name: &str,
    fields: &[(&'static str, serde_json::Value)],
) -> Result<String, FileError> {
    let top: Members<Box<RawValue>> = serde_json::from_str(text).map_err(|e| malformed(&e))?;
    let Some(at) = top.position("profiles") else {
        return Err(FileError::NoProfile);
    };
    let raw = &top.0[at].1;
    let mut profiles: Vec<Profile> = serde_json::from_str(raw.get())
        .map_err(|_| FileError::Malformed("`profiles` is not a list of objects".to_owned()))?;
    let profile = profiles
        .iter_mut()
        .find(|p| {
            p.get("name")
                .and_then(|n| serde_json::from_str::<String>(n.get()).ok())
                .as_deref()
                == Some(name)
        })
        .ok_or(FileError::NoProfile)?;
    for (key, value) in fields {
        let raw = serde_json::value::to_raw_value(value)
            .map_err(|e| FileError::Malformed(format!("cannot encode `{key}`: {e}")))?;
        profile.set(key, raw);
    }
    let out = Members(
        top.0
            .into_iter()
            .enumerate()
            .map(|(index, (key, value))| {
                if index == at {
                    (key, TopLevel::Profiles(std::mem::take(&mut profiles)))
                } else {
                    (key, TopLevel::Raw(value))
                }
            })
            .collect(),
    );
    let mut buffer = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(b"    ");
    let mut serializer = serde_json::Serializer::with_formatter(&mut buffer, formatter);
    out.serialize(&mut serializer)
        .map_err(|e| FileError::Malformed(format!("cannot encode the file: {e}")))?;
    buffer.push(b'\n');
    String::from_utf8(buffer).map_err(|_| FileError::Malformed("not UTF-8".to_owned()))
}

/// An exclusive lock on the file at `path` (the file itself, as credentials-go locks it, so
/// that both lock the same thing). A lock taken on a file that was renamed over meanwhile is
/// let go and taken again on the new one.
fn lock(path: &Path, timeout: Duration) -> Result<File, FileError> {
    let deadline = Instant::now() + timeout;
    loop {
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .open(path)
            .map_err(|e| FileError::Io("open the file to lock it", e))?;
        match file.try_lock() {
            Ok(()) => {
                if same_file(&file, path)? {
                    return Ok(file);
                }
                // Replaced while this process waited: lock the new one.
                continue;
            }
            Err(std::fs::TryLockError::WouldBlock) => {}
            Err(std::fs::TryLockError::Error(e)) => {
                return Err(FileError::Io("lock the file", e));
            }
        }
        if Instant::now() >= deadline {
            return Err(FileError::LockTimeout(timeout));
        }
        std::thread::sleep(LOCK_RETRY);
    }
}

/// Whether the open `file` is still the one at `path`.
#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> Result<bool, FileError> {
    use std::os::unix::fs::MetadataExt;
    let open = file
        .metadata()
        .map_err(|e| FileError::Io("inspect the file", e))?;
    Ok(match std::fs::metadata(path) {
        Ok(current) => open.dev() == current.dev() && open.ino() == current.ino(),
        Err(_) => false,
    })
}

/// Whether the open `file` is still the one at `path` (not checked where the platform has no
/// stable file identity in std).
#[cfg(not(unix))]
fn same_file(_file: &File, _path: &Path) -> Result<bool, FileError> {
    Ok(true)
}

/// Writes `bytes` to a new file beside `path` and renames it over `path`.
fn replace(path: &Path, locked: &File, bytes: &[u8]) -> Result<(), FileError> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "config.json".to_owned());
    let nanos = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or_default();
    let temp = dir.join(format!(
        ".{file_name}.tmp-{}-{nanos:09}-{:08x}",
        std::process::id(),
        u32::from_le_bytes(crate::random::bytes())
    ));
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
        // The file holds credentials: keep its permissions (0600 as the CLI writes it).
        let mode = locked
            .metadata()
            .map(|m| m.mode() & 0o7777)
            .unwrap_or(0o600);
        options.mode(mode);
    }
    #[cfg(not(unix))]
    let _ = locked;
    let written = options
        .open(&temp)
        .and_then(|mut file| {
            file.write_all(bytes)?;
            file.sync_all()
        })
        .map_err(|e| FileError::Io("write the new file", e));
    let renamed = written.and_then(|()| {
        #[cfg(not(unix))]
        let _ = locked.unlock();
        std::fs::rename(&temp, path).map_err(|e| FileError::Io("replace the file", e))
    });
    if renamed.is_err() {
        let _ = std::fs::remove_file(&temp);
        return renamed;
    }
    // Make the rename itself durable (best effort: not every platform opens directories).
    #[cfg(unix)]
    if let Ok(dir) = File::open(dir) {
        let _ = dir.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patching_keeps_everything_but_the_fields_written() {
        let text = r#"{
  "current": "sso",
  "profiles": [
    {"name": "ak", "mode": "AK", "access_key_id": "LTAI", "access_key_secret": "s", "x-unknown": {"b": 1, "a": [1, 2]}},
    {"name": "oauth", "mode": "OAuth", "oauth_site_type": "CN", "oauth_refresh_token": "old", "big": 12345678901234567890123}
  ],
  "meta_path": "",
  "zz_unknown_top": {"z": 1, "a": 2}
}"#;
        let out = patched(
            text,
            "oauth",
            &[
                ("oauth_refresh_token", "new".into()),
                ("oauth_access_token_expire", 1_700_000_000u64.into()),
            ],
        )
        .unwrap();
        let value: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(value["profiles"][1]["oauth_refresh_token"], "new");
        assert_eq!(
            value["profiles"][1]["oauth_access_token_expire"],
            1_700_000_000u64
        );
        assert_eq!(value["profiles"][0]["access_key_secret"], "s");
        // Order and exact text of what was not written are kept.
        let keys: Vec<&str> = out
            .lines()
            .filter_map(|l| l.trim().strip_prefix('"')?.split('"').next())
            .collect();
        assert_eq!(keys[..4], ["current", "profiles", "name", "mode"], "{out}");
        assert!(out.contains(r#"{"b": 1, "a": [1, 2]}"#), "{out}");
        assert!(out.contains("12345678901234567890123"), "{out}");
        assert!(
            out.contains(r#""zz_unknown_top": {"z": 1, "a": 2}"#),
            "{out}"
        );
        assert!(out.find("\"meta_path\"") < out.find("\"zz_unknown_top\""));
        assert!(out.ends_with("}\n"));
    }

    #[test]
    fn concurrent_write_backs_lose_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.json");
        let profiles: Vec<serde_json::Value> = (0..6)
            .map(|i| serde_json::json!({"name": format!("p{i}"), "mode": "OAuth", "keep": i}))
            .collect();
        std::fs::write(
            &path,
            serde_json::json!({"current": "p0", "profiles": profiles, "unknown": [1, {"x": true}]})
                .to_string(),
        )
        .unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
        // Six writers (threads here, processes in real life), each on its own profile, each
        // writing twenty times: every last value is there, and the file is whole.
        let writers: Vec<_> = (0..6)
            .map(|i| {
                let location = ProfileLocation {
                    path: path.clone(),
                    name: format!("p{i}"),
                };
                std::thread::spawn(move || {
                    for n in 0..20 {
                        write_profile_fields(&location, &[("counter", n.into())]).unwrap();
                    }
                })
            })
            .collect();
        for writer in writers {
            writer.join().unwrap();
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        for i in 0..6 {
            assert_eq!(value["profiles"][i]["counter"], 19, "{text}");
            assert_eq!(value["profiles"][i]["keep"], i, "{text}");
        }
        assert_eq!(value["unknown"], serde_json::json!([1, {"x": true}]));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "the permissions are kept");
        }
        // No temporary file is left behind.
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(left, ["config.json"]);
    }

    #[test]
    fn a_held_lock_is_waited_for_then_given_up() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.json");
        std::fs::write(&path, r#"{"profiles": [{"name": "p"}]}"#).unwrap();
        let location = ProfileLocation {
            path: path.clone(),
            name: "p".to_owned(),
        };
        // Another holder (credentials-go locks the same file the same way) releases it soon:
        // the write waits for it.
        let holder = File::open(&path).unwrap();
        holder.lock().unwrap();
        let release = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(200));
            drop(holder);
        });
        write_profile_fields(&location, &[("x", 1.into())]).unwrap();
        release.join().unwrap();
        assert!(std::fs::read_to_string(&path).unwrap().contains("\"x\": 1"));
        // One that never does: the write gives up, and the file is as it was.
        let holder = File::open(&path).unwrap();
        holder.lock().unwrap();
        let before = std::fs::read_to_string(&path).unwrap();
        let error =
            write_profile_fields_within(&location, &[("x", 2.into())], Duration::from_millis(300))
                .unwrap_err();
        assert!(matches!(error, FileError::LockTimeout(_)), "{error}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
        drop(holder);
    }

    #[test]
    fn a_key_written_twice_is_kept_and_its_last_value_is_the_one_read_and_set() {
        let text = r#"{"profiles": [{"name": "p", "mode": "OAuth", "mode": "AK", "x": 1}], "profiles": [
    {"name": "q", "t": "old", "t": "older", "y": 2}
]}"#;
        let out = patched(text, "q", &[("t", "new".into())]).unwrap();
        assert_eq!(
            out.split_whitespace().collect::<String>(),
            r#"{"profiles":[{"name":"p","mode":"OAuth","mode":"AK","x":1}],"profiles":[{"name":"q","t":"old","t":"new","y":2}]}"#,
            "{out}"
        );
        // The profiles are the last `profiles`: `p` is not among them.
        let error = patched(text, "p", &[("t", "new".into())]).unwrap_err();
        assert!(matches!(error, FileError::NoProfile));
    }

    #[test]
    fn patching_refuses_what_it_cannot_keep() {
        for (text, what) in [
            ("{\"profiles\": [", "line 1"),
            ("{\"profiles\": 3}", "not a list of objects"),
            ("[1]", "line 1"),
        ] {
            let error = patched(text, "p", &[]).unwrap_err();
            assert!(error.to_string().contains(what), "{text}: {error}");
        }
        let error = patched(r#"{"profiles": [{"name": "q"}]}"#, "p", &[]).unwrap_err();
        assert!(matches!(error, FileError::NoProfile));
        // A malformed file's text is never quoted.
        let error = patched("{\"profiles\": [\"SecretValue\" }", "p", &[]).unwrap_err();
        assert!(!error.to_string().contains("SecretValue"), "{error}");
    }
}
