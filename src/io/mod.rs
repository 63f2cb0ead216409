//! Reading and writing files: RON projects, and exports to other formats (`export`).

pub mod bounded;
pub mod export;
#[doc(hidden)]
pub mod faults;
pub mod import;
pub mod locate;
pub mod recovery;
mod ron_file;
mod sample;

pub use sample::{SAMPLE_RON, sample};

pub use ron_file::{
    FORMAT, LoadError, MAX_FILE_BYTES, SaveError, VERSION, backup_path, load_bytes, load_json_str,
    load_path, load_str, save_path, to_ron_string, write_atomic, write_set_atomic,
};

/// Today's date (UTC) as `YYYY-MM-DD`, for the map's created and modified fields.
/// The file name of `path` for messages and menus ("workshop.ron"), or the whole path when
/// it has none.
pub fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The calendar date of a day counted from 1970-01-01 (Howard Hinnant's algorithm).
pub(crate) fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    #[test]
    fn days_become_calendar_dates() {
        assert_eq!(super::civil_from_days(0), (1970, 1, 1));
        assert_eq!(super::civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(super::civil_from_days(20_778), (2026, 11, 21));
        assert_eq!(super::today().len(), 10);
    }
}
