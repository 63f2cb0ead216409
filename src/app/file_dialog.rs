//! Whether the system's file dialog can be shown, and what came of it.
//!
//! rfd (the native dialogs) on Linux asks the desktop portal over D-Bus and falls back to
//! `zenity`; when neither is there it returns "no file" exactly as for a cancel, and Save,
//! Save As and Export would do nothing and say nothing. So before a native dialog runs we
//! check that one of the two can appear, and afterwards a dialog that came back empty faster
//! than anyone could have cancelled it counts as not shown. Either way the shell shows its
//! own path dialog instead (design.md §6, "Files never fail silently").

use std::path::PathBuf;
use std::time::{Duration, Instant};

/// The environment variable that chooses the file dialog: `builtin` always uses
/// PartnerMap's own path dialog, `native` skips the check before the system dialog (the
/// timing rule still applies), anything else (or nothing) is [`DialogMode::Auto`].
pub const FILE_DIALOG_ENV: &str = "PARTNERMAP_FILE_DIALOG";

/// A native dialog that returns no file within this time was never seen by anyone: a person
/// needs longer than this to see a dialog appear and press Escape, while rfd gives up in a
/// few milliseconds when neither the portal nor zenity answers.
pub const NOT_SHOWN_WITHIN: Duration = Duration::from_millis(250);

/// Which file dialog Open, Save As, Import and Export use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DialogMode {
    /// The system's dialog when one can be shown, else PartnerMap's own.
    #[default]
    Auto,
    /// The system's dialog without the check before it (still PartnerMap's own when the
    /// system's comes back at once).
    Native,
    /// Always PartnerMap's own path dialog (tests, and desktops where the system's dialog
    /// misbehaves).
    Builtin,
}

impl DialogMode {
    /// The mode chosen by `PARTNERMAP_FILE_DIALOG`.
    pub fn from_env() -> Self {
        Self::parse(std::env::var(FILE_DIALOG_ENV).ok().as_deref())
    }

    /// The mode a value of `PARTNERMAP_FILE_DIALOG` chooses.
    pub fn parse(value: Option<&str>) -> Self {
        match value.map(|v| v.trim().to_ascii_lowercase()).as_deref() {
            Some("builtin" | "in-app" | "internal") => Self::Builtin,
            Some("native" | "system") => Self::Native,
            _ => Self::Auto,
        }
    }
}

/// What came of asking for a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Picked {
    /// The user chose this file or folder.
    Chosen(PathBuf),
    /// The user closed the dialog without choosing.
    Cancelled,
    /// No dialog could be shown, for this reason.
    Unavailable(String),
}

impl Picked {
    /// What a native dialog's answer means, given how long it took: no file within
    /// [`NOT_SHOWN_WITHIN`] is a dialog that was never shown.
    pub fn from_native(path: Option<PathBuf>, took: Duration) -> Self {
        match path {
            Some(path) => Self::Chosen(path),
            None if took < NOT_SHOWN_WITHIN => Self::Unavailable(format!(
                "it came back after {} ms, before anyone could have seen it",
                took.as_millis()
            )),
            None => Self::Cancelled,
        }
    }
}

/// Runs a native dialog (`task`) unless `mode` or the check before it says it cannot be
/// shown. Blocks: call it off the UI thread.
pub fn run_native(
    mode: DialogMode,
    task: impl std::future::Future<Output = Option<rfd::FileHandle>>,
) -> Picked {
    if mode == DialogMode::Builtin {
        return Picked::Unavailable("PARTNERMAP_FILE_DIALOG=builtin".into());
    }
    if mode == DialogMode::Auto
        && let Some(why) = why_native_cannot_show()
    {
        return Picked::Unavailable(why);
    }
    let start = Instant::now();
    let path = pollster::block_on(task).map(|h| h.path().to_owned());
    Picked::from_native(path, start.elapsed())
}

/// Why no native file dialog can be shown here, if that is known beforehand: on Linux,
/// neither the desktop portal's file chooser on the session bus nor `zenity` with a
/// display. Elsewhere the system always has its dialog.
pub fn why_native_cannot_show() -> Option<String> {
    #[cfg(target_os = "linux")]
    {
        let portal = portal_file_chooser().err()?;
        let zenity = zenity_usable().err()?;
        Some(format!("{portal}, and {zenity}"))
    }
    #[cfg(not(target_os = "linux"))]
    {
        None
    }
}

/// Whether the desktop portal's file chooser answers on the session bus (the portal is
/// started if it is installed but not running, as rfd's call would start it).
#[cfg(target_os = "linux")]
fn portal_file_chooser() -> Result<(), String> {
    const PORTAL: &str = "org.freedesktop.portal.Desktop";
    pollster::block_on(async {
        let conn = match zbus::connection::Builder::session() {
            Ok(builder) => builder.method_timeout(Duration::from_secs(5)).build().await,
            Err(e) => Err(e),
        }
        .map_err(|e| format!("there is no D-Bus session bus to reach a desktop portal ({e})"))?;
        let reply = conn
            .call_method(
                Some(PORTAL),
                "/org/freedesktop/portal/desktop",
                Some("org.freedesktop.DBus.Properties"),
                "Get",
                &("org.freedesktop.portal.FileChooser", "version"),
            )
            .await;
        match reply {
            Ok(_) => Ok(()),
            Err(zbus::Error::MethodError(name, _, _))
                if name.as_str() == "org.freedesktop.DBus.Error.ServiceUnknown" =>
            {
                Err("no desktop portal is installed".into())
            }
            Err(e) => Err(format!("the desktop portal offers no file chooser ({e})")),
        }
    })
}

/// Whether `zenity` is on the PATH and has a display to show its dialog on.
#[cfg(target_os = "linux")]
fn zenity_usable() -> Result<(), String> {
    use std::os::unix::fs::PermissionsExt as _;
    let found = std::env::var_os("PATH").is_some_and(|paths| {
        std::env::split_paths(&paths).any(|dir| {
            std::fs::metadata(dir.join("zenity"))
                .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        })
    });
    if !found {
        return Err("zenity is not installed".into());
    }
    let display = ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .any(|v| std::env::var_os(v).is_some_and(|d| !d.is_empty()));
    if display {
        Ok(())
    } else {
        Err("zenity has no display to show on".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mode_comes_from_the_variable() {
        assert_eq!(DialogMode::parse(None), DialogMode::Auto);
        assert_eq!(DialogMode::parse(Some("builtin")), DialogMode::Builtin);
        assert_eq!(DialogMode::parse(Some(" Builtin ")), DialogMode::Builtin);
        assert_eq!(DialogMode::parse(Some("native")), DialogMode::Native);
        assert_eq!(DialogMode::parse(Some("whatever")), DialogMode::Auto);
    }

    #[test]
    fn no_file_at_once_is_a_dialog_not_shown_and_no_file_later_a_cancel() {
        let quick = Picked::from_native(None, Duration::from_millis(3));
        assert!(matches!(quick, Picked::Unavailable(ref why) if why.contains("3 ms")));
        assert_eq!(
            Picked::from_native(None, Duration::from_secs(2)),
            Picked::Cancelled
        );
        let chosen = PathBuf::from("/tmp/a.ron");
        assert_eq!(
            Picked::from_native(Some(chosen.clone()), Duration::from_millis(1)),
            Picked::Chosen(chosen)
        );
    }

    #[test]
    fn builtin_never_runs_the_native_dialog() {
        let task = async { panic!("the native dialog ran") };
        assert!(matches!(
            run_native(DialogMode::Builtin, task),
            Picked::Unavailable(_)
        ));
    }
}
