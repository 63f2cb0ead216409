//! Partial dates: a year, a year and month, or a full day.

use serde::{Deserialize, Serialize};

/// A date known to the year (`2012`), the month (`2012-06`) or the day (`2012-06-30`).
///
/// The text is kept as written so that a file with a bad date still loads far enough for every
/// problem to be reported; [`PartialDate::parse`] checks it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PartialDate(pub String);

/// The parts of a valid partial date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct DateParts {
    /// The year, 1–9999.
    pub year: u16,
    /// The month 1–12, if known.
    pub month: Option<u8>,
    /// The day of the month, if known.
    pub day: Option<u8>,
}

impl PartialDate {
    /// Parses and checks the date, saying what is wrong when it is not a real date.
    pub fn parse(&self) -> Result<DateParts, String> {
        parse_partial_date(&self.0)
    }
}

impl DateParts {
    /// The earliest day the date can mean, as (year, month, day), for ordering start and end.
    pub fn earliest(self) -> (u16, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The latest day the date can mean, as (year, month, day).
    pub fn latest(self) -> (u16, u8, u8) {
        let month = self.month.unwrap_or(12);
        let day = self.day.unwrap_or_else(|| days_in_month(self.year, month));
        (self.year, month, day)
    }
}

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// The number of days in `month` of `year`.
pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn digits(part: &str, len: usize, what: &str) -> Result<u32, String> {
    if part.len() != len || !part.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("the {what} must be {len} digits"));
    }
    part.parse::<u32>()
        .map_err(|_| format!("the {what} must be {len} digits"))
}

/// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
pub fn parse_partial_date(text: &str) -> Result<DateParts, String> {
    let parts: Vec<&str> = text.split('-').collect();
    if parts.is_empty() || parts.len() > 3 || text.is_empty() {
        return Err("use YYYY, YYYY-MM or YYYY-MM-DD".into());
    }
    let year = digits(parts[0], 4, "year")
        .map_err(|e| format!("{e} (use YYYY, YYYY-MM or YYYY-MM-DD)"))?;
    if year == 0 {
        return Err("there is no year 0000".into());
    }
    let year = year as u16;
    let month = match parts.get(1) {
        None => None,
        Some(m) => {
            let m = digits(m, 2, "month")?;
            if !(1..=12).contains(&m) {
                return Err(format!("month {m} does not exist"));
            }
            Some(m as u8)
        }
    };
    let day = match parts.get(2) {
        None => None,
        Some(d) => {
            let d = digits(d, 2, "day")?;
            let month = month.unwrap_or(1);
            let max = days_in_month(year, month);
            if d == 0 || d > u32::from(max) {
                return Err(format!("day {d} does not exist in {year}-{month:02}"));
            }
            Some(d as u8)
        }
    };
    Ok(DateParts { year, month, day })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_three_precisions() {
        assert_eq!(parse_partial_date("2012").unwrap().month, None);
        assert_eq!(parse_partial_date("2012-06").unwrap().month, Some(6));
        assert_eq!(parse_partial_date("2012-02-29").unwrap().day, Some(29));
    }

    #[test]
    fn rejects_impossible_dates_with_a_reason() {
        assert!(
            parse_partial_date("2013-02-29")
                .unwrap_err()
                .contains("day 29")
        );
        assert!(
            parse_partial_date("2013-13")
                .unwrap_err()
                .contains("month 13")
        );
        assert!(parse_partial_date("13").is_err());
        assert!(parse_partial_date("").is_err());
        assert!(parse_partial_date("2012-6").is_err());
        assert!(parse_partial_date("2012-06-01-02").is_err());
        assert!(parse_partial_date("２０１２").is_err());
    }

    #[test]
    fn earliest_and_latest_cover_the_whole_period() {
        let d = parse_partial_date("2012-02").unwrap();
        assert_eq!(d.earliest(), (2012, 2, 1));
        assert_eq!(d.latest(), (2012, 2, 29));
    }
}
