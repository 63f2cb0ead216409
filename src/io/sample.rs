//! The sample map that ships inside the program (DFGG Cambodia, from `assets/samples`).

use crate::model::Project;

/// The sample map's RON text, as it is in `assets/samples/dfgg-cambodia.ron`.
pub const SAMPLE_RON: &str = include_str!("../../assets/samples/dfgg-cambodia.ron");

/// The sample map. It is checked by the tests, so it always loads; should it ever fail, an
/// empty map is returned rather than a crash.
pub fn sample() -> Project {
    super::load_str(SAMPLE_RON).unwrap_or_default()
}
